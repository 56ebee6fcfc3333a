//! The views, one file each. A view reads the document and the cached analysis, keeps its own
//! UI state, and emits [`Command`]s; it never changes the document itself.
//!
//! To add a view: a variant here, its text in `i18n.rs`, a file with `pub fn ui(..)`, and a line
//! in [`show`].

pub mod budget;
pub mod initiatives;
pub mod ledger;
pub mod overview;
pub mod problems;
pub mod repayments;
pub mod scenarios;
pub mod settings;
pub mod who_gains;

use eframe::egui::{self, Ui};
use sif::messages::Message;
use sif::model::Fund;

use super::command::Command;
use super::i18n::{Lang, T};
use super::state::{Analysis, FieldBuffers, Preview, UiState};

/// The views of the navigation, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Overview,
    Initiatives,
    Repayments,
    Budget,
    WhoGains,
    Scenarios,
    Ledger,
    Settings,
    Problems,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Overview,
        View::Initiatives,
        View::Repayments,
        View::Budget,
        View::WhoGains,
        View::Scenarios,
        View::Ledger,
        View::Settings,
        View::Problems,
    ];

    pub fn text(self) -> T {
        match self {
            View::Overview => T::ViewOverview,
            View::Initiatives => T::ViewInitiatives,
            View::WhoGains => T::ViewWhoGains,
            View::Scenarios => T::ViewScenarios,
            View::Repayments => T::ViewRepayments,
            View::Budget => T::ViewBudget,
            View::Ledger => T::ViewLedger,
            View::Settings => T::ViewSettings,
            View::Problems => T::ViewProblems,
        }
    }

    /// A short name for file names and the command line (`overview`, `initiatives` …).
    pub fn slug(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Initiatives => "initiatives",
            View::WhoGains => "who-gains",
            View::Scenarios => "scenarios",
            View::Repayments => "repayments",
            View::Budget => "budget",
            View::Ledger => "ledger",
            View::Settings => "settings",
            View::Problems => "problems",
        }
    }

    pub fn from_slug(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == s)
    }
}

/// What every view reads: the document and its analysis, read-only.
pub struct ViewCtx<'a> {
    pub fund: &'a Fund,
    pub analysis: &'a Analysis,
    pub preview: Option<&'a Preview>,
    pub lang: Lang,
    /// The id of the document state (views key their own caches by it).
    pub state: u64,
    /// Presentation mode: views show figures only and hide every control that edits the
    /// document (editors, add and delete buttons).
    pub presenting: bool,
    /// The rule set whose balanced-budget result the views emphasise (trainer mode).
    pub rules: super::whatif::RuleSet,
}

impl View {
    /// The narrowest the view can be laid out without cutting anything off; on a narrower
    /// screen (1024 × 700) it scrolls sideways instead.
    pub fn min_width(self) -> f32 {
        match self {
            View::Initiatives => 780.0,
            View::Budget => 720.0,
            View::Repayments => 760.0,
            View::Ledger => 700.0,
            // Their tables scroll sideways on their own; the text wraps to the window.
            View::Scenarios | View::WhoGains => 540.0,
            View::Overview => 540.0,
            View::Settings | View::Problems => 720.0,
        }
    }
}

/// Draw the current view, in a sideways scroll area when the window is narrower than the view
/// needs.
pub fn show(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let need = st.view.min_width();
    if ui.available_width() >= need {
        show_view(ui, cx, st, out);
        return;
    }
    egui::ScrollArea::horizontal()
        .id_salt(("view_sideways", st.view.slug()))
        .auto_shrink([false, false])
        // Shown all the time, so that it is clear there is more to the right.
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            ui.set_width(need);
            show_view(ui, cx, st, out);
        });
}

fn show_view(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    match st.view {
        View::Overview => overview::ui(ui, cx, st, out),
        View::Initiatives => initiatives::ui(ui, cx, st, out),
        View::WhoGains => who_gains::ui(ui, cx, st, out),
        View::Scenarios => scenarios::ui(ui, cx, st, out),
        View::Repayments => repayments::ui(ui, cx, st, out),
        View::Budget => budget::ui(ui, cx, st, out),
        View::Ledger => ledger::ui(ui, cx, st, out),
        View::Settings => settings::ui(ui, cx, st, out),
        View::Problems => problems::ui(ui, cx, st, out),
    }
}

/// Whether a view has a modal dialog open (the shell then leaves the keyboard shortcuts to
/// it, as for its own dialogs).
pub fn modal_open(st: &UiState) -> bool {
    st.repayments.close_year.is_some()
        || st.ledger.export.is_some()
        || st.initiatives.confirm_delete.is_some()
}

/// The banner shown above figures when the fund has errors.
pub fn errors_banner(ui: &mut Ui, cx: &ViewCtx<'_>, out: &mut Vec<Command>) -> bool {
    if cx.analysis.projection.is_some() {
        return false;
    }
    let lang = cx.lang;
    let text = match &cx.analysis.engine_error {
        Some(e) => e.text(lang),
        None => lang.t(T::ErrorsBlock).to_string(),
    };
    eframe::egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .stroke(eframe::egui::Stroke::new(
            1.0,
            super::widgets::error_color(ui),
        ))
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(super::widgets::error_color(ui), text);
                if ui.button(lang.t(T::ShowProblems)).clicked() {
                    out.push(Command::Navigate(View::Problems));
                }
            });
        });
    true
}

/// The CSV dialect an export starts with: the language's spreadsheet habits.
pub fn csv_dialect(lang: Lang) -> sif::ledger::csv::CsvDialect {
    match lang {
        Lang::Sv => sif::ledger::csv::CsvDialect::Swedish,
        Lang::En => sif::ledger::csv::CsvDialect::Rfc4180,
    }
}

/// The "×" that removes row `row` of a list editor, named "<what> <row>" for screen readers and
/// explained by `what` on hover; true when clicked.
pub fn remove_button(ui: &mut Ui, lang: Lang, what: T, row: usize) -> bool {
    ui.small_button("×")
        .accessible_name(super::i18n::remove_label(lang, what, row))
        .on_hover_text(lang.t(what))
        .clicked()
}

/// A grid's header row: the columns' names in bold, then `blank` empty cells.
pub fn header_row(ui: &mut Ui, lang: Lang, columns: &[T], blank: usize) {
    for &t in columns {
        ui.label(egui::RichText::new(lang.t(t)).strong());
    }
    for _ in 0..blank {
        ui.label("");
    }
    ui.end_row();
}

/// An input of a form or of a list editor's row, set up as a small builder, then `text`,
/// `choice` or `optional_year` on the value, which takes what is committed or chosen:
/// `FormField::labelled(lang, T::Name).width(360.0).text(ui, fields, id, &mut ini.name, true)`
/// draws the label "Namn" in the grid's first column and the field after it;
/// `FormField::row(lang, T::Note, k)` names the field "Anteckning, rad 3" for screen readers and
/// tests (see [`super::i18n::row_label`]), as a table row's inputs share the column's header.
pub struct FormField {
    lang: Lang,
    what: T,
    row: Option<usize>,
    width: f32,
}

impl FormField {
    pub fn labelled(lang: Lang, what: T) -> FormField {
        FormField {
            lang,
            what,
            row: None,
            width: 80.0,
        }
    }

    pub fn row(lang: Lang, what: T, row: usize) -> FormField {
        FormField {
            row: Some(row),
            ..FormField::labelled(lang, what)
        }
    }

    pub fn width(mut self, width: f32) -> FormField {
        self.width = width;
        self
    }

    /// The visible label (a form) or the row's name (a table), then `field` with its name.
    fn named<R>(
        &self,
        ui: &mut Ui,
        field: impl FnOnce(&mut Ui, super::widgets::Name<'_>) -> R,
    ) -> R {
        match self.row {
            Some(row) => {
                let name = super::i18n::row_label(self.lang, self.what, row);
                field(ui, super::widgets::Name::Text(&name))
            }
            None => {
                let label = super::widgets::form_label(ui, self.lang.t(self.what));
                field(ui, super::widgets::Name::By(label))
            }
        }
    }

    /// A text; an empty one refused when `required`.
    pub fn text(
        self,
        ui: &mut Ui,
        fields: &mut FieldBuffers,
        id: egui::Id,
        value: &mut String,
        required: bool,
    ) {
        let (lang, width) = (self.lang, self.width);
        let new = self.named(ui, |ui, name| {
            super::widgets::text_field(ui, fields, id, name, lang, value.as_str(), required, width)
        });
        if let Some(v) = new {
            *value = v;
        }
    }

    /// A short key (a code, a voucher series): the text trimmed, refused with the text of
    /// `refuse` where it says one.
    pub fn key(
        self,
        ui: &mut Ui,
        fields: &mut FieldBuffers,
        id: egui::Id,
        value: &mut String,
        refuse: impl FnOnce(&str) -> Option<T>,
    ) {
        let (lang, width) = (self.lang, self.width);
        let new = self.named(ui, |ui, name| {
            super::widgets::commit_field(ui, fields, id, name, value.as_str(), width, false, |t| {
                let t = t.trim();
                match refuse(t) {
                    Some(why) => Err(lang.t(why).to_string()),
                    None => Ok(t.to_string()),
                }
            })
        });
        if let Some(v) = new {
            *value = v;
        }
    }

    /// One of `options`.
    pub fn choice<V: PartialEq + Clone>(
        self,
        ui: &mut Ui,
        id_salt: impl std::hash::Hash + std::fmt::Debug,
        value: &mut V,
        options: &[(V, String)],
    ) {
        let width = self.width;
        self.named(ui, |ui, name| {
            choose(ui, id_salt, name, value, options, width);
        });
    }

    /// A whole number (percent, weight or count).
    pub fn int(self, ui: &mut Ui, fields: &mut FieldBuffers, id: egui::Id, value: &mut i32) {
        self.number(ui, id, |f, ui, lang| f.int(ui, fields, lang, value));
    }

    /// A calendar year.
    pub fn year(self, ui: &mut Ui, fields: &mut FieldBuffers, id: egui::Id, value: &mut i32) {
        self.number(ui, id, |f, ui, lang| f.year(ui, fields, lang, value));
    }

    /// An amount in whole kronor; a negative one refused unless `allow_negative`.
    pub fn money(
        self,
        ui: &mut Ui,
        fields: &mut FieldBuffers,
        id: egui::Id,
        value: &mut sif::money::Money,
        allow_negative: bool,
    ) {
        self.number(ui, id, |f, ui, lang| {
            f.money(ui, fields, lang, value, allow_negative)
        });
    }

    /// A [`super::widgets::Field`] of this name and width.
    fn number(
        self,
        ui: &mut Ui,
        id: egui::Id,
        add: impl FnOnce(super::widgets::Field<'_>, &mut Ui, Lang) -> bool,
    ) {
        let (lang, width) = (self.lang, self.width);
        self.named(ui, |ui, name| {
            add(super::widgets::Field::new(id, name).width(width), ui, lang)
        });
    }

    /// One status, or every status (a list's filter, `None`).
    pub fn status(self, ui: &mut Ui, id_salt: &str, value: &mut Option<sif::model::Status>) {
        let every = (None, self.lang.t(T::AllStatuses).to_string());
        let options: Vec<_> = std::iter::once(every)
            .chain(
                sif::model::Status::ALL
                    .iter()
                    .map(|&s| (Some(s), super::i18n::status(self.lang, s).to_string())),
            )
            .collect();
        self.choice(ui, id_salt, value, &options);
    }

    /// A year, or none when the field is left empty.
    pub fn optional_year(
        self,
        ui: &mut Ui,
        fields: &mut FieldBuffers,
        id: egui::Id,
        value: &mut Option<i32>,
    ) {
        let (lang, width) = (self.lang, self.width);
        let display = value.map(|y| y.to_string()).unwrap_or_default();
        let new = self.named(ui, |ui, name| {
            super::widgets::commit_field(ui, fields, id, name, &display, width, true, |t| {
                if t.trim().is_empty() {
                    return Ok(None);
                }
                match super::i18n::parse_int(t) {
                    Some(y) if (1000..=9999).contains(&y) => Ok(Some(y)),
                    _ => Err(lang.t(T::NotAYear).to_string()),
                }
            })
        });
        if let Some(v) = new {
            *value = v;
        }
    }
}

/// Why a code (an initiative's, an actor's) is refused: empty, or `taken` by another.
pub fn code_refused(code: &str, taken: bool) -> Option<T> {
    if code.is_empty() {
        Some(T::EmptyNotAllowed)
    } else if taken {
        Some(T::CodeTaken)
    } else {
        None
    }
}

/// "<what>: <amount>" in the warning colour: what is still owed.
pub fn owed_line(ui: &mut Ui, lang: Lang, what: T, amount: sif::money::Money) {
    let text = format!("{}: {}", lang.t(what), super::i18n::money_kr(lang, amount));
    ui.label(egui::RichText::new(text).color(super::widgets::warn_color(ui)));
}

/// [`super::widgets::choice`] on a value that takes the choice.
pub fn choose<V: PartialEq + Clone>(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: super::widgets::Name<'_>,
    value: &mut V,
    options: &[(V, String)],
    width: f32,
) {
    if let Some(v) = super::widgets::choice(ui, id_salt, name, value, options, width) {
        *value = v;
    }
}

/// A view's (or a pane's) vertical scrolling, with the bar's room kept from the first frame so
/// that text wraps inside it and nothing moves when the bar appears.
pub fn scrolled<R>(ui: &mut Ui, id_salt: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink([false, false])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, add)
        .inner
}

/// The name a figure of a table is read by: "<row>, <column>: <value>", e.g.
/// "Pessimistiskt, Fondens saldo …: 18 475 000 kr".
pub fn cell_name(row: &str, column: &str, value: &str) -> String {
    format!("{row}, {column}: {value}")
}

/// A table of figures that scrolls sideways when it is wider than the view: a striped grid
/// (`id`) of `columns` columns, in a scroll area named after it (`<id>_scroll`).
pub fn wide_grid(
    ui: &mut Ui,
    id: &str,
    columns: usize,
    spacing: [f32; 2],
    add: impl FnOnce(&mut Ui),
) {
    egui::ScrollArea::horizontal()
        .id_salt(format!("{id}_scroll"))
        .show(ui, |ui| {
            egui::Grid::new(id)
                .num_columns(columns)
                .spacing(spacing)
                .striped(true)
                .show(ui, add);
        });
}

/// The grid of a list editor or a table of inputs: striped, the rows close together.
pub fn list_grid(id_salt: impl std::hash::Hash + std::fmt::Debug, columns: usize) -> egui::Grid {
    egui::Grid::new(id_salt)
        .num_columns(columns)
        .spacing([12.0, 4.0])
        .striped(true)
}

/// What a list editor shows: its grid, the columns' names, and the texts of the "×" that removes
/// a row and of the button that adds one. A `marked` list has a narrow first column for each
/// row's problem marker (drawn by the row).
pub struct ListEditor<'a, S> {
    pub grid: S,
    pub columns: &'a [T],
    pub remove: T,
    pub add: T,
    pub marked: bool,
}

impl<S: std::hash::Hash + std::fmt::Debug> ListEditor<'_, S> {
    /// The grid of `items`, one row each (`row` draws its inputs, then the "×" follows), and
    /// the add button under it, which pushes `new_item(items)`.
    pub fn show<V>(
        self,
        ui: &mut Ui,
        lang: Lang,
        items: &mut Vec<V>,
        mut row: impl FnMut(&mut Ui, usize, &mut V),
        new_item: impl FnOnce(&[V]) -> V,
    ) {
        let mut removed = None;
        let marker = usize::from(self.marked);
        let mut grid = list_grid(self.grid, marker + self.columns.len() + 1);
        if self.marked {
            grid = grid.min_col_width(0.0);
        }
        grid.show(ui, |ui| {
            if self.marked {
                ui.label("");
            }
            header_row(ui, lang, self.columns, 1);
            for (k, item) in items.iter_mut().enumerate() {
                row(ui, k, item);
                if remove_button(ui, lang, self.remove, k) {
                    removed = Some(k);
                }
                ui.end_row();
            }
        });
        if let Some(k) = removed {
            items.remove(k);
        }
        if ui.button(lang.t(self.add)).clicked() {
            let item = new_item(items);
            items.push(item);
        }
    }
}
