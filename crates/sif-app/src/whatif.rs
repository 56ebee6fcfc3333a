//! Trainer mode and presentation mode.
//!
//! **Trainer mode** (*övningsläge*) opens the what-if panel: sliders for the savings realised,
//! a cost overrun and a delay, whether proposed initiatives count, and which rule set's
//! balanced-budget result to emphasise. Together they form a transient scenario held in UI
//! state, never in the document: while trainer mode is on, the analysis is projected with it
//! instead of the scenario chosen in the bar, so every view follows the sliders live, and a
//! drag creates no undo step and no unsaved mark. **Save as scenario** turns it into a real
//! scenario of the fund (one undo step). The bar under the menu says, while it is on, that the
//! figures are the panel's and not the plan.
//!
//! **Presentation mode** (*presentationsläge*, F5) enlarges everything and hides every control
//! that edits the document; views ask one flag, [`super::views::ViewCtx::presenting`].
//!
//! The shell's part of both (commands, the report written from the app, reset to the sample
//! fund) is the `impl SifApp` block at the end of this file.

use eframe::egui::{self, Color32, Key, RichText, Ui};
use sif::messages::Message;
use sif::model::{Fund, Scenario};

use super::SifApp;
use super::command::{Command, Edit, LEAVE_PRESENTING, TOGGLE_PRESENTING};
use super::i18n::{self, Lang, T, percent, signed_percent, years};
use super::state::{DialogState, ViewOptions};
use super::views::{View, scenarios::ScenariosState, who_gains::WhoGainsState};
use super::widgets::{self, Name};

/// The name the what-if scenario carries inside a projection. It is never shown or saved.
pub const WHATIF_SCENARIO: &str = "what-if";

/// How much larger everything is drawn in presentation mode.
pub const PRESENTATION_ZOOM: f32 = 1.3;

/// The rule set whose balanced-budget result (*balanskravsresultat*) the views emphasise
/// (SPEC §5.1 and §5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RuleSet {
    #[default]
    CurrentLaw,
    /// Sif's reading of ESO 2020:1: a proposal, not law.
    Proposed,
}

impl RuleSet {
    pub const ALL: [RuleSet; 2] = [RuleSet::CurrentLaw, RuleSet::Proposed];

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            RuleSet::CurrentLaw => lang.t(T::RulesCurrentLaw),
            RuleSet::Proposed => lang.t(T::RulesProposal),
        }
    }
}

/// A scenario's multipliers and delay without its name (SPEC §4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Assumptions {
    /// Percent of the expected savings that is realised.
    pub savings_factor: i32,
    /// Percent applied to every cost: 110 is a 10 % overrun.
    pub cost_factor: i32,
    /// Years by which the savings come later.
    pub delay: i32,
}

impl Assumptions {
    pub const BASE: Assumptions = Assumptions {
        savings_factor: 100,
        cost_factor: 100,
        delay: 0,
    };

    pub fn of(s: &Scenario) -> Assumptions {
        Assumptions {
            savings_factor: s.savings_factor,
            cost_factor: s.cost_factor,
            delay: s.delay,
        }
    }

    pub fn scenario(self, name: &str) -> Scenario {
        Scenario {
            name: name.to_string(),
            savings_factor: self.savings_factor,
            cost_factor: self.cost_factor,
            delay: self.delay,
        }
    }

    /// The assumptions of a scenario of the fund by name; the base for `None` or a name that
    /// no longer exists (as the engine options fall back).
    pub fn named(fund: &Fund, name: Option<&str>) -> Assumptions {
        name.and_then(|n| fund.scenario(n))
            .map_or(Assumptions::BASE, Assumptions::of)
    }
}

/// The what-if of trainer mode: transient assumptions, never part of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WhatIf {
    pub assumptions: Assumptions,
    pub include_proposed: bool,
    pub rules: RuleSet,
    /// Percentage points of deadweight added to every savings row (0..=100): the adjusted
    /// appraisal of a copy of the fund (`sif::engine::with_added_deadweight`), never the
    /// document's rows. A scenario has no deadweight, so saving the what-if does not keep it.
    pub deadweight: i32,
}

impl WhatIf {
    /// The what-if that shows exactly the plan: the scenario and choice of the bar.
    pub fn of_plan(fund: &Fund, plan: &ViewOptions) -> WhatIf {
        WhatIf {
            assumptions: Assumptions::named(fund, plan.scenario.as_deref()),
            include_proposed: plan.include_proposed,
            rules: RuleSet::CurrentLaw,
            deadweight: 0,
        }
    }

    /// Whether the figures differ from the plan's (the rule set changes no figure).
    pub fn differs_from(&self, fund: &Fund, plan: &ViewOptions) -> bool {
        self.assumptions != Assumptions::named(fund, plan.scenario.as_deref())
            || self.include_proposed != plan.include_proposed
            || self.deadweight != 0
    }
}

/// Commands of trainer and presentation mode, run by the shell after the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum TrainerCommand {
    /// Open or close the what-if panel (trainer mode).
    ToggleTrainerMode,
    /// Back to the plan's assumptions.
    ResetWhatIf,
    TogglePresenting,
    /// Replace the fund by the built-in sample (after the unsaved-changes question).
    ResetToSample,
    /// Save the what-if as a new scenario of the fund with this name (one undo step).
    SaveWhatIf(String),
    /// Write the printable report (HTML), through the save dialog; in trainer mode with a
    /// what-if, first ask whether the report shows it or the plan.
    WriteReport,
    /// Write the printable report of the what-if (`true`, labelled as not a saved scenario) or
    /// of the plan (`false`).
    WriteReportOf(bool),
}

/// Trainer mode, presentation mode and the state of the trainers' views.
#[derive(Debug, Default)]
pub struct TrainerState {
    /// `Some` while trainer mode is on: the assumptions every view is projected with.
    pub whatif: Option<WhatIf>,
    pub presenting: bool,
    /// The zoom factor before presentation mode, to return to.
    zoom_before: Option<f32>,
    /// The name typed for Save as scenario (`None`: the suggested one).
    pub save_name: Option<String>,
    pub scenarios: ScenariosState,
    pub who_gains: WhoGainsState,
}

impl TrainerState {
    /// The options the analysis is projected with: the what-if while trainer mode is on,
    /// otherwise the plan chosen in the bar.
    pub fn effective(&self, plan: &ViewOptions) -> ViewOptions {
        match &self.whatif {
            Some(w) => ViewOptions {
                scenario: None,
                include_proposed: w.include_proposed,
                whatif: Some(w.assumptions),
                deadweight: w.deadweight,
            },
            None => plan.clone(),
        }
    }

    pub fn rules(&self) -> RuleSet {
        self.whatif.map_or(RuleSet::CurrentLaw, |w| w.rules)
    }

    /// A new document was opened: the what-if starts again from its plan (the base).
    pub fn document_replaced(&mut self) {
        if let Some(w) = &mut self.whatif {
            w.assumptions = Assumptions::BASE;
            w.include_proposed = false;
            w.deadweight = 0;
        }
        self.save_name = None;
        self.scenarios = ScenariosState::default();
        self.who_gains = WhoGainsState::default();
    }
}

/// A scenario name not yet used in the fund: `Övning 1`, `Övning 2` …
pub fn free_scenario_name(fund: &Fund, stem: &str) -> String {
    (1..)
        .map(|n| format!("{stem} {n}"))
        .find(|c| {
            !fund
                .scenarios
                .iter()
                .any(|s| s.name.eq_ignore_ascii_case(c))
        })
        .unwrap_or_else(|| stem.to_string())
}

/// Why a scenario name cannot be used (`None`: it can). `except` is the index of the scenario
/// being renamed, whose own name is no conflict.
pub fn scenario_name_problem(
    lang: Lang,
    fund: &Fund,
    name: &str,
    except: Option<usize>,
) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        return Some(lang.t(T::EmptyNotAllowed));
    }
    if name.eq_ignore_ascii_case("base") {
        return Some(lang.t(T::ScenarioNameIsBase));
    }
    let taken = fund
        .scenarios
        .iter()
        .enumerate()
        .any(|(k, s)| Some(k) != except && s.name.trim().eq_ignore_ascii_case(name));
    taken.then(|| lang.t(T::ScenarioNameTaken))
}

/// The amber of the what-if bar: the same warning colour as elsewhere, so it reads as "take
/// care, this is not the plan".
fn whatif_fill(ui: &Ui) -> Color32 {
    widgets::warn_color(ui).gamma_multiply(0.18)
}

/// The label of the deadweight slider (and its accessible name).
pub fn deadweight_label(lang: Lang) -> &'static str {
    lang.t(T::WiMoreDeadweight)
}

/// A slider of whole numbers with its label above and its value beside it. The range grows
/// to hold a value loaded from a scenario, so loading never clamps it.
fn int_slider(
    ui: &mut Ui,
    label: &str,
    help: &str,
    value: &mut i32,
    range: std::ops::RangeInclusive<i32>,
    step: f64,
    shown: impl Fn(i32) -> String,
) -> bool {
    let lo = (*range.start()).min(*value);
    let hi = (*range.end()).max(*value);
    let id = ui.label(label).id;
    let mut changed = false;
    ui.horizontal(|ui| {
        // Room beside the slider for the widest value ("+20 %-enheter"), so that the row never
        // widens the panel past its edge.
        ui.spacing_mut().slider_width = (ui.available_width() - 110.0).clamp(60.0, 190.0);
        let r = ui
            .add(
                egui::Slider::new(value, lo..=hi)
                    .step_by(step)
                    .show_value(false)
                    .clamping(egui::SliderClamping::Edits),
            )
            .labelled_by(id)
            .on_hover_text(help);
        changed = r.changed();
        ui.label(RichText::new(shown(*value)).strong());
    });
    ui.add_space(4.0);
    changed
}

/// The what-if panel. Moving a slider changes UI state only; the analysis follows next frame.
pub fn panel_ui(
    ui: &mut Ui,
    fund: &Fund,
    st: &mut TrainerState,
    lang: Lang,
    out: &mut Vec<Command>,
) {
    let Some(mut w) = st.whatif else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("whatif_panel")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.heading(lang.t(T::WiTitle));
            ui.label(RichText::new(lang.t(T::WiIntro)).weak());
            ui.add_space(8.0);

            // Start from one of the fund's scenarios.
            let l = widgets::form_label(ui, lang.t(T::WiLoadFrom));
            let mut options: Vec<(Option<usize>, String)> =
                vec![(None, lang.t(T::BaseScenario).to_string())];
            options.extend(
                fund.scenarios
                    .iter()
                    .enumerate()
                    .map(|(k, s)| (Some(k), s.name.clone())),
            );
            let current = fund
                .scenarios
                .iter()
                .position(|s| Assumptions::of(s) == w.assumptions)
                .map(Some)
                .or((w.assumptions == Assumptions::BASE).then_some(None));
            // When the sliders match no scenario, the drop-down says so.
            const OWN: Option<usize> = Some(usize::MAX);
            let shown = current.unwrap_or(OWN);
            if shown == OWN {
                options.push((OWN, lang.t(T::WiOwnValues).to_string()));
            }
            if let Some(pick) =
                widgets::choice(ui, "whatif_load", Name::By(l), &shown, &options, 200.0)
                && pick != OWN
            {
                w.assumptions = pick
                    .and_then(|k| fund.scenarios.get(k))
                    .map_or(Assumptions::BASE, Assumptions::of);
            }
            ui.add_space(8.0);

            let a = &mut w.assumptions;
            int_slider(
                ui,
                lang.t(T::WiSavingsRealised),
                lang.t(T::WiSavingsHelp),
                &mut a.savings_factor,
                0..=200,
                5.0,
                |v| percent(lang, v),
            );
            let mut overrun = a.cost_factor - 100;
            let signed = |v: i32| signed_percent(lang, v);
            let help = lang.t(T::WiCostsHelp);
            if int_slider(
                ui,
                lang.t(T::WiCostOverrun),
                help,
                &mut overrun,
                -50..=100,
                5.0,
                signed,
            ) {
                a.cost_factor = (100 + overrun).clamp(0, 1000);
            }
            let help = lang.t(T::WiDelayHelp);
            int_slider(
                ui,
                lang.t(T::WiSavingsLater),
                help,
                &mut a.delay,
                0..=10,
                1.0,
                |v| years(lang, v),
            );
            int_slider(
                ui,
                deadweight_label(lang),
                lang.t(T::WiDeadweightHelp),
                &mut w.deadweight,
                0..=100,
                5.0,
                |v| i18n::deadweight_points(lang, v),
            );
            ui.label(RichText::new(lang.t(T::WiDeadweightNote)).weak());
            ui.checkbox(&mut w.include_proposed, lang.t(T::IncludeProposed));
            ui.add_space(8.0);

            ui.label(lang.t(T::WiBudgetResultUnder));
            for rules in RuleSet::ALL {
                ui.radio_value(&mut w.rules, rules, rules.name(lang));
            }
            if !st.presenting {
                ui.add_space(12.0);
                ui.separator();
                ui.label(RichText::new(lang.t(T::WiKeepAssumptions)).strong());
                let suggested = free_scenario_name(fund, lang.t(T::WiExercise));
                let mut name = st.save_name.clone().unwrap_or(suggested);
                let l = widgets::form_label(ui, lang.t(T::WiScenarioName));
                let output = egui::TextEdit::singleline(&mut name)
                    .desired_width(200.0)
                    .show(ui);
                let r = output
                    .response
                    .response
                    .clone()
                    .labelled_by(l)
                    .on_hover_text(lang.t(T::WiScenarioNameHelp));
                if r.gained_focus() {
                    // Select the suggestion, so typing replaces it.
                    widgets::select_all(ui.ctx(), output.state.clone(), r.id, &name);
                }
                if r.changed() {
                    st.save_name = Some(name.clone());
                }
                let problem = scenario_name_problem(lang, fund, &name, None);
                if let Some(p) = problem {
                    ui.label(RichText::new(p).color(widgets::error_color(ui)).small());
                }
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if w.deadweight != 0 {
                    ui.label(RichText::new(lang.t(T::WiDeadweightNotKept)).weak());
                }
                let clicked = ui
                    .add_enabled(
                        problem.is_none(),
                        egui::Button::new(lang.t(T::WiSaveAsScenario)),
                    )
                    .clicked();
                if problem.is_none() && (clicked || enter) {
                    out.push(Command::Trainer(TrainerCommand::SaveWhatIf(
                        name.trim().to_string(),
                    )));
                }
            }
        });
    if st.whatif != Some(w) {
        st.whatif = Some(w);
        ui.ctx().request_repaint();
    }
}

/// The bar under the menu while trainer mode is on: what the figures are, and a way back.
pub fn bar_ui(
    ui: &mut Ui,
    fund: &Fund,
    plan: &ViewOptions,
    st: &TrainerState,
    computing: bool,
    lang: Lang,
    out: &mut Vec<Command>,
) {
    let Some(w) = st.whatif else {
        return;
    };
    let plan_name = plan
        .scenario
        .as_deref()
        .filter(|n| fund.scenario(n).is_some())
        .unwrap_or(lang.t(T::BaseScenario))
        .to_string();
    let differs = w.differs_from(fund, plan);
    let text = bar_text(lang, &w, differs, &plan_name);
    let fill = if differs {
        whatif_fill(ui)
    } else {
        Color32::TRANSPARENT
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .corner_radius(3.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                // The buttons first, from the right, so the text takes what is left and is
                // cut (in full on hover) rather than pushed under them.
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if st.presenting {
                        leave_presenting_ui(ui, lang, out);
                    }
                    if ui.button(lang.t(T::WiLeaveTrainer)).clicked() {
                        out.push(Command::Trainer(TrainerCommand::ToggleTrainerMode));
                    }
                    if differs && ui.button(lang.t(T::WiResetToPlan)).clicked() {
                        out.push(Command::Trainer(TrainerCommand::ResetWhatIf));
                    }
                    if computing {
                        // A large fund: the new figures come from a worker in a moment.
                        let text = lang.t(T::Recomputing);
                        ui.spinner().on_hover_text(text).accessible_name(text);
                    }
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.label(RichText::new(lang.t(T::WiTrainerMode)).strong());
                        let rich = if differs {
                            RichText::new(&text).color(ui.visuals().strong_text_color())
                        } else {
                            RichText::new(&text)
                        };
                        ui.add(egui::Label::new(rich).truncate());
                    });
                });
            });
        });
}

/// What the bar says: whether the figures are the plan's, and the assumptions when not.
pub fn bar_text(lang: Lang, w: &WhatIf, differs: bool, plan_name: &str) -> String {
    let a = w.assumptions;
    if !differs {
        return i18n::assumptions_are_plan(lang, plan_name);
    }
    // The same words and figures as the sliders: "Kostnadsöverdrag +20 %", not "costs 120 %".
    let (savings, costs, later) = (
        percent(lang, a.savings_factor),
        signed_percent(lang, a.cost_factor - 100),
        years(lang, a.delay),
    );
    let (s_label, c_label, d_label) = (
        lang.t(T::WiSavingsRealised).to_lowercase(),
        lang.t(T::WiCostOverrun).to_lowercase(),
        lang.t(T::WiSavingsLater).to_lowercase(),
    );
    let deadweight = if w.deadweight != 0 {
        format!(
            ", {} {}",
            deadweight_label(lang).to_lowercase(),
            i18n::deadweight_points(lang, w.deadweight)
        )
    } else {
        String::new()
    };
    let assumptions =
        format!("{s_label} {savings}, {c_label} {costs}, {d_label} {later}{deadweight}");
    i18n::assumptions_differ(lang, plan_name, &assumptions, w.include_proposed)
}

/// The button that leaves presentation mode, at the right of the bar under the menu.
pub fn leave_presenting_ui(ui: &mut Ui, lang: Lang, out: &mut Vec<Command>) {
    let text = lang.t(T::WiLeavePresentation);
    if ui.button(text).clicked() {
        out.push(Command::Trainer(TrainerCommand::TogglePresenting));
    }
}

/// The items of the View menu for the trainers' modes.
pub fn view_menu_ui(ui: &mut Ui, st: &TrainerState, lang: Lang, out: &mut Vec<Command>) {
    ui.separator();
    if ui
        .add(egui::Button::new(lang.t(T::MenuTrainerMode)).selected(st.whatif.is_some()))
        .clicked()
    {
        out.push(Command::Trainer(TrainerCommand::ToggleTrainerMode));
        ui.close();
    }
    if ui
        .add(
            egui::Button::new(lang.t(T::MenuPresentationMode))
                .selected(st.presenting)
                .shortcut_text("F5"),
        )
        .clicked()
    {
        out.push(Command::Trainer(TrainerCommand::TogglePresenting));
        ui.close();
    }
}

/// The items of the File menu: the printable report and the reset to the sample fund.
/// Ctrl+P (Cmd+P): the printable report.
pub const REPORT_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, Key::P);

pub fn file_menu_ui(ui: &mut Ui, lang: Lang, out: &mut Vec<Command>) {
    let button = egui::Button::new(lang.t(T::MenuPrintableReport))
        .shortcut_text(ui.ctx().format_shortcut(&REPORT_SHORTCUT));
    if ui.add(button).clicked() {
        out.push(Command::Trainer(TrainerCommand::WriteReport));
        ui.close();
    }
    if ui.button(lang.t(T::MenuResetSample)).clicked() {
        out.push(Command::Trainer(TrainerCommand::ResetToSample));
        ui.close();
    }
}

/// Views that edit the document and are left out of the navigation while presenting.
pub fn hidden_when_presenting(view: View) -> bool {
    view == View::Settings
}

// ---------------------------------------------------------------- the shell's part

impl SifApp {
    /// F5 toggles presentation mode; Escape leaves it (when no text field has the keys).
    pub(super) fn trainer_shortcuts(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        if self.ui.dialog.is_some() || self.ui.file_dialog.is_some() {
            return;
        }
        let f5 = ctx.input_mut(|i| {
            i.consume_key(TOGGLE_PRESENTING.modifiers, TOGGLE_PRESENTING.logical_key)
        });
        // Escape closes an open drop-down first.
        let escape = self.ui.trainer.presenting
            && !ctx.egui_wants_keyboard_input()
            && !egui::Popup::is_any_open(ctx)
            && ctx.input_mut(|i| {
                i.consume_key(LEAVE_PRESENTING.modifiers, LEAVE_PRESENTING.logical_key)
            });
        if f5 || escape {
            out.push(Command::Trainer(TrainerCommand::TogglePresenting));
        }
    }

    pub(super) fn run_trainer(&mut self, ctx: &egui::Context, cmd: TrainerCommand) {
        match cmd {
            TrainerCommand::ToggleTrainerMode => {
                let t = &mut self.ui.trainer;
                t.whatif = match t.whatif {
                    Some(_) => None,
                    None => Some(WhatIf::of_plan(&self.doc.fund, &self.ui.options)),
                };
                t.save_name = None;
            }
            TrainerCommand::ResetWhatIf => {
                if let Some(w) = &mut self.ui.trainer.whatif {
                    let plan = WhatIf::of_plan(&self.doc.fund, &self.ui.options);
                    w.assumptions = plan.assumptions;
                    w.include_proposed = plan.include_proposed;
                    w.deadweight = 0;
                }
            }
            TrainerCommand::TogglePresenting => {
                let t = &mut self.ui.trainer;
                t.presenting = !t.presenting;
                if t.presenting {
                    let before = ctx.zoom_factor();
                    t.zoom_before = Some(before);
                    ctx.set_zoom_factor(before * PRESENTATION_ZOOM);
                    // Edit buffers and the views that only edit have no place in a presentation.
                    self.ui.fields.clear();
                    if hidden_when_presenting(self.ui.view) {
                        self.ui.view = View::Overview;
                    }
                } else {
                    ctx.set_zoom_factor(t.zoom_before.take().unwrap_or(1.0));
                }
            }
            TrainerCommand::ResetToSample => {
                let name = sif::samples::default_sample().name;
                self.run(ctx, Command::NewFrom(Some(name)));
            }
            TrainerCommand::SaveWhatIf(name) => self.save_whatif(ctx, name),
            TrainerCommand::WriteReport => {
                let differs = self
                    .ui
                    .trainer
                    .whatif
                    .is_some_and(|w| w.differs_from(&self.doc.fund, &self.ui.options));
                if differs {
                    self.ui.dialog = Some(DialogState::ReportWhatIf);
                } else {
                    self.write_report(ctx, false);
                }
            }
            TrainerCommand::WriteReportOf(whatif) => self.write_report(ctx, whatif),
        }
    }

    /// The what-if becomes a scenario of the fund (one undo step) and the plan's choice, so
    /// that the bar says the figures are now the plan's.
    fn save_whatif(&mut self, ctx: &egui::Context, name: String) {
        let Some(w) = self.ui.trainer.whatif else {
            return;
        };
        if scenario_name_problem(self.lang(), &self.doc.fund, &name, None).is_some() {
            return;
        }
        let mut scenarios = self.doc.fund.scenarios.clone();
        scenarios.push(w.assumptions.scenario(&name));
        self.run(ctx, Command::Edit(Edit::Scenarios(scenarios)));
        self.ui.options.scenario = Some(name);
        self.ui.options.include_proposed = w.include_proposed;
        self.ui.trainer.save_name = None;
    }

    /// The printable report of the plan, or of the what-if (`whatif`, under a name that says
    /// it is not a saved scenario), written where the user chooses.
    fn write_report(&mut self, ctx: &egui::Context, whatif: bool) {
        let lang = self.lang();
        let html = match self.report_html(whatif) {
            Ok(h) => h,
            Err(text) => {
                self.ui.dialog = Some(DialogState::Message {
                    title: T::SaveFailedTitle,
                    text,
                });
                return;
            }
        };
        let stem = self.doc.file_stem().unwrap_or_else(|| "fond".to_string());
        let suggested = format!("{stem}-{}.html", lang.t(T::WiReportWord));
        let request = self.path_request(
            super::file_dialog::Mode::Save,
            i18n::both(T::PrintableReportTitle),
            i18n::both(T::WebPages),
            "html",
            suggested,
        );
        let purpose = super::file_dialog::Purpose::Write {
            bytes: html.into_bytes(),
            report: true,
        };
        self.ask_path(ctx, request, purpose);
    }

    /// The report's HTML, or why it cannot be made (the fund has errors, or the projection or
    /// the report failed).
    fn report_html(&self, whatif: bool) -> Result<String, String> {
        let lang = self.lang();
        // A what-if that changes no figure is the plan, and the report says so.
        let options = match self.ui.trainer.whatif {
            Some(w) if whatif && w.differs_from(&self.doc.fund, &self.ui.options) => {
                self.ui.trainer.effective(&self.ui.options)
            }
            _ => self.ui.options.clone(),
        };
        // The added deadweight is in the fund copy the report is made of, as in the views.
        let mut fund = options.fund_for(&self.doc.fund).into_owned();
        let mut engine_options = options.engine_options(&fund);
        if let Some(a) = options.whatif {
            let stem = if options.deadweight > 0 {
                i18n::exercise_with_deadweight(
                    lang,
                    &i18n::deadweight_points(lang, options.deadweight),
                )
            } else {
                lang.t(T::WiExerciseNotSaved).to_string()
            };
            let stem = stem.as_str();
            let name = if fund.scenario(stem).is_some() {
                free_scenario_name(&fund, stem)
            } else {
                stem.to_string()
            };
            let scenario = a.scenario(&name);
            fund.scenarios.push(scenario.clone());
            engine_options.scenario = scenario;
        }
        if sif::validate::validate(&fund).has_errors() {
            return Err(lang.t(T::ErrorsBlock).to_string());
        }
        let projection = sif::engine::project(&fund, &engine_options).map_err(|e| e.text(lang))?;
        let source_file = self.file_shown();
        let meta = sif::report::ReportMeta {
            lang,
            source_file,
            made_on: self.clock.today(),
        };
        sif::report::html(&fund, &projection, &meta).map_err(|e| e.text(lang))
    }
}
