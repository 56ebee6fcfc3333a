//! Scenarios: the fund projected under the base scenario and every scenario of the fund (and
//! the trainer's what-if, while trainer mode is on), compared in one plot of the fund balance
//! and one table of key figures; and the scenarios themselves, created, edited and deleted
//! here with their problems shown beside the field.
//!
//! The projections are cached by the document state and whether proposed initiatives count,
//! so they are computed once per change of the document, not per frame; the what-if's figures
//! come from the analysis the shell already keeps.

use eframe::egui::{self, Color32, Id, RichText, Ui};
use egui_plot::{Legend, Line, LineStyle, PlotPoints};
use sif::engine::{self, EngineError, Options, Projection};
use sif::figures::horizon::Horizon;
use sif::messages::Message;
use sif::model::{Fund, Scenario};
use sif::money::{Money, Overflow};

use super::{ViewCtx, errors_banner};
use crate::command::{Command, Edit};
use crate::i18n::{self, Lang, T};
use crate::state::{UiState, ViewOptions};
use crate::whatif::{self, Assumptions, RuleSet};
use crate::widgets::{self, Name, section};

/// The key figures of one projection (the columns of the comparison).
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigures {
    /// The fund balance at the end of each year, for the plot.
    pub balance: Vec<(i32, Money)>,
    /// The sums over the horizon: the closing balance, what was repaid, what the fund could
    /// not pay, and what is still outstanding.
    pub horizon: Horizon,
    /// Σ net present value of the counted initiatives (SPEC §4.6).
    pub npv: f64,
    /// The years with a negative balanced-budget result under current law (SPEC §5.1).
    pub negative_current: Vec<i32>,
    /// … and under the proposed rules (SPEC §5.2).
    pub negative_proposed: Vec<i32>,
}

impl KeyFigures {
    pub fn of(p: &Projection) -> Result<KeyFigures, Overflow> {
        Ok(KeyFigures {
            balance: p.statement.iter().map(|y| (y.year, y.closing)).collect(),
            horizon: Horizon::of(p)?,
            npv: sif::figures::horizon::npv_total(p),
            negative_current: negative_years(p, RuleSet::CurrentLaw),
            negative_proposed: negative_years(p, RuleSet::Proposed),
        })
    }

    pub fn negative(&self, rules: RuleSet) -> &[i32] {
        match rules {
            RuleSet::CurrentLaw => &self.negative_current,
            RuleSet::Proposed => &self.negative_proposed,
        }
    }
}

/// The years whose balanced-budget result is negative under a rule set (SPEC §5).
pub fn negative_years(p: &Projection, rules: RuleSet) -> Vec<i32> {
    p.reconciliation
        .iter()
        .filter(|y| match rules {
            RuleSet::CurrentLaw => y.current.balance_result.0 < 0,
            RuleSet::Proposed => y.proposed.outcome.balance_result.0 < 0,
        })
        .map(|y| y.year)
        .collect()
}

/// One row of the comparison.
#[derive(Debug, Clone)]
pub struct Row {
    /// As shown: the base scenario's name in the language, or the scenario's own.
    pub name: String,
    pub assumptions: Assumptions,
    /// The figures, or why there are none (the engine failed).
    pub figures: Result<KeyFigures, EngineError>,
    pub whatif: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct RowsKey {
    state: u64,
    include_proposed: bool,
    lang: Lang,
}

/// The cached comparison.
#[derive(Debug, Default)]
pub struct ScenariosState {
    key: Option<RowsKey>,
    rows: Vec<Row>,
    whatif_key: Option<(u64, ViewOptions)>,
    whatif_row: Option<Row>,
    /// How many times the comparison was computed (a test checks idle frames compute nothing).
    pub recomputations: u64,
}

fn figures_of(
    fund: &Fund,
    scenario: &Scenario,
    include_proposed: bool,
) -> Result<KeyFigures, EngineError> {
    let options = Options {
        scenario: scenario.clone(),
        include_proposed,
    };
    let p = engine::project(fund, &options)?;
    Ok(KeyFigures::of(&p)?)
}

impl ScenariosState {
    /// The base scenario and every scenario of the fund, then the what-if (when trainer mode
    /// is on), each computed only when what it depends on changed.
    fn refresh(&mut self, cx: &ViewCtx<'_>) {
        let lang = cx.lang;
        // Proposed initiatives count as they do in the analysis shown (the what-if's choice
        // while trainer mode is on).
        let options = &cx.analysis.options;
        let key = RowsKey {
            state: cx.state,
            include_proposed: options.include_proposed,
            lang,
        };
        if self.key.as_ref() != Some(&key) {
            let base = Scenario::base();
            let mut rows = vec![Row {
                name: lang.t(T::BaseScenario).to_string(),
                assumptions: Assumptions::BASE,
                figures: figures_of(cx.fund, &base, options.include_proposed),
                whatif: false,
            }];
            rows.extend(cx.fund.scenarios.iter().map(|s| Row {
                name: s.name.clone(),
                assumptions: Assumptions::of(s),
                figures: figures_of(cx.fund, s, options.include_proposed),
                whatif: false,
            }));
            self.rows = rows;
            self.key = Some(key);
            self.recomputations += 1;
        }
        let wkey = (cx.state, options.clone());
        match options.whatif {
            Some(a) if self.whatif_key.as_ref() != Some(&wkey) => {
                let figures = match (&cx.analysis.projection, &cx.analysis.engine_error) {
                    (Some(p), _) => KeyFigures::of(p).map_err(EngineError::from),
                    (None, Some(e)) => Err(e.clone()),
                    // The fund has errors: the view shows them instead of a comparison.
                    (None, None) => return,
                };
                self.whatif_row = Some(Row {
                    name: lang.t(T::ExerciseNotSaved).to_string(),
                    assumptions: a,
                    figures,
                    whatif: true,
                });
                self.whatif_key = Some(wkey);
                self.recomputations += 1;
            }
            Some(_) => {}
            None => {
                self.whatif_row = None;
                self.whatif_key = None;
            }
        }
    }

    /// The fund's scenarios and the what-if — unless the what-if is one of them (just saved,
    /// or loaded unchanged): no identical unsaved twin.
    fn all_rows(&self) -> impl Iterator<Item = &Row> {
        let twin = self
            .whatif_row
            .as_ref()
            .filter(|w| !self.rows.iter().any(|r| r.assumptions == w.assumptions));
        self.rows.iter().chain(twin)
    }
}

/// The colour of each scenario's line: the base in the overview's blue, the what-if black.
fn line_color(k: usize, whatif: bool) -> Color32 {
    const PALETTE: [Color32; 6] = [
        Color32::from_rgb(0x1f, 0x6f, 0xb5),
        Color32::from_rgb(0xc0, 0x39, 0x2b),
        Color32::from_rgb(0x2e, 0x8b, 0x57),
        Color32::from_rgb(0x8e, 0x44, 0xad),
        Color32::from_rgb(0xd9, 0x7a, 0x00),
        Color32::from_rgb(0x16, 0xa0, 0x85),
    ];
    if whatif {
        Color32::from_gray(20)
    } else {
        PALETTE[k % PALETTE.len()]
    }
}

/// The name a figure of the comparison is read by: "Pessimistiskt, Fondens saldo …: 18 475 000 kr".
pub use super::cell_name;

pub fn closing_column(lang: Lang) -> &'static str {
    lang.t(T::ClosingBalance)
}

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    let include_proposed = cx.analysis.options.include_proposed;
    egui::ScrollArea::vertical()
        .id_salt("scenarios")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(lang.t(T::ScenariosCompared));
            ui.label(RichText::new(lang.t(T::FundComputedUnderBaseScenario)).weak());
            if include_proposed {
                ui.label(RichText::new(lang.t(T::ProposedInitiativesCounted)).weak());
            }
            if errors_banner(ui, cx, out) {
                if !cx.presenting {
                    editor_ui(ui, cx, st, out);
                }
                return;
            }
            st.trainer.scenarios.refresh(cx);
            let cache = &st.trainer.scenarios;
            section(ui, lang.t(T::BalanceOverYears));
            balance_plot(ui, lang, cache);
            section(ui, lang.t(T::KeyFigures));
            table_ui(ui, lang, cx.rules, cache);
            if !cx.presenting {
                editor_ui(ui, cx, st, out);
            }
        });
}

fn balance_plot(ui: &mut Ui, lang: Lang, cache: &ScenariosState) {
    let width = ui.available_width().min(1100.0);
    let legend = Legend::default().position(egui_plot::Corner::LeftBottom);
    let plot = super::overview::year_plot("scenario_balance_plot", lang, width, 260.0, legend);
    super::overview::point_labels(plot, lang).show(ui, |plot| {
        for (k, row) in cache.all_rows().enumerate() {
            let Ok(f) = &row.figures else {
                continue;
            };
            let points: Vec<[f64; 2]> = f
                .balance
                .iter()
                .map(|(y, m)| [f64::from(*y), m.as_f64()])
                .collect();
            let mut line = Line::new(row.name.clone(), PlotPoints::new(points))
                .color(line_color(k, row.whatif))
                .width(2.0);
            if row.whatif {
                line = line.style(LineStyle::Dashed { length: 8.0 }).width(2.5);
            }
            plot.line(line);
        }
    });
}

/// A row of the table: its label and how a scenario's assumptions or figures fill it.
type AssumptionRow<'a> = (&'a str, fn(Lang, Assumptions) -> String);
type MoneyRow<'a> = (&'a str, fn(&KeyFigures) -> Money);

/// The key figures with one column per scenario (scenarios are few, figures many: this way
/// the table fits beside the what-if panel and on a projector).
fn table_ui(ui: &mut Ui, lang: Lang, rules: RuleSet, cache: &ScenariosState) {
    const COL: f32 = 115.0;
    let rows: Vec<&Row> = cache.all_rows().collect();
    let error = widgets::error_color(ui);
    super::wide_grid(ui, "scenario_figures", rows.len() + 1, [18.0, 6.0], |ui| {
        ui.label("");
        for (k, row) in rows.iter().enumerate() {
            header_cell(ui, lang, k, row, COL);
        }
        ui.end_row();

        // The assumptions, weak: they are the scenario, not its result.
        let assumptions: [AssumptionRow<'_>; 3] = [
            (lang.t(T::SavingsFactor), |l, a| l.percent(a.savings_factor)),
            (lang.t(T::CostFactor), |l, a| l.percent(a.cost_factor)),
            (lang.t(T::Delay), |_, a| a.delay.to_string()),
        ];
        for (label, value) in assumptions {
            row_label(ui, RichText::new(label).weak());
            for row in &rows {
                let text = value(lang, row.assumptions);
                widgets::num_cell_w(ui, COL, RichText::new(&text).weak())
                    .accessible_name(cell_name(&row.name, label, &text));
            }
            ui.end_row();
        }

        let money: [MoneyRow<'_>; 4] = [
            (closing_column(lang), |f| f.horizon.closing),
            (lang.t(T::Unfunded), |f| f.horizon.unfunded),
            (lang.t(T::Repaid), |f| f.horizon.repaid),
            (outstanding_label(lang), |f| f.horizon.outstanding),
        ];
        for (label, value) in money {
            row_label(ui, RichText::new(label));
            for row in &rows {
                let Ok(f) = &row.figures else {
                    failed_cell(ui, lang, row, COL);
                    continue;
                };
                let m = value(f);
                let text = i18n::money_kr(lang, m);
                let mut rich = RichText::new(&text).strong();
                if m.0 < 0 {
                    rich = rich.color(error);
                }
                widgets::num_cell_w(ui, COL, rich)
                    .accessible_name(cell_name(&row.name, label, &text));
            }
            ui.end_row();
        }

        let label = npv_label(lang);
        row_label(ui, RichText::new(label));
        for row in &rows {
            let Ok(f) = &row.figures else {
                failed_cell(ui, lang, row, COL);
                continue;
            };
            // The NPV is a float by its nature (SPEC §4.6); shown in whole kronor.
            let text = if f.npv.is_finite() {
                i18n::money_kr(lang, Money(f.npv.round() as i64))
            } else {
                "–".to_string()
            };
            widgets::num_cell_w(ui, COL, RichText::new(&text))
                .accessible_name(cell_name(&row.name, label, &text));
        }
        ui.end_row();

        // Negative balanced-budget results: the emphasised rule set first, strong.
        let order = match rules {
            RuleSet::CurrentLaw => [RuleSet::CurrentLaw, RuleSet::Proposed],
            RuleSet::Proposed => [RuleSet::Proposed, RuleSet::CurrentLaw],
        };
        for (k, rule) in order.into_iter().enumerate() {
            let label = negative_label(lang, rule);
            let head = RichText::new(&label);
            row_label(ui, if k == 0 { head.strong() } else { head.weak() });
            for row in &rows {
                let Ok(f) = &row.figures else {
                    failed_cell(ui, lang, row, COL);
                    continue;
                };
                let years = f.negative(rule);
                let text = years.len().to_string();
                let rich = if k == 0 {
                    let r = RichText::new(&text).strong();
                    if years.is_empty() { r } else { r.color(error) }
                } else {
                    RichText::new(&text).weak()
                };
                let r = widgets::num_cell_w(ui, COL, rich)
                    .accessible_name(cell_name(&row.name, &label, &text));
                if !years.is_empty() {
                    let list: Vec<String> = years.iter().map(i32::to_string).collect();
                    r.on_hover_text(list.join(", "));
                }
            }
            ui.end_row();
        }
    });
    ui.add_space(4.0);
    ui.label(RichText::new(lang.t(T::OutstandingRepaymentUnderAgreementsNot)).weak());
}

/// The label of a row of figures: wrapped in a column of fixed width, so that long names
/// (the rule sets) leave room for the scenarios beside the what-if panel.
fn row_label(ui: &mut Ui, text: RichText) {
    const WIDTH: f32 = 230.0;
    ui.allocate_ui_with_layout(
        egui::vec2(WIDTH, ui.spacing().interact_size.y),
        egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true),
        |ui| {
            ui.set_width(WIDTH);
            ui.add(egui::Label::new(text).wrap());
        },
    );
}

/// A scenario's column heading: its line colour and name (the factors on hover).
fn header_cell(ui: &mut Ui, lang: Lang, k: usize, row: &Row, width: f32) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, ui.spacing().interact_size.y),
        egui::Layout::right_to_left(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            let mut name = RichText::new(&row.name).strong();
            if row.whatif {
                name = name.italics();
            }
            ui.add(egui::Label::new(name).truncate())
                .on_hover_text(i18n::scenario_factors(lang, row.assumptions));
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 4.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 1.0, line_color(k, row.whatif));
        },
    );
}

/// The cell of a scenario whose projection failed: the reason on hover.
fn failed_cell(ui: &mut Ui, lang: Lang, row: &Row, width: f32) {
    let reason = match &row.figures {
        Err(e) => e.text(lang),
        Ok(_) => String::new(),
    };
    widgets::num_cell_w(
        ui,
        width,
        RichText::new("–").color(widgets::error_color(ui)),
    )
    .on_hover_text(reason);
}

pub fn outstanding_label(lang: Lang) -> &'static str {
    lang.t(T::Outstanding)
}

pub fn npv_label(lang: Lang) -> &'static str {
    lang.t(T::NPVTotal)
}

/// "Negativa år, gällande lag" / "Negative years, current law".
pub fn negative_label(lang: Lang, rules: RuleSet) -> String {
    format!(
        "{}, {}",
        lang.t(T::YearsNegativeBalancedBudgetResult),
        rules.name(lang).to_lowercase_first()
    )
}

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for str {
    fn to_lowercase_first(&self) -> String {
        let mut c = self.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    }
}

fn fid(what: &str, k: usize) -> Id {
    Id::unique(("scenario_editor", what, k))
}

/// Create, edit and delete scenarios. Each committed field is one undo step; a value that
/// cannot be used is refused beside its field and changes nothing.
fn editor_ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let (lang, fund) = (cx.lang, cx.fund);
    // The plan's options say which scenario the plan uses, so that the choice follows a
    // scenario renamed here.
    let (fields, plan) = (&mut st.fields, &st.options);
    section(ui, lang.t(T::EditScenarios));
    let mut scenarios = fund.scenarios.clone();
    let mut renamed = None;
    let mut remove = None;
    egui::Grid::new("scenario_editor")
        .num_columns(5)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            super::header_row(
                ui,
                lang,
                &[T::ScenarioName, T::SavingsFactor, T::CostFactor, T::Delay],
                1,
            );
            for (k, s) in scenarios.iter_mut().enumerate() {
                let name = i18n::row_label(lang, T::ScenarioName, k);
                ui.vertical(|ui| {
                    if let Some(v) = widgets::commit_field(
                        ui,
                        fields,
                        fid("name", k),
                        Name::Text(&name),
                        &s.name,
                        200.0,
                        false,
                        |t| match whatif::scenario_name_problem(lang, fund, t, Some(k)) {
                            Some(p) => Err(p.to_string()),
                            None => Ok(t.trim().to_string()),
                        },
                    ) && v != s.name
                    {
                        renamed = Some((s.name.clone(), v.clone()));
                        s.name = v;
                    }
                });
                let limits = [
                    (T::SavingsFactor, "savings", 0..=1000, &mut s.savings_factor),
                    (T::CostFactor, "cost", 0..=1000, &mut s.cost_factor),
                    (T::Delay, "delay", 0..=20, &mut s.delay),
                ];
                for (what, key, range, value) in limits {
                    let name = i18n::row_label(lang, what, k);
                    let (lo, hi) = (*range.start(), *range.end());
                    ui.vertical(|ui| {
                        if let Some(v) = widgets::commit_field(
                            ui,
                            fields,
                            fid(key, k),
                            Name::Text(&name),
                            &value.to_string(),
                            70.0,
                            true,
                            |t| match i18n::parse_int(t) {
                                Some(v) if range.contains(&v) => Ok(v),
                                _ => Err(i18n::whole_number_between(lang, lo, hi)),
                            },
                        ) {
                            *value = v;
                        }
                    });
                }
                if ui
                    .button(lang.t(T::Delete))
                    .accessible_name(i18n::remove_label(lang, T::RemoveScenario, k))
                    .clicked()
                {
                    remove = Some(k);
                }
                ui.end_row();
            }
        });
    if let Some(k) = remove {
        scenarios.remove(k);
        fields.clear();
    }
    if ui.button(lang.t(T::NewScenario)).clicked() {
        let name = whatif::free_scenario_name(fund, "Scenario");
        scenarios.push(Assumptions::BASE.scenario(&name));
    }
    if scenarios != fund.scenarios {
        out.push(Command::Edit(Edit::Scenarios(scenarios)));
        // The scenario chosen in the bar follows its new name.
        if let Some((old, new)) = renamed
            && plan.scenario.as_deref() == Some(old.as_str())
        {
            out.push(Command::SetScenario(Some(new)));
        }
    }
}

/// For the overview: the years with a negative balanced-budget result under each rule set,
/// the emphasised one first and strong.
pub fn balance_years_ui(ui: &mut Ui, cx: &ViewCtx<'_>, p: &Projection) {
    let lang = cx.lang;
    section(ui, lang.t(T::YearsNegativeBalancedBudgetResult));
    let order = match cx.rules {
        RuleSet::CurrentLaw => [RuleSet::CurrentLaw, RuleSet::Proposed],
        RuleSet::Proposed => [RuleSet::Proposed, RuleSet::CurrentLaw],
    };
    egui::Grid::new("negative_years")
        .num_columns(2)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for (k, rules) in order.into_iter().enumerate() {
                let years = negative_years(p, rules);
                let text = if years.is_empty() {
                    lang.t(T::AdjustmentsNone).to_string()
                } else {
                    let list: Vec<String> = years.iter().map(i32::to_string).collect();
                    list.join(", ")
                };
                let name = rules.name(lang);
                if k == 0 {
                    ui.label(RichText::new(name).strong());
                    let mut rich = RichText::new(&text).strong();
                    if !years.is_empty() {
                        rich = rich.color(widgets::error_color(ui));
                    }
                    ui.label(rich).accessible_name(format!("{name}: {text}"));
                } else {
                    ui.label(RichText::new(name).weak());
                    ui.label(RichText::new(&text).weak())
                        .accessible_name(format!("{name}: {text}"));
                }
                ui.end_row();
            }
        });
}
