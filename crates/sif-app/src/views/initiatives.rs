//! Initiatives: a sortable, filterable table of every initiative (virtualised, so thousands of
//! rows stay smooth) and an editor for the selected one, with a live preview of its repayment
//! schedule and appraisal.
//!
//! The editor works on a copy of the initiative: widgets change the copy, and if it differs
//! from the document at the end of the frame, one `Edit::Initiative` replaces it — one undo
//! step per user action.

use std::cmp::Ordering;

use eframe::egui::{self, Id, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};
use sif::model::{
    ActorKind, CostKind, CostRow, FixedRepayment, Fund, Initiative, Payer, Repayment, SavingsRow,
    Status,
};
use sif::money::Money;
use sif::validate::{Issue, Location, Severity};

use super::{Form, ViewCtx};
use crate::command::{Command, Edit};
use crate::i18n::{self, Lang, T};
use crate::state::{FieldBuffers, StatusNote, UiState, ViewOptions};
use crate::widgets::{self, Name, choice, form_label, num_cell, num_cell_w, section};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortColumn {
    /// File order.
    #[default]
    File,
    Code,
    Name,
    Owner,
    Status,
    FundCost,
    Savings,
    Repaid,
    Npv,
    AdjustedNpv,
    Payback,
}

/// The table's filter, sort order and its cached row order.
#[derive(Debug, Default)]
pub struct InitiativesState {
    pub filter: String,
    pub status_filter: Option<Status>,
    pub sort: SortColumn,
    pub descending: bool,
    /// The initiatives shown, in display order (indices into the fund).
    pub rows: Vec<usize>,
    rows_key: Option<RowsKey>,
    /// Scroll the table to the selected row once (after Go there).
    pub scroll_to_selected: bool,
    /// Scroll the editor to this offset once (the screenshots show its lower part).
    pub editor_offset: Option<f32>,
    /// Bring the editor section of this problem path into view once (after Go there).
    pub scroll_to_path: Option<String>,
    /// Asking whether to delete this initiative, which has actual figures.
    pub confirm_delete: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
struct RowsKey {
    state: u64,
    options: ViewOptions,
    filter: String,
    status_filter: Option<Status>,
    sort: SortColumn,
    descending: bool,
}

impl InitiativesState {
    /// Recompute the row order only when the document, options, filter or sort changed.
    fn refresh_rows(&mut self, cx: &ViewCtx<'_>, options: &ViewOptions) {
        let key = RowsKey {
            state: cx.state,
            options: options.clone(),
            filter: self.filter.clone(),
            status_filter: self.status_filter,
            sort: self.sort,
            descending: self.descending,
        };
        if self.rows_key.as_ref() == Some(&key) {
            return;
        }
        let fund = cx.fund;
        let needle = self.filter.trim().to_lowercase();
        let mut rows: Vec<usize> = fund
            .initiatives
            .iter()
            .enumerate()
            .filter(|(_, ini)| self.status_filter.is_none_or(|s| ini.status == s))
            .filter(|(_, ini)| {
                needle.is_empty()
                    || ini.code.to_lowercase().contains(&needle)
                    || ini.name.to_lowercase().contains(&needle)
                    || ini.owner.to_lowercase().contains(&needle)
                    || fund
                        .actor(&ini.owner)
                        .is_some_and(|a| a.name.to_lowercase().contains(&needle))
            })
            .map(|(i, _)| i)
            .collect();
        let figs = &cx.analysis.figures;
        let ini = |i: usize| &fund.initiatives[i];
        let fig = |i: usize| figs.get(i);
        let cmp = |a: &usize, b: &usize| -> Ordering {
            let (a, b) = (*a, *b);
            let primary = match self.sort {
                SortColumn::File => a.cmp(&b),
                SortColumn::Code => ini(a).code.cmp(&ini(b).code),
                SortColumn::Name => ini(a).name.to_lowercase().cmp(&ini(b).name.to_lowercase()),
                SortColumn::Owner => ini(a).owner.cmp(&ini(b).owner),
                SortColumn::Status => status_rank(ini(a).status).cmp(&status_rank(ini(b).status)),
                SortColumn::FundCost => fig(a)
                    .map(|f| f.fund_cost)
                    .cmp(&fig(b).map(|f| f.fund_cost)),
                SortColumn::Savings => fig(a).map(|f| f.savings).cmp(&fig(b).map(|f| f.savings)),
                SortColumn::Repaid => fig(a).map(|f| f.repaid).cmp(&fig(b).map(|f| f.repaid)),
                SortColumn::Npv => {
                    let x = fig(a).and_then(|f| f.npv);
                    let y = fig(b).and_then(|f| f.npv);
                    x.partial_cmp(&y).unwrap_or(Ordering::Equal)
                }
                SortColumn::AdjustedNpv => {
                    let x = fig(a).and_then(|f| f.adjusted_npv);
                    let y = fig(b).and_then(|f| f.adjusted_npv);
                    x.partial_cmp(&y).unwrap_or(Ordering::Equal)
                }
                SortColumn::Payback => fig(a)
                    .map(|f| f.payback_year)
                    .cmp(&fig(b).map(|f| f.payback_year)),
            };
            primary.then(a.cmp(&b))
        };
        rows.sort_by(cmp);
        if self.descending {
            rows.reverse();
        }
        self.rows = rows;
        self.rows_key = Some(key);
    }
}

fn status_rank(s: Status) -> usize {
    Status::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    // The figures sorted by are those shown: the options the analysis was made with.
    let options = cx.analysis.options.clone();
    st.initiatives.refresh_rows(cx, &options);

    toolbar_ui(ui, cx, st, out);
    confirm_delete_ui(&ui.ctx().clone(), cx, st, out);
    ui.separator();

    let table_height = (ui.available_height() * 0.42).clamp(140.0, 420.0);
    ui.allocate_ui(egui::vec2(ui.available_width(), table_height), |ui| {
        // The table scrolls sideways on its own when its columns are wider than the window
        // (1024 × 700), so the editor below keeps the window's width.
        egui::ScrollArea::horizontal()
            .id_salt("initiatives_table_h")
            .auto_shrink([false, true])
            .show(ui, |ui| table_ui(ui, cx, st, out));
    });
    ui.separator();

    let mut editor = egui::ScrollArea::vertical()
        .id_salt("initiative_editor")
        .auto_shrink([false, false]);
    if let Some(offset) = st.initiatives.editor_offset.take() {
        editor = editor.vertical_scroll_offset(offset);
    }
    editor.show(ui, |ui| match st.selected {
        // Presenting: the selected initiative's schedule and appraisal, without the editor.
        Some(index) if index < cx.fund.initiatives.len() && cx.presenting => {
            let ini = &cx.fund.initiatives[index];
            ui.heading(format!("{} – {}", ini.code, ini.name));
            preview_ui(ui, cx, index);
        }
        Some(index) if index < cx.fund.initiatives.len() => {
            let scroll_to = st.initiatives.scroll_to_path.take();
            editor_ui(ui, cx, &mut st.fields, index, scroll_to.as_deref(), out);
        }
        _ if cx.fund.initiatives.is_empty() => {
            ui.add_space(12.0);
            ui.label(lang.t(T::FundHasNoInitiativesYet));
        }
        _ => {
            ui.add_space(12.0);
            ui.label(RichText::new(lang.t(T::NoInitiativeSelected)).weak());
        }
    });
}

/// Delete initiative `i` and select its neighbour.
fn delete(fund: &Fund, i: usize, out: &mut Vec<Command>) {
    out.push(Command::Edit(Edit::RemoveInitiative { index: i }));
    out.push(Command::Note(StatusNote::Deleted(
        fund.initiatives[i].code.clone(),
    )));
    let remaining = fund.initiatives.len() - 1;
    out.push(Command::SelectInitiative(
        (remaining > 0).then(|| i.min(remaining - 1)),
    ));
}

/// The question before deleting an initiative that has actual figures.
pub fn confirm_delete_ui(
    ctx: &egui::Context,
    cx: &ViewCtx<'_>,
    st: &mut UiState,
    out: &mut Vec<Command>,
) {
    let Some(i) = st.initiatives.confirm_delete else {
        return;
    };
    let Some(ini) = cx.fund.initiatives.get(i) else {
        st.initiatives.confirm_delete = None;
        return;
    };
    let lang = cx.lang;
    let years: Vec<String> = ini.actuals.iter().map(|a| a.year.to_string()).collect();
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm_delete_initiative")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(lang.t(T::DeleteInitiative));
        ui.label(i18n::delete_with_actuals(
            lang,
            &ini.code,
            &years.join(", "),
        ));

        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(lang.t(T::DeleteAnyway)).clicked() {
                answer = Some(true);
            }
            if ui.button(lang.t(T::Cancel)).clicked() {
                answer = Some(false);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(false);
    }
    match answer {
        Some(true) => {
            st.initiatives.confirm_delete = None;
            delete(cx.fund, i, out);
        }
        Some(false) => st.initiatives.confirm_delete = None,
        None => {}
    }
}

fn toolbar_ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    // Wrapped: on a narrow window the buttons go to a second line instead of past the edge.
    ui.horizontal_wrapped(|ui| {
        let label = form_label(ui, lang.t(T::Filter));
        ui.add(
            egui::TextEdit::singleline(&mut st.initiatives.filter)
                .hint_text(lang.t(T::FilterHint))
                .desired_width(200.0),
        )
        .labelled_by(label)
        .on_hover_text(lang.t(T::ShowsOnlyInitiativesWhoseCode));
        let ids = |what: &str, _: usize| Id::unique(what);
        let mut form = Form::new(lang, &mut st.fields, &ids);
        let status = form.labelled(T::StatusFilter, "status_filter").width(120.0);
        status.status(ui, &mut st.initiatives.status_filter);
        ui.label(
            RichText::new(i18n::initiatives_shown(
                lang,
                st.initiatives.rows.len(),
                cx.fund.initiatives.len(),
            ))
            .weak(),
        );
        if cx.presenting {
            return;
        }
        // The buttons start a line of their own when what is left of this one cannot hold
        // them (as measured in the current font, so a longer language or zoom still fits).
        let needed: f32 = [T::Delete, T::Duplicate, T::ReadFromExcel, T::AddInitiative]
            .iter()
            .map(|&t| {
                let galley = egui::WidgetText::from(lang.t(t)).into_galley(
                    ui,
                    None,
                    f32::INFINITY,
                    egui::TextStyle::Button,
                );
                galley.size().x + 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x
            })
            .sum();
        if ui.available_size_before_wrap().x < needed + 8.0 {
            ui.end_row();
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let selected = st.selected.filter(|i| *i < cx.fund.initiatives.len());
            if ui
                .add_enabled(selected.is_some(), egui::Button::new(lang.t(T::Delete)))
                .clicked()
                && let Some(i) = selected
            {
                if cx.fund.initiatives[i].actuals.is_empty() {
                    delete(cx.fund, i, out);
                } else {
                    // Actual figures are the books: ask before they go.
                    st.initiatives.confirm_delete = Some(i);
                }
            }
            if ui
                .add_enabled(selected.is_some(), egui::Button::new(lang.t(T::Duplicate)))
                .clicked()
                && let Some(i) = selected
            {
                let mut copy = cx.fund.initiatives[i].clone();
                copy.code = free_code(cx.fund, &format!("{}-", copy.code));
                copy.name = format!("{} ({})", copy.name, lang.t(T::CopySuffix));
                out.push(Command::Edit(Edit::InsertInitiative {
                    index: i + 1,
                    value: Box::new(copy),
                }));
                out.push(Command::SelectInitiative(Some(i + 1)));
            }
            if ui
                .button(lang.t(T::ReadFromExcel))
                .on_hover_text(lang.t(T::ReadInitiativesFilledTemplateXlsx))
                .clicked()
            {
                out.push(Command::Import(crate::import::ImportKind::Initiatives));
            }
            if ui.button(lang.t(T::AddInitiative)).clicked() {
                let index = cx.fund.initiatives.len();
                out.push(Command::Edit(Edit::InsertInitiative {
                    index,
                    value: Box::new(new_initiative(cx.fund, lang)),
                }));
                out.push(Command::SelectInitiative(Some(index)));
            }
        });
    });
}

/// The first year that is not closed (the first year of the horizon when none is), within
/// the horizon.
pub fn first_open_year(fund: &Fund) -> i32 {
    fund.closed_through
        .map_or(fund.first_year, |c| c + 1)
        .clamp(fund.first_year, fund.last_year().max(fund.first_year))
}

/// A code not used by any initiative: `prefix1`, `prefix2`, …
fn free_code(fund: &Fund, prefix: &str) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|c| !fund.initiatives.iter().any(|i| &i.code == c))
        .unwrap_or_else(|| prefix.to_string())
}

/// A fresh proposed initiative owned by the holder, with one empty cost row.
pub fn new_initiative(fund: &Fund, lang: Lang) -> Initiative {
    let owner = if fund
        .actor(&fund.holder)
        .is_some_and(|a| a.kind == ActorKind::Committee)
    {
        fund.holder.clone()
    } else {
        fund.actors
            .iter()
            .find(|a| a.kind == ActorKind::Committee)
            .map(|a| a.code.clone())
            .unwrap_or_default()
    };
    Initiative {
        code: free_code(fund, "N"),
        name: lang.t(T::AddInitiative).to_string(),
        owner,
        status: Status::Proposed,
        ended: None,
        costs: vec![CostRow {
            year: first_open_year(fund),
            fund: Money::ZERO,
            own: Money::ZERO,
            kind: CostKind::Staff,
        }],
        savings: Vec::new(),
        repayment: Repayment::Grant,
        actuals: Vec::new(),
        note: String::new(),
    }
}

fn sort_header(ui: &mut Ui, st: &mut UiState, lang: Lang, text: T, column: SortColumn) {
    let s = &mut st.initiatives;
    let response = ui
        .add(egui::Button::new(RichText::new(lang.t(text)).strong()).frame(false))
        .accessible_name(format!("{} {}", lang.t(T::SortBy), lang.t(text)));
    if s.sort == column {
        // A small triangle: up for ascending, down for descending (drawn, as the default
        // fonts have no arrow glyphs).
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
        let c = rect.center();
        let (top, bottom) = (c.y - 3.5, c.y + 3.5);
        let points = if s.descending {
            vec![
                egui::pos2(c.x - 4.0, top),
                egui::pos2(c.x + 4.0, top),
                egui::pos2(c.x, bottom),
            ]
        } else {
            vec![
                egui::pos2(c.x - 4.0, bottom),
                egui::pos2(c.x + 4.0, bottom),
                egui::pos2(c.x, top),
            ]
        };
        ui.painter().add(egui::Shape::convex_polygon(
            points,
            ui.visuals().strong_text_color(),
            egui::Stroke::NONE,
        ));
    }
    if response.clicked() {
        if s.sort == column {
            s.descending = !s.descending;
        } else {
            s.sort = column;
            s.descending = false;
        }
    }
}

fn table_ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    // Text in the cells is not selectable, so a click anywhere on a row selects the row.
    ui.style_mut().interaction.selectable_labels = false;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut table = TableBuilder::new(ui)
        .id_salt("initiatives_table")
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(76.0).at_least(50.0).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::initial(56.0).at_least(40.0).clip(true))
        .column(Column::initial(84.0).at_least(60.0).clip(true))
        .columns(Column::initial(108.0).at_least(80.0).clip(true), 4)
        .column(Column::initial(220.0).at_least(100.0).clip(true))
        .column(Column::initial(128.0).at_least(80.0).clip(true))
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY);
    if std::mem::take(&mut st.initiatives.scroll_to_selected)
        && let Some(sel) = st.selected
        && let Some(pos) = st.initiatives.rows.iter().position(|r| *r == sel)
    {
        table = table.scroll_to_row(pos, Some(egui::Align::Center));
    }
    let headers = [
        (T::Code, SortColumn::Code),
        (T::Name, SortColumn::Name),
        (T::Owner, SortColumn::Owner),
        (T::Status, SortColumn::Status),
        (T::FundCost, SortColumn::FundCost),
        (T::SavingsShort, SortColumn::Savings),
        (T::RepaidCol, SortColumn::Repaid),
        (T::Npv, SortColumn::Npv),
        (T::AdjustedNpvRange, SortColumn::AdjustedNpv),
        (T::PaybackYear, SortColumn::Payback),
    ];
    let rows = std::mem::take(&mut st.initiatives.rows);
    table
        .header(row_height + 2.0, |mut header| {
            for (text, column) in headers {
                header.col(|ui| sort_header(ui, st, lang, text, column));
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let index = rows[row.index()];
                let Some(ini) = cx.fund.initiatives.get(index) else {
                    return;
                };
                let selected = st.selected == Some(index);
                row.set_selected(selected);
                let fig = cx.analysis.figures.get(index).cloned().unwrap_or_default();
                let money =
                    |m: Option<Money>| m.map_or_else(|| "–".to_string(), |m| i18n::money(lang, m));
                let errors = cx
                    .analysis
                    .errors_per_initiative
                    .get(index)
                    .copied()
                    .unwrap_or(0);
                let mut clicked = false;
                row.col(|ui| {
                    if errors > 0 {
                        widgets::dot(ui, widgets::error_color(ui));
                    }
                    clicked |= ui.selectable_label(selected, &ini.code).clicked();
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&ini.name).truncate());
                });
                row.col(|ui| {
                    ui.label(&ini.owner);
                });
                row.col(|ui| {
                    let r = ui.label(i18n::status(lang, ini.status));
                    if fig.fund_cost.is_none() && cx.analysis.projection.is_some() {
                        // Why the figures are blank: a proposed initiative that does not count.
                        r.on_hover_text(lang.t(T::NotCounted));
                    }
                });
                row.col(|ui| {
                    num_cell(ui, money(fig.fund_cost));
                });
                row.col(|ui| {
                    num_cell(ui, money(fig.savings));
                });
                row.col(|ui| {
                    num_cell(ui, money(fig.repaid));
                });
                row.col(|ui| {
                    num_cell(
                        ui,
                        fig.npv
                            .map_or_else(|| "–".to_string(), |v| i18n::money_f64(lang, v)),
                    );
                });
                row.col(|ui| {
                    // The adjusted value with its range: what a committee can trust.
                    let text = match (fig.adjusted_npv, fig.npv_low, fig.npv_high) {
                        (Some(v), Some(lo), Some(hi)) if lo != v || hi != v => format!(
                            "{} ({} – {})",
                            i18n::money_f64(lang, v),
                            i18n::money_f64(lang, lo),
                            i18n::money_f64(lang, hi)
                        ),
                        (Some(v), _, _) => i18n::money_f64(lang, v),
                        _ => "–".to_string(),
                    };
                    num_cell(ui, text);
                });
                row.col(|ui| {
                    num_cell(
                        ui,
                        fig.payback_year
                            .map_or_else(|| "–".to_string(), |y| y.to_string()),
                    );
                });
                if clicked || row.response().clicked() {
                    out.push(Command::SelectInitiative(Some(index)));
                }
            });
        });
    st.initiatives.rows = rows;
}

/// A field id for part `what` of initiative `index`.
fn fid(index: usize, what: &str, row: usize) -> Id {
    Id::unique(("initiative", index, what, row))
}

fn committee_options(fund: &Fund, current: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = fund
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Committee)
        .map(|a| (a.code.clone(), format!("{} – {}", a.code, a.name)))
        .collect();
    if !v.iter().any(|(c, _)| c == current) {
        v.insert(0, (current.to_string(), current.to_string()));
    }
    v
}

fn actor_options(fund: &Fund, current: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = fund
        .actors
        .iter()
        .map(|a| (a.code.clone(), format!("{} – {}", a.code, a.name)))
        .collect();
    if !v.iter().any(|(c, _)| c == current) {
        v.insert(0, (current.to_string(), current.to_string()));
    }
    v
}

/// The problems whose path contains `needle` (such as `.costs[2]`): the most serious
/// severity and their messages.
fn problem_at(lang: Lang, issues: &[&Issue], needle: &str) -> Option<(Severity, String)> {
    let here: Vec<&&Issue> = issues.iter().filter(|i| i.path.contains(needle)).collect();
    let severity = here.iter().map(|i| i.severity).min()?;
    let text = here
        .iter()
        .map(|i| i.message(lang.is_sv()))
        .collect::<Vec<_>>()
        .join("; ");
    Some((severity, text))
}

/// Bring a section heading into view when a problem in it was chosen.
fn section_at(ui: &mut Ui, text: &str, scroll_to: Option<&str>, part: &str) {
    let r = section(ui, text);
    if scroll_to.is_some_and(|p| p.contains(part)) {
        r.scroll_to_me(Some(egui::Align::TOP));
    }
}

fn editor_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    fields: &mut FieldBuffers,
    index: usize,
    scroll_to: Option<&str>,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let fund = cx.fund;
    let original = &fund.initiatives[index];
    let mut ini = original.clone();
    // This initiative's problems, to mark the rows they are in.
    let issues: Vec<&Issue> = cx
        .analysis
        .report
        .issues
        .iter()
        .filter(|i| i.location == Location::Initiative(index))
        .collect();

    ui.heading(format!("{} – {}", original.code, original.name));
    // One line that is always there, so that a warning appearing or going never moves the
    // fields under the pointer; the problems themselves are listed under the editor.
    issues_summary_ui(ui, lang, &issues);

    section(ui, lang.t(T::Basics));
    let ids = |what: &str, row: usize| fid(index, what, row);
    let mut form = Form::new(lang, fields, &ids);
    egui::Grid::new("initiative_basics")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            let taken = |t: &str| {
                let mut others = fund.initiatives.iter().enumerate();
                others.any(|(i, x)| i != index && x.code == t)
            };
            let code = form.labelled(T::Code, "code").width(120.0);
            code.key(ui, &mut ini.code, |t| super::code_refused(t, taken(t)));
            ui.end_row();

            let name = form.labelled(T::Name, "name").width(360.0);
            name.text(ui, &mut ini.name, true);
            ui.end_row();

            let owners = committee_options(fund, &ini.owner);
            let owner = form.labelled(T::Owner, "owner").width(260.0);
            owner.choice(ui, &mut ini.owner, &owners);

            ui.end_row();

            let l = form_label(ui, lang.t(T::Status));
            let statuses: Vec<(Status, String)> = Status::ALL
                .iter()
                .map(|s| (*s, i18n::status(lang, *s).to_string()))
                .collect();
            if let Some(v) = choice(
                ui,
                ("status", index),
                Name::By(l),
                &ini.status,
                &statuses,
                160.0,
            ) {
                ini.status = v;
                if v == Status::Terminated && ini.ended.is_none() {
                    ini.ended = Some(fund.first_year.max(fund.closed_through.unwrap_or(0)));
                }
                if v != Status::Terminated {
                    ini.ended = None;
                }
            }
            ui.end_row();

            if ini.status == Status::Terminated || ini.ended.is_some() {
                let ended = form.labelled(T::Ended, "ended").width(80.0);
                ended.optional_year(ui, &mut ini.ended);
                ui.end_row();
            }

            let note = form.labelled(T::Note, "note").width(360.0);
            note.text(ui, &mut ini.note, false);
            ui.end_row();
        });

    let part = Part {
        cx,
        index,
        issues: &issues,
        scroll_to,
    };
    costs_ui(ui, &part, &mut form, &mut ini);
    savings_ui(ui, &part, &mut form, &mut ini);
    repayment_ui(ui, &part, form.fields, &mut ini);
    issues_ui(ui, cx, index);
    preview_ui(ui, cx, index);

    if ini != *original {
        out.push(Command::Edit(Edit::Initiative {
            index,
            value: Box::new(ini),
        }));
    }
}

fn issues_summary_ui(ui: &mut Ui, lang: Lang, issues: &[&Issue]) {
    let errors = issues.iter().filter(|i| i.is_error()).count();
    let warnings = issues.len() - errors;
    if issues.is_empty() {
        ui.label(RichText::new(lang.t(T::NoErrorsWarningsInitiative)).weak());
    } else {
        let color = if errors > 0 {
            widgets::error_color(ui)
        } else {
            widgets::warn_color(ui)
        };
        let text = format!(
            "{} – {}",
            i18n::problem_count(lang, errors, warnings),
            lang.t(T::MarkedTheirRowsListedBelow)
        );
        ui.label(RichText::new(text).color(color));
    }
}

fn issues_ui(ui: &mut Ui, cx: &ViewCtx<'_>, index: usize) {
    let lang = cx.lang;
    let mut any = false;
    for issue in cx
        .analysis
        .report
        .issues
        .iter()
        .filter(|i| i.location == Location::Initiative(index))
    {
        if !any {
            ui.label(RichText::new(lang.t(T::IssuesHere)).strong());
            any = true;
        }
        let color = if issue.is_error() {
            widgets::error_color(ui)
        } else {
            widgets::warn_color(ui)
        };
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                color,
                lang.t(if issue.is_error() {
                    T::Error
                } else {
                    T::Warning
                }),
            );
            ui.label(issue.message(lang.is_sv()));
            ui.label(RichText::new(super::problems::readable_path(lang, &issue.path)).small());
        });
    }
}

/// What the parts of the initiative editor share: the view's context, the initiative's index
/// and problems, and the part a followed problem is in.
struct Part<'a> {
    cx: &'a ViewCtx<'a>,
    index: usize,
    issues: &'a [&'a Issue],
    scroll_to: Option<&'a str>,
}

impl Part<'_> {
    /// The part's heading, scrolled into view when the problem followed here is in `part`.
    fn heading(&self, ui: &mut Ui, text: T, part: &str) {
        section_at(ui, self.cx.lang.t(text), self.scroll_to, part);
    }

    /// The marker of row `k` of the list `list` (`costs`, `savings`): the worst problem there.
    fn marker(&self, ui: &mut Ui, list: &str, k: usize) {
        let lang = self.cx.lang;
        let here = format!(".{list}[{}]", k + 1);
        widgets::row_marker(ui, lang, problem_at(lang, self.issues, &here));
    }
}

fn costs_ui(ui: &mut Ui, part: &Part<'_>, form: &mut Form<'_>, ini: &mut Initiative) {
    let lang = part.cx.lang;
    part.heading(ui, T::Costs, ".costs");
    let kinds: Vec<(CostKind, String)> = CostKind::ALL
        .iter()
        .map(|k| (*k, i18n::cost_kind(lang, *k).to_string()))
        .collect();
    let columns = [T::CostYear, T::CostFund, T::CostOwn, T::CostKind];
    let editor = super::ListEditor::new(
        ("costs", part.index),
        &columns,
        T::RemoveCostRow,
        T::AddCostRow,
    );
    // A new row: the year after the last row, but never a closed year (those keep their
    // outcome), and the last row's kind.
    let open = first_open_year(part.cx.fund);
    let last_year = part.cx.fund.last_year();
    editor.marked().show(
        ui,
        lang,
        &mut ini.costs,
        |ui, k, row| {
            part.marker(ui, "costs", k);
            form.row(T::CostYear, "cost_year", k)
                .width(64.0)
                .year(ui, &mut row.year);
            form.row(T::CostFund, "cost_fund", k)
                .width(130.0)
                .money(ui, &mut row.fund, false);
            form.row(T::CostOwn, "cost_own", k)
                .width(130.0)
                .money(ui, &mut row.own, false);
            form.row(T::CostKind, "cost_kind", k)
                .width(110.0)
                .choice(ui, &mut row.kind, &kinds);
        },
        |costs| CostRow {
            year: costs
                .last()
                .map(|r| (r.year + 1).max(open).min(last_year))
                .unwrap_or(open),
            fund: Money::ZERO,
            own: Money::ZERO,
            kind: costs.last().map(|r| r.kind).unwrap_or(CostKind::Staff),
        },
    );
}

fn savings_ui(ui: &mut Ui, part: &Part<'_>, form: &mut Form<'_>, ini: &mut Initiative) {
    let lang = part.cx.lang;
    let fund = part.cx.fund;
    part.heading(ui, T::Savings, ".savings");
    let columns = [T::Actor, T::From, T::To, T::AmountPerYear, T::Cashable];
    let editor = super::ListEditor::new(
        ("savings", part.index),
        &columns,
        T::RemoveSavingsRow,
        T::AddSavingsRow,
    )
    .marked();
    editor.rows(ui, lang, &mut ini.savings, |ui, k, row| {
        part.marker(ui, "savings", k);
        let actors = actor_options(fund, &row.actor);
        let actor = form.row(T::Actor, "savings_actor", k).width(220.0);
        actor.choice(ui, &mut row.actor, &actors);
        form.row(T::From, "savings_from", k)
            .width(64.0)
            .year(ui, &mut row.from);
        form.row(T::To, "savings_to", k)
            .width(64.0)
            .year(ui, &mut row.to);
        let amount = form.row(T::AmountPerYear, "savings_amount", k);
        amount.width(130.0).money(ui, &mut row.amount, false);
        ui.checkbox(&mut row.cashable, "")
            .accessible_name(i18n::row_label(lang, T::Cashable, k))
            .on_hover_text(lang.t(T::CashableHelp));
    });
    for (k, row) in ini.savings.iter_mut().enumerate() {
        adjustments_ui(ui, form, part.index, k, row);
    }
    let costs = &ini.costs;
    let owner = &ini.owner;
    editor.add_button(ui, lang, &mut ini.savings, |savings| {
        let (from, to) = match savings.last() {
            Some(r) => (r.from, r.to),
            None => {
                let start = costs
                    .iter()
                    .map(|c| c.year)
                    .max()
                    .map_or(fund.first_year, |y| (y + 1).min(fund.last_year()));
                (start, fund.last_year())
            }
        };
        let actor = savings
            .last()
            .map(|r| r.actor.clone())
            .unwrap_or_else(|| owner.clone());
        SavingsRow::new(&actor, from, to, Money::ZERO, true)
    });
}

/// One savings row's adjustments for the adjusted appraisal (SPEC §4.7), behind a disclosure
/// so the plain plan stays simple: each term with a one-line explanation.
fn adjustments_ui(ui: &mut Ui, form: &mut Form<'_>, index: usize, k: usize, row: &mut SavingsRow) {
    let lang = form.lang;
    let title = format!(
        "{}: {} {}–{}{}",
        i18n::row_label(lang, T::Adjustments, k),
        row.actor,
        row.from,
        row.to,
        if row.is_unadjusted() {
            format!(" ({})", lang.t(T::AdjustmentsNone))
        } else {
            String::new()
        }
    );
    egui::CollapsingHeader::new(title)
        .id_salt(("adjustments", index, k))
        .show(ui, |ui| {
            egui::Grid::new(("adjustments_grid", index, k))
                .num_columns(3)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    let terms: [(T, T, &str, &mut i32); 6] = [
                        (
                            T::Deadweight,
                            T::DeadweightHelp,
                            "adj_deadweight",
                            &mut row.deadweight,
                        ),
                        (
                            T::Attribution,
                            T::AttributionHelp,
                            "adj_attribution",
                            &mut row.attribution,
                        ),
                        (
                            T::DropOff,
                            T::DropOffHelp,
                            "adj_drop_off",
                            &mut row.drop_off,
                        ),
                        (
                            T::OptimismBias,
                            T::OptimismBiasHelp,
                            "adj_optimism",
                            &mut row.optimism_bias,
                        ),
                        (T::RangeLow, T::RangeLowHelp, "adj_low", &mut row.low),
                        (T::RangeHigh, T::RangeHighHelp, "adj_high", &mut row.high),
                    ];
                    for (label, help, what, value) in terms {
                        ui.label(lang.t(label));
                        form.row(label, what, k).width(60.0).int(ui, value);
                        ui.label(RichText::new(lang.t(help)).weak());
                        ui.end_row();
                    }
                });
        });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RepaymentKind {
    Grant,
    Fixed,
    FromSavings,
}

fn repayment_ui(ui: &mut Ui, part: &Part<'_>, fields: &mut FieldBuffers, ini: &mut Initiative) {
    let (lang, fund, index) = (part.cx.lang, part.cx.fund, part.index);
    part.heading(ui, T::RepaymentAgreement, ".repayment");
    let current = match ini.repayment {
        Repayment::Grant => RepaymentKind::Grant,
        Repayment::Fixed(_) => RepaymentKind::Fixed,
        Repayment::FromSavings { .. } => RepaymentKind::FromSavings,
    };
    let mut kind = current;
    ui.horizontal(|ui| {
        ui.radio_value(&mut kind, RepaymentKind::Grant, lang.t(T::Grant));
        ui.radio_value(&mut kind, RepaymentKind::Fixed, lang.t(T::Fixed));
        ui.radio_value(
            &mut kind,
            RepaymentKind::FromSavings,
            lang.t(T::FromSavings),
        );
    });
    if kind != current {
        // Keep the share and start year across a switch; sensible defaults otherwise.
        let (share, start) = match &ini.repayment {
            Repayment::Fixed(FixedRepayment { share, start, .. })
            | Repayment::FromSavings { share, start, .. } => (*share, *start),
            Repayment::Grant => {
                let start = ini
                    .savings
                    .iter()
                    .map(|s| s.from)
                    .min()
                    .unwrap_or(fund.first_year)
                    .clamp(fund.first_year, fund.last_year());
                (50, start)
            }
        };
        ini.repayment = match kind {
            RepaymentKind::Grant => Repayment::Grant,
            RepaymentKind::Fixed => Repayment::Fixed(FixedRepayment {
                share,
                start,
                instalments: 5,
                payers: vec![Payer {
                    actor: ini.owner.clone(),
                    weight: 100,
                }],
            }),
            RepaymentKind::FromSavings => Repayment::FromSavings {
                share,
                start,
                cap: 100,
            },
        };
    }
    match &mut ini.repayment {
        Repayment::Grant => {}
        Repayment::Fixed(fixed) => {
            agreement_ui(
                ui,
                ("fixed", index),
                fields,
                lang,
                (T::ShareOfFundCost, &mut fixed.share),
                &mut fixed.start,
                (T::Instalments, "instalments", &mut fixed.instalments),
            );
            payers_ui(ui, part, fields, &mut fixed.payers);
        }
        Repayment::FromSavings { share, start, cap } => {
            let share = (T::ShareOfCashSavings, share);
            let cap = (T::Cap, "cap", cap);
            agreement_ui(ui, ("from_savings", index), fields, lang, share, start, cap);
        }
    }
}

/// The payers of a fixed plan and their weights.
fn payers_ui(ui: &mut Ui, part: &Part<'_>, fields: &mut FieldBuffers, payers: &mut Vec<Payer>) {
    let (lang, fund, index) = (part.cx.lang, part.cx.fund, part.index);
    // A weight sum that is off concerns every payer row.
    let weight_issues: Vec<&Issue> = part
        .issues
        .iter()
        .copied()
        .filter(|i| i.path.ends_with(".payers"))
        .collect();
    let ids = |what: &str, row: usize| fid(index, what, row);
    let mut form = Form::new(lang, fields, &ids);
    let columns = [T::Payers, T::Weight];
    let editor = super::ListEditor::new(("payers", index), &columns, T::RemovePayer, T::AddPayer);
    editor.marked().unstriped().show(
        ui,
        lang,
        payers,
        |ui, k, payer| {
            let here = format!(".payers[{}]", k + 1);
            let problem = problem_at(lang, part.issues, &here)
                .or_else(|| problem_at(lang, &weight_issues, ".payers"));
            widgets::row_marker(ui, lang, problem);
            let committees = committee_options(fund, &payer.actor);
            let actor = form.row(T::Payers, "payer", k).width(220.0);
            actor.choice(ui, &mut payer.actor, &committees);
            let weight = form.row(T::Weight, "weight", k).width(50.0);
            weight.int(ui, &mut payer.weight);
        },
        |payers| {
            let actor = fund
                .actors
                .iter()
                .find(|a| {
                    a.kind == ActorKind::Committee && !payers.iter().any(|p| p.actor == a.code)
                })
                .map(|a| a.code.clone())
                .unwrap_or_default();
            let used: i32 = payers.iter().map(|p| p.weight).sum();
            Payer {
                actor,
                weight: (100 - used).max(0),
            }
        },
    );
}

/// A repayment agreement's three numbers: the share, the start year and the instalments (a
/// fixed plan) or the cap (from savings), each on a labelled row.
fn agreement_ui(
    ui: &mut Ui,
    (grid, index): (&str, usize),
    fields: &mut FieldBuffers,
    lang: Lang,
    share: (T, &mut i32),
    start: &mut i32,
    third: (T, &str, &mut i32),
) {
    let ids = |what: &str, row: usize| fid(index, what, row);
    let mut form = Form::new(lang, fields, &ids);
    egui::Grid::new((grid, index))
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            let (what, share) = share;
            form.labelled(what, "share").width(60.0).int(ui, share);
            ui.end_row();
            form.labelled(T::StartYear, "start")
                .width(60.0)
                .year(ui, start);
            ui.end_row();
            let (what, key, value) = third;
            form.labelled(what, key).width(60.0).int(ui, value);
            ui.end_row();
        });
}

/// The name a preview figure is read by, e.g. "Återföringsplan 2028, Summa: 1 200 000".
pub fn schedule_cell_name(lang: Lang, year: i32, payer: &str, value: &str) -> String {
    format!("{} {year}, {payer}: {value}", lang.t(T::SchedulePreview))
}

fn preview_ui(ui: &mut Ui, cx: &ViewCtx<'_>, index: usize) {
    let lang = cx.lang;
    let Some(preview) = cx.preview else {
        return;
    };
    section(ui, lang.t(T::SchedulePreview));
    if preview.report.has_errors() {
        ui.label(RichText::new(lang.t(T::PreviewBlocked)).color(widgets::error_color(ui)));
        return;
    }
    let Some(p) = &preview.projection else {
        return;
    };
    let (Some(ip), Some(ap)) = (p.initiatives.first(), p.appraisal.first()) else {
        return;
    };
    let fund = cx.fund;
    let years: Vec<usize> = (0..p.statement.len())
        .filter(|&y| {
            ip.repayments
                .iter()
                .any(|r| r.planned[y].0 > 0 || r.received[y].0 > 0)
        })
        .collect();
    if years.is_empty() {
        ui.label(lang.t(T::NoRepayments));
    } else {
        let payer_code = |actor: usize| {
            fund.actors
                .get(actor)
                .map(|a| a.code.clone())
                .unwrap_or_default()
        };
        egui::Grid::new(("schedule_preview", index))
            .num_columns(ip.repayments.len() + 2)
            .spacing([20.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                ui.label(RichText::new(lang.t(T::Year)).strong());
                for r in &ip.repayments {
                    num_cell_w(ui, 110.0, RichText::new(payer_code(r.actor)).strong());
                }
                num_cell_w(ui, 110.0, RichText::new(lang.t(T::Total)).strong());
                ui.end_row();
                for &y in &years {
                    let year = p.first_year + y as i32;
                    // The planned figures, as Återföringar shows them; a closed year says
                    // so, and its actual figures and arrears are in Återföringar.
                    if y < p.closed_years {
                        ui.label(format!("{year} ({})", lang.t(T::ClosedYearShort)));
                    } else {
                        ui.label(year.to_string());
                    }
                    let total = ip.planned_repayment_in(y);
                    for r in &ip.repayments {
                        let v = r.planned[y];
                        let text = i18n::money(lang, v);
                        num_cell_w(ui, 110.0, &text).accessible_name(schedule_cell_name(
                            lang,
                            year,
                            &payer_code(r.actor),
                            &text,
                        ));
                    }
                    let text = i18n::money(lang, total);
                    num_cell_w(ui, 110.0, RichText::new(&text).strong())
                        .accessible_name(schedule_cell_name(lang, year, lang.t(T::Total), &text));
                    ui.end_row();
                }
            });
    }
    if ip.outstanding.0 > 0 {
        super::owed_line(ui, lang, T::Outstanding, ip.outstanding);
    }
    if p.closed_years > 0
        && let Some(kind) = fund
            .initiatives
            .get(index)
            .and_then(|ini| sif::engine::ArrearsKind::of(&ini.repayment))
    {
        ui.add(
            egui::Label::new(
                RichText::new(super::repayments::arrears_kind_text(lang, kind)).small(),
            )
            .wrap(),
        );
    }

    section(ui, lang.t(T::Appraisal));
    egui::Grid::new(("appraisal_preview", index))
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            let rows: [(T, String); 7] = [
                (T::TotalCost, i18n::money_kr(lang, ap.cost)),
                (T::ExpectedSavings, i18n::money_kr(lang, ap.savings)),
                (
                    T::CashableSavings,
                    i18n::money_kr(lang, ap.cashable_savings),
                ),
                (T::RepaidCol, i18n::money_kr(lang, ap.repaid)),
                (
                    T::Npv,
                    format!(
                        "{} {}",
                        i18n::money_f64(lang, ap.npv),
                        lang.t(T::KronorUnit)
                    ),
                ),
                (
                    T::Bcr,
                    ap.bcr
                        .map_or_else(|| "–".to_string(), |b| i18n::decimal(lang, b, 2)),
                ),
                (
                    T::PaybackYear,
                    ap.payback_year
                        .map_or_else(|| lang.t(T::NoPayback).to_string(), |y| y.to_string()),
                ),
            ];
            for (what, value) in rows {
                ui.label(lang.t(what));
                num_cell_w(ui, 110.0, RichText::new(&value).strong())
                    .accessible_name(format!("{}: {value}", lang.t(what)));
                ui.end_row();
            }
        });
    adjusted_ui(ui, cx, index, ap);
}

/// The adjusted appraisal of the initiative beside the gross one (SPEC §4.7): what it is
/// worth after deadweight and optimism bias, in what range, how far the savings may fall or
/// slip, whether each committee can repay, and a tornado chart of the rows' ranges.
fn adjusted_ui(ui: &mut Ui, cx: &ViewCtx<'_>, index: usize, ap: &sif::engine::Appraisal) {
    let lang = cx.lang;
    let j = &ap.adjusted;
    section(ui, lang.t(T::AdjustedAppraisal));
    let kr = |v: f64| format!("{} {}", i18n::money_f64(lang, v), lang.t(T::KronorUnit));
    egui::Grid::new(("adjusted_preview", index))
        .num_columns(3)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            num_cell_w(ui, 130.0, RichText::new(lang.t(T::Gross)).strong());
            num_cell_w(ui, 130.0, RichText::new(lang.t(T::Adjusted)).strong());
            ui.end_row();
            let bcr =
                |b: Option<f64>| b.map_or_else(|| "–".to_string(), |b| i18n::decimal(lang, b, 2));
            let year = |y: Option<i32>| {
                y.map_or_else(|| lang.t(T::NoPayback).to_string(), |y| y.to_string())
            };
            let rows: [(T, String, String); 6] = [
                (
                    T::TotalCost,
                    i18n::money_kr(lang, ap.cost),
                    i18n::money_kr(lang, j.cost),
                ),
                (
                    T::ExpectedSavings,
                    i18n::money_kr(lang, ap.savings),
                    i18n::money_kr(lang, j.savings),
                ),
                (
                    T::CashableSavings,
                    i18n::money_kr(lang, ap.cashable_savings),
                    i18n::money_kr(lang, j.cashable_savings),
                ),
                (T::Npv, kr(ap.npv), kr(j.npv)),
                (T::Bcr, bcr(ap.bcr), bcr(j.bcr)),
                (T::PaybackYear, year(ap.payback_year), year(j.payback_year)),
            ];
            for (what, gross, adjusted) in rows {
                ui.label(lang.t(what));
                num_cell_w(ui, 130.0, &gross).accessible_name(format!(
                    "{}, {}: {gross}",
                    lang.t(what),
                    lang.t(T::Gross)
                ));
                num_cell_w(ui, 130.0, RichText::new(&adjusted).strong()).accessible_name(format!(
                    "{}, {}: {adjusted}",
                    lang.t(what),
                    lang.t(T::Adjusted)
                ));
                ui.end_row();
            }
            let range = format!("{} – {}", kr(j.npv_low), kr(j.npv_high));
            let discounted = year(j.discounted_payback_year);
            let percent = j.switching.savings_percent.map_or_else(
                || "–".to_string(),
                |p| format!("{} %", i18n::decimal(lang, p, 2)),
            );
            let delay = match j.switching.delay_years {
                Some(0) => lang.t(T::AlreadyNegative).to_string(),
                Some(d) => format!("{d} {}", lang.t(T::IniYears)),
                None => lang.t(T::NoDelayFails).to_string(),
            };
            for (what, value) in [
                (T::NpvRange, range),
                (T::DiscountedPayback, discounted),
                (T::SwitchingSavings, percent),
                (T::SwitchingDelay, delay),
            ] {
                ui.label(lang.t(what));
                ui.label("");
                num_cell_w(ui, 130.0, RichText::new(&value).strong())
                    .accessible_name(format!("{}: {value}", lang.t(what)));
                ui.end_row();
            }
        });

    if !j.repayment_coverage.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(lang.t(T::Coverage)).strong());
        egui::Grid::new(("coverage", index))
            .num_columns(4)
            .spacing([20.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                ui.label(RichText::new(lang.t(T::Committee)).strong());
                for t in [T::Planned, T::Covered, T::Shortfall] {
                    num_cell_w(ui, 110.0, RichText::new(lang.t(t)).strong());
                }
                ui.end_row();
                for c in &j.repayment_coverage {
                    ui.label(&c.actor);
                    for (t, m) in [
                        (T::Planned, c.planned),
                        (T::Covered, c.covered),
                        (T::Shortfall, c.shortfall),
                    ] {
                        let text = i18n::money(lang, m);
                        let mut rt = RichText::new(&text);
                        if t == T::Shortfall && m.0 > 0 {
                            rt = rt.color(widgets::warn_color(ui));
                        }
                        num_cell_w(ui, 110.0, rt).accessible_name(format!(
                            "{} {}: {text}",
                            lang.t(t),
                            c.actor
                        ));
                    }
                    ui.end_row();
                }
            });
        if j.repayment_coverage.iter().any(|c| c.shortfall.0 > 0) {
            ui.label(RichText::new(lang.t(T::ShortfallWarning)).color(widgets::warn_color(ui)));
        }
    }

    if !ap.sensitivity.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(lang.t(T::Tornado)).strong());
        tornado_ui(ui, cx, index, ap);
    }
}

/// The name the tornado chart is read by (and found by in tests).
pub fn tornado_name(lang: Lang, code: &str) -> String {
    format!("{}: {code}", lang.t(T::Tornado))
}

/// A tornado chart: one horizontal bar per savings row with a range, from its low to its high
/// net present value, widest at the top, around the central adjusted value.
fn tornado_ui(ui: &mut Ui, cx: &ViewCtx<'_>, index: usize, ap: &sif::engine::Appraisal) {
    use egui_plot::{Bar, BarChart, Plot, VLine};
    let lang = cx.lang;
    let central = ap.adjusted.npv;
    let count = ap.sensitivity.len();
    let bars: Vec<Bar> = ap
        .sensitivity
        .iter()
        .enumerate()
        .map(|(k, s)| {
            // Widest at the top: the first bar gets the highest position.
            let y = (count - k) as f64;
            Bar::new(y, s.npv_high - s.npv_low)
                .base_offset(s.npv_low)
                .width(0.6)
                .name(format!(
                    "{} {}, {}: {} – {}",
                    lang.t(T::RowWord),
                    s.row + 1,
                    s.actor,
                    i18n::money_f64(lang, s.npv_low),
                    i18n::money_f64(lang, s.npv_high)
                ))
        })
        .collect();
    let labels: Vec<(f64, String)> = ap
        .sensitivity
        .iter()
        .enumerate()
        .map(|(k, s)| {
            (
                (count - k) as f64,
                format!("{} {} {}", lang.t(T::RowWord), s.row + 1, s.actor),
            )
        })
        .collect();
    let height = 40.0 + 28.0 * count as f32;
    let response = Plot::new(("tornado", index))
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show_y(false)
        .y_axis_formatter(move |mark, _range| {
            labels
                .iter()
                .find(|(y, _)| (mark.value - y).abs() < 1e-6)
                .map(|(_, l)| l.clone())
                .unwrap_or_default()
        })
        .x_axis_formatter(move |mark, _range| i18n::money_f64(lang, mark.value))
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(lang.t(T::Tornado), bars).horizontal());
            plot.vline(VLine::new(lang.t(T::AdjustedNpv), central));
        })
        .response;
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            tornado_name(lang, &cx.fund.initiatives[index].code),
        )
    });
}
