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

/// The inputs of a form or of a list editor: their language, the buffers that keep what is
/// being typed, and how the view makes an input's id from its key and row. Each input starts
/// as a [`FormField`]: `form.labelled(T::Name, "name").width(360.0).text(ui, &mut ini.name,
/// true)` draws the label "Namn" in the grid's first column and the field after it;
/// `form.row(T::Note, "note", k)` names the field "Anteckning, rad 3" for screen readers and
/// tests (see [`super::i18n::row_label`]), as a table row's inputs share the column's header.
pub struct Form<'f> {
    pub lang: Lang,
    pub fields: &'f mut FieldBuffers,
    id: &'f dyn Fn(&str, usize) -> egui::Id,
    outlined: Option<egui::Id>,
}

impl<'f> Form<'f> {
    pub fn new(
        lang: Lang,
        fields: &'f mut FieldBuffers,
        id: &'f dyn Fn(&str, usize) -> egui::Id,
    ) -> Form<'f> {
        Form {
            lang,
            fields,
            id,
            outlined: None,
        }
    }

    /// With the input of this id outlined (where a problem that was followed here is).
    pub fn outlined(mut self, id: Option<egui::Id>) -> Self {
        self.outlined = id;
        self
    }

    /// An input of a form, with its label.
    pub fn labelled(&mut self, what: T, key: &str) -> FormField<'_> {
        self.field(what, key, None)
    }

    /// The input in column `what` of row `row` of a table.
    pub fn row(&mut self, what: T, key: &str, row: usize) -> FormField<'_> {
        self.field(what, key, Some(row))
    }

    fn field(&mut self, what: T, key: &str, row: Option<usize>) -> FormField<'_> {
        let id = (self.id)(key, row.unwrap_or(0));
        FormField {
            lang: self.lang,
            what,
            row,
            width: 80.0,
            id,
            outlined: self.outlined == Some(id),
            fields: self.fields,
        }
    }
}

/// One input of a [`Form`], set up as a small builder, then `text`, `choice`, `int` … on the
/// value, which takes what is committed or chosen.
pub struct FormField<'f> {
    lang: Lang,
    what: T,
    row: Option<usize>,
    width: f32,
    id: egui::Id,
    outlined: bool,
    fields: &'f mut FieldBuffers,
}

impl FormField<'_> {
    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// The visible label (a form) or the row's name (a table), then `field` with its name,
    /// the buffers and the id.
    fn named<R>(
        self,
        ui: &mut Ui,
        field: impl FnOnce(&mut Ui, super::widgets::Name<'_>, &mut FieldBuffers, egui::Id) -> R,
    ) -> R {
        match self.row {
            Some(row) if self.outlined => {
                let name = super::i18n::row_label(self.lang, self.what, row);
                let name = super::widgets::Name::Text(&name);
                let r = ui.scope(|ui| field(ui, name, self.fields, self.id)).inner;
                super::widgets::outline(ui);
                r
            }
            Some(row) => {
                let name = super::i18n::row_label(self.lang, self.what, row);
                field(ui, super::widgets::Name::Text(&name), self.fields, self.id)
            }
            None => {
                let label = super::widgets::form_label(ui, self.lang.t(self.what));
                field(ui, super::widgets::Name::By(label), self.fields, self.id)
            }
        }
    }

    /// A text; an empty one refused when `required`.
    pub fn text(self, ui: &mut Ui, value: &mut String, required: bool) {
        let (lang, width) = (self.lang, self.width);
        let new = self.named(ui, |ui, name, fields, id| {
            super::widgets::text_field(ui, fields, id, name, lang, value.as_str(), required, width)
        });
        if let Some(v) = new {
            *value = v;
        }
    }

    /// A text that may be left empty (then none).
    pub fn optional_text(self, ui: &mut Ui, value: &mut Option<String>) {
        let before = value.clone().unwrap_or_default();
        let mut text = before.clone();
        self.text(ui, &mut text, false);
        if text != before {
            *value = (!text.is_empty()).then_some(text);
        }
    }

    /// One of `options`.
    pub fn choice<V: PartialEq + Clone>(self, ui: &mut Ui, value: &mut V, options: &[(V, String)]) {
        let width = self.width;
        self.named(ui, |ui, name, _, id| {
            choose(ui, id, name, value, options, width);
        });
    }

    /// One status, or every status (a list's filter, `None`).
    pub fn status(self, ui: &mut Ui, value: &mut Option<sif::model::Status>) {
        let every = (None, self.lang.t(T::AllStatuses).to_string());
        let lang = self.lang;
        let options: Vec<_> = std::iter::once(every)
            .chain(
                sif::model::Status::ALL
                    .iter()
                    .map(|&s| (Some(s), super::i18n::status(lang, s).to_string())),
            )
            .collect();
        self.choice(ui, value, &options);
    }

    /// A whole number (percent, weight or count).
    pub fn int(self, ui: &mut Ui, value: &mut i32) {
        self.number(ui, |f, ui, fields, lang| f.int(ui, fields, lang, value));
    }

    /// A calendar year.
    pub fn year(self, ui: &mut Ui, value: &mut i32) {
        self.number(ui, |f, ui, fields, lang| f.year(ui, fields, lang, value));
    }

    /// An amount in whole kronor; a negative one refused unless `allow_negative`.
    pub fn money(self, ui: &mut Ui, value: &mut sif::money::Money, allow_negative: bool) {
        self.number(ui, |f, ui, fields, lang| {
            f.money(ui, fields, lang, value, allow_negative)
        });
    }

    /// A [`super::widgets::Field`] of this name and width.
    fn number(
        self,
        ui: &mut Ui,
        add: impl FnOnce(super::widgets::Field<'_>, &mut Ui, &mut FieldBuffers, Lang) -> bool,
    ) {
        let (lang, width) = (self.lang, self.width);
        self.named(ui, |ui, name, fields, id| {
            add(
                super::widgets::Field::new(id, name).width(width),
                ui,
                fields,
                lang,
            )
        });
    }

    /// A year, or none when the field is left empty.
    pub fn optional_year(self, ui: &mut Ui, value: &mut Option<i32>) {
        let display = value.map(|y| y.to_string()).unwrap_or_default();
        self.commit(ui, value, &display, true, |t, lang| {
            if t.trim().is_empty() {
                return Ok(None);
            }
            match super::i18n::parse_int(t) {
                Some(y) if (1000..=9999).contains(&y) => Ok(Some(y)),
                _ => Err(lang.t(T::NotAYear).to_string()),
            }
        });
    }

    /// A rate in percent (a discount rate).
    pub fn percent(self, ui: &mut Ui, value: &mut f64) {
        let display = super::i18n::percent_value(self.lang, *value);
        self.commit(ui, value, &display, true, |t, lang| {
            super::i18n::parse_percent(t).ok_or_else(|| lang.t(T::NotAPercent).to_string())
        });
    }

    /// A date (`YYYY-MM-DD`, or as the language writes it).
    pub fn date(self, ui: &mut Ui, value: &mut sif::model::FileDate) {
        let display = super::i18n::date(self.lang, value);
        self.commit(ui, value, &display, false, |t, lang| {
            let date = super::i18n::parse_date(t).ok_or_else(|| lang.t(T::NotADate))?;
            Ok(date.into())
        });
    }

    /// A short key (a code, a voucher series): the text trimmed, refused with the text of
    /// `refuse` where it says one.
    pub fn key(self, ui: &mut Ui, value: &mut String, refuse: impl FnOnce(&str) -> Option<T>) {
        let display = value.clone();
        self.commit(ui, value, &display, false, |t, lang| {
            let t = t.trim();
            match refuse(t) {
                Some(why) => Err(lang.t(why).to_string()),
                None => Ok(t.to_string()),
            }
        });
    }

    /// A field showing `display`; what `parse` reads of the typed text replaces `value` (a
    /// text it cannot read stays in the field, with the reason beside it).
    fn commit<V>(
        self,
        ui: &mut Ui,
        value: &mut V,
        display: &str,
        numeric: bool,
        parse: impl FnOnce(&str, Lang) -> Result<V, String>,
    ) {
        let (lang, width) = (self.lang, self.width);
        let new = self.named(ui, |ui, name, fields, id| {
            super::widgets::commit_field(ui, fields, id, name, display, width, numeric, |t| {
                parse(t, lang)
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
/// a row and of the button that adds one.
pub struct ListEditor<'a, S> {
    grid: S,
    columns: &'a [T],
    remove: T,
    add: T,
    marked: bool,
    striped: bool,
}

impl<'a, S: std::hash::Hash + std::fmt::Debug> ListEditor<'a, S> {
    pub fn new(grid: S, columns: &'a [T], remove: T, add: T) -> Self {
        ListEditor {
            grid,
            columns,
            remove,
            add,
            marked: false,
            striped: true,
        }
    }

    /// With a narrow first column for each row's problem marker (drawn by the row).
    pub fn marked(mut self) -> Self {
        self.marked = true;
        self
    }

    /// Without stripes (a short list inside a form).
    pub fn unstriped(mut self) -> Self {
        self.striped = false;
        self
    }

    /// The grid of `items`, one row each (`row` draws its inputs, then the "×" follows), and
    /// the add button under it, which pushes `new_item(items)`.
    pub fn show<V>(
        self,
        ui: &mut Ui,
        lang: Lang,
        items: &mut Vec<V>,
        row: impl FnMut(&mut Ui, usize, &mut V),
        new_item: impl FnOnce(&[V]) -> V,
    ) {
        self.rows(ui, lang, items, row);
        self.add_button(ui, lang, items, new_item);
    }

    /// The grid alone (a row removed with its "×" is gone after it).
    pub fn rows<V>(
        &self,
        ui: &mut Ui,
        lang: Lang,
        items: &mut Vec<V>,
        mut row: impl FnMut(&mut Ui, usize, &mut V),
    ) {
        let mut removed = None;
        let marker = usize::from(self.marked);
        let mut grid = list_grid(&self.grid, marker + self.columns.len() + 1).striped(self.striped);
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
    }

    /// The button that adds a row, `new_item(items)`.
    pub fn add_button<V>(
        &self,
        ui: &mut Ui,
        lang: Lang,
        items: &mut Vec<V>,
        new_item: impl FnOnce(&[V]) -> V,
    ) {
        if ui.button(lang.t(self.add)).clicked() {
            let item = new_item(items);
            items.push(item);
        }
    }
}
