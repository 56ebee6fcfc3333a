//! Input widgets shared by the views.
//!
//! Every text field edits a buffer and commits on Enter or when it loses focus, so one edit is
//! one undo step; text that cannot be read shows its reason beside the field and changes
//! nothing; Escape throws the edit away. Every input has an accessible name: the visible label
//! beside it, or a name such as "From the fund, row 2" in tables.

use eframe::egui::{
    self, Align, Color32, Id, Key, Response, RichText, TextEdit, Ui,
    text::{CCursor, CCursorRange},
};
use sif::messages::Message;
use sif::money::{Money, parse_money};

use super::i18n::{self, Lang, T};
use super::state::FieldBuffers;

/// How an input is named for screen readers and tests.
#[derive(Debug, Clone, Copy)]
pub enum Name<'a> {
    /// By the visible label with this id.
    By(Id),
    /// By this text (inputs in tables, whose column header is shared).
    Text(&'a str),
}

impl Name<'_> {
    pub fn apply(self, response: Response) -> Response {
        match self {
            Name::By(id) => response.labelled_by(id),
            Name::Text(t) => response.accessible_name(t),
        }
    }
}

/// The colour of inline error text.
pub fn error_color(ui: &Ui) -> Color32 {
    ui.visuals().error_fg_color
}

pub fn warn_color(ui: &Ui) -> Color32 {
    ui.visuals().warn_fg_color
}

fn read_only_id() -> Id {
    Id::unique("sif_read_only_fields")
}

/// Presentation mode for every commit field of every view: while on, a field shows its value
/// as text and cannot be edited. Views hide their editors themselves ([`super::views::ViewCtx`]
/// `presenting`); this is the safety net, so that no view can edit the fund in front of a room.
pub fn set_read_only(ctx: &egui::Context, on: bool) {
    ctx.data_mut(|d| d.insert_temp(read_only_id(), on));
}

fn is_read_only(ui: &Ui) -> bool {
    ui.data(|d| d.get_temp(read_only_id()).unwrap_or(false))
}

/// A text field that commits on Enter or focus loss. `display` is what it shows when not being
/// edited; `parse` reads the typed text (an `Err` is shown beside the field). Returns the new
/// value when one was committed.
#[allow(clippy::too_many_arguments)]
pub fn commit_field<V>(
    ui: &mut Ui,
    fields: &mut FieldBuffers,
    id: Id,
    name: Name<'_>,
    display: &str,
    width: f32,
    numeric: bool,
    parse: impl FnOnce(&str) -> Result<V, String>,
) -> Option<V> {
    Field { id, name, width }.commit(ui, fields, display, numeric, "", parse)
}

/// A tooltip for a field: what it is (for a field named by text) and what it takes.
fn field_tooltip(name: Name<'_>, hint: &str) -> Option<String> {
    match (name, hint.is_empty()) {
        // A field named by text and taking no particular unit says at least what it is.
        (Name::Text(t), true) => Some(t.to_string()),
        (Name::By(_), true) => None,
        (Name::Text(t), false) => Some(format!("{t}. {hint}")),
        (Name::By(_), false) => Some(hint.to_string()),
    }
}

impl Field<'_> {
    /// [`commit_field`] with a tooltip saying what the field takes (its unit).
    fn commit<V>(
        self,
        ui: &mut Ui,
        fields: &mut FieldBuffers,
        display: &str,
        numeric: bool,
        hint: &str,
        parse: impl FnOnce(&str) -> Result<V, String>,
    ) -> Option<V> {
        let Field { id, name, width } = self;
        if is_read_only(ui) {
            let r = if numeric {
                num_cell_w(ui, width, display)
            } else {
                ui.label(display)
            };
            name.apply(r);
            return None;
        }
        let (mut text, error) = match fields.map.get(&id) {
            Some(b) => (b.text.clone(), b.error.clone()),
            None => (display.to_string(), None),
        };
        // A minimum size as well as the desired width: in a grid, a text field would otherwise
        // shrink to the column's width of the previous frame.
        let mut edit = TextEdit::singleline(&mut text)
            .id(id)
            .desired_width(width)
            .min_size(egui::vec2(width, 0.0));
        if numeric {
            edit = edit.align(egui::Align2::RIGHT_CENTER);
        }
        if error.is_some() {
            edit = edit.text_color(error_color(ui));
        }
        let output = edit.show(ui);
        let mut response = name.apply(output.response.response.clone());
        if let Some(tip) = field_tooltip(name, hint) {
            response = response.on_hover_text(tip);
        }
        if response.gained_focus() {
            // Select everything, so typing replaces the value, as in a spreadsheet.
            select_all(ui.ctx(), output.state.clone(), id, &text);
        }
        let mut committed = None;
        if response.has_focus() || response.changed() {
            let buffer = fields.map.entry(id).or_default();
            buffer.text = text.clone();
            if response.changed() {
                buffer.error = None;
            }
        }
        if response.lost_focus() {
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                fields.map.remove(&id);
            } else {
                match parse(&text) {
                    Ok(v) => {
                        fields.map.remove(&id);
                        committed = Some(v);
                    }
                    Err(e) => {
                        let buffer = fields.map.entry(id).or_default();
                        buffer.text = text;
                        buffer.error = Some(e);
                    }
                }
            }
        }
        if let Some(e) = fields.map.get(&id).and_then(|b| b.error.as_deref()) {
            ui.label(RichText::new(e).color(error_color(ui)).small());
        }
        committed
    }
}

/// One input of a form row, as a small builder instead of a row of positional arguments:
/// `Field::new(id, name).width(70.0).int(ui, fields, lang, &mut s.cost_factor)` edits the value
/// in place (committed on Enter or focus loss, an invalid text shown beside the field and never
/// applied) and says whether it changed.
pub struct Field<'a> {
    id: Id,
    name: Name<'a>,
    width: f32,
}

impl<'a> Field<'a> {
    pub fn new(id: Id, name: Name<'a>) -> Field<'a> {
        Field {
            id,
            name,
            width: 80.0,
        }
    }

    pub fn width(mut self, width: f32) -> Field<'a> {
        self.width = width;
        self
    }

    /// A whole number (percent, weight or count).
    pub fn int(self, ui: &mut Ui, fields: &mut FieldBuffers, lang: Lang, value: &mut i32) -> bool {
        self.whole_number(ui, fields, value, lang.t(T::IntFieldHelp), |t| {
            i18n::parse_int(t).ok_or_else(|| lang.t(T::NotANumber).to_string())
        })
    }

    /// A calendar year.
    pub fn year(self, ui: &mut Ui, fields: &mut FieldBuffers, lang: Lang, value: &mut i32) -> bool {
        self.whole_number(ui, fields, value, lang.t(T::YearFieldHelp), |t| {
            i18n::parse_int(t)
                .filter(|y| (1000..=9999).contains(y))
                .ok_or_else(|| lang.t(T::NotAYear).to_string())
        })
    }

    /// A whole number read by `parse`; true when it was changed.
    fn whole_number(
        self,
        ui: &mut Ui,
        fields: &mut FieldBuffers,
        value: &mut i32,
        hint: &str,
        parse: impl FnOnce(&str) -> Result<i32, String>,
    ) -> bool {
        let current = *value;
        let display = current.to_string();
        let new = self.commit(ui, fields, &display, true, hint, parse);
        set(value, new.filter(|v| *v != current))
    }

    /// An amount in whole kronor; negative ones refused unless `allow_negative`.
    pub fn money(
        self,
        ui: &mut Ui,
        fields: &mut FieldBuffers,
        lang: Lang,
        value: &mut Money,
        allow_negative: bool,
    ) -> bool {
        let v = money_field(
            ui,
            fields,
            self.id,
            self.name,
            lang,
            *value,
            allow_negative,
            self.width,
        );
        set(value, v)
    }
}

fn set<V>(value: &mut V, new: Option<V>) -> bool {
    match new {
        Some(v) => {
            *value = v;
            true
        }
        None => false,
    }
}

/// An amount in whole kronor. Negative amounts are refused unless `allow_negative`.
#[allow(clippy::too_many_arguments)]
pub fn money_field(
    ui: &mut Ui,
    fields: &mut FieldBuffers,
    id: Id,
    name: Name<'_>,
    lang: Lang,
    current: Money,
    allow_negative: bool,
    width: f32,
) -> Option<Money> {
    let display = i18n::money(lang, current);
    let hint = lang.t(T::MoneyFieldHelp);
    Field { id, name, width }
        .commit(ui, fields, &display, true, hint, |t| {
            let m = parse_money(t).map_err(|e| e.text(lang))?;
            if m.0 < 0 && !allow_negative {
                return Err(lang.t(T::NegativeAmount).to_string());
            }
            Ok(m)
        })
        .filter(|m| *m != current)
}

/// A plain text (a name, a note). `required` refuses an empty text.
#[allow(clippy::too_many_arguments)]
pub fn text_field(
    ui: &mut Ui,
    fields: &mut FieldBuffers,
    id: Id,
    name: Name<'_>,
    lang: Lang,
    current: &str,
    required: bool,
    width: f32,
) -> Option<String> {
    let hint = lang.t(T::TextFieldHelp);
    Field { id, name, width }
        .commit(ui, fields, current, false, hint, |t| {
            let t = t.trim();
            if required && t.is_empty() {
                Err(lang.t(T::EmptyNotAllowed).to_string())
            } else {
                Ok(t.to_string())
            }
        })
        .filter(|v| v != current)
}

/// A choice among a few values, as a drop-down.
pub fn choice<V: PartialEq + Clone>(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    name: Name<'_>,
    current: &V,
    options: &[(V, String)],
    width: f32,
) -> Option<V> {
    let selected_text = options
        .iter()
        .find(|(v, _)| v == current)
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    let mut picked = None;
    // A long name (a committee's) is cut to the box, with the whole of it on hover, rather
    // than drawn past the box's edge.
    let inner = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected_text.clone())
        .width(width)
        .truncate()
        .show_ui(ui, |ui| {
            for (v, label) in options {
                if ui.selectable_label(v == current, label.as_str()).clicked() && v != current {
                    picked = Some(v.clone());
                }
            }
        });
    let response = if selected_text.is_empty() {
        inner.response
    } else {
        inner.response.on_hover_text(selected_text)
    };
    name.apply(response);
    picked
}

/// A label for a form row; returns its id for `Name::By`.
pub fn form_label(ui: &mut Ui, text: &str) -> Id {
    ui.label(text).id
}

/// A label and the drop-down it names, changing `value` to the option picked; true when it
/// changed.
pub fn labelled_choice<V: PartialEq + Clone>(
    ui: &mut Ui,
    text: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    value: &mut V,
    options: &[(V, String)],
    width: f32,
) -> bool {
    let label = form_label(ui, text);
    let picked = choice(ui, id_salt, Name::By(label), value, options, width);
    set(value, picked)
}

/// Select the whole text of a text field (`state` is its state, `id` its id), so that typing
/// replaces a suggestion.
pub fn select_all(
    ctx: &egui::Context,
    mut state: egui::text_edit::TextEditState,
    id: Id,
    text: &str,
) {
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(0),
        CCursor::new(text.chars().count()),
    )));
    state.store(ctx, id);
}

/// Right-aligned text in a table cell (figures line up on the units digit). The cell takes
/// the width it is given, so use it where the width is fixed (a table column).
pub fn num_cell(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> Response {
    ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
        ui.label(text)
    })
    .inner
}

/// Right-aligned text in a box of the given width (for grids, whose columns grow to fit).
pub fn num_cell_w(ui: &mut Ui, width: f32, text: impl Into<egui::WidgetText>) -> Response {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::right_to_left(Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.label(text)
        },
    )
    .inner
}

/// A small filled circle, to mark a row that has a problem (the default fonts have no
/// warning sign).
pub fn dot(ui: &mut Ui, color: Color32) -> Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter().circle_filled(rect.center(), 4.0, color);
    response
}

/// An outline in the warning colour around what `ui` holds so far: the place a problem that
/// was followed here is in.
pub fn outline(ui: &mut Ui) {
    let rect = ui.min_rect();
    ui.painter().rect_stroke(
        rect.expand(2.0),
        2.0,
        egui::Stroke::new(2.0, warn_color(ui)),
        egui::StrokeKind::Outside,
    );
}

/// A small heading for a section of a view.
pub fn section(ui: &mut Ui, text: &str) -> Response {
    ui.add_space(8.0);
    let r = ui.label(RichText::new(text).strong().size(16.0));
    ui.add_space(2.0);
    r
}

/// A column that marks a row with a problem: a red dot for an error, an orange one for a
/// warning, nothing otherwise (the space is kept so rows line up). Hovering shows the problem;
/// a screen reader reads it.
pub fn row_marker(ui: &mut Ui, lang: Lang, problem: Option<(sif::validate::Severity, String)>) {
    match problem {
        Some((severity, text)) => {
            let (color, kind) = match severity {
                sif::validate::Severity::Error => (error_color(ui), T::Error),
                sif::validate::Severity::Warning => (warn_color(ui), T::Warning),
            };
            let name = format!("{}: {text}", lang.t(kind));
            let r = dot(ui, color);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
            r.on_hover_text(text);
        }
        None => {
            ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        }
    }
}
