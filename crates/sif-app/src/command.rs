//! Commands: what views ask for, and the one place that changes the document.
//!
//! A view never mutates the fund. It emits a [`Command`]; after the frame the shell runs it.
//! Document changes are [`Edit`]s: each replaces one part of the fund (one initiative, the
//! actor list, the fund settings …) with a new value, and applying it returns the inverse edit
//! (the old value). The undo stack keeps those inverses, so one user action is one undo step
//! and a step costs the size of the part it changed, not a copy of the whole fund — which
//! matters with thousands of initiatives. Rare edits that touch everything (renaming an actor
//! code, which follows every reference) replace the whole fund.

use std::path::PathBuf;

use sif::model::{
    Accounts, Actor, BudgetYear, CapitalEvent, Fund, FundingModel, Initiative, Scenario,
};
use sif::validate::Location;

use super::i18n::{self, Lang, T};
use super::views::View;

/// The fund-level settings: every scalar field of the fund, edited together.
#[derive(Debug, Clone, PartialEq)]
pub struct FundSettings {
    pub name: String,
    pub organisation: String,
    pub org_number: Option<String>,
    pub model: FundingModel,
    pub first_year: i32,
    pub years: i32,
    pub discount_rate: f64,
    pub holder: String,
    pub closed_through: Option<i32>,
}

impl FundSettings {
    pub fn of(fund: &Fund) -> FundSettings {
        FundSettings {
            name: fund.name.clone(),
            organisation: fund.organisation.clone(),
            org_number: fund.org_number.clone(),
            model: fund.model,
            first_year: fund.first_year,
            years: fund.years,
            discount_rate: fund.discount_rate,
            holder: fund.holder.clone(),
            closed_through: fund.closed_through,
        }
    }

    /// Put these settings into the fund and return the ones they replaced.
    fn swap_into(self, fund: &mut Fund) -> FundSettings {
        let old = FundSettings::of(fund);
        fund.name = self.name;
        fund.organisation = self.organisation;
        fund.org_number = self.org_number;
        fund.model = self.model;
        fund.first_year = self.first_year;
        fund.years = self.years;
        fund.discount_rate = self.discount_rate;
        fund.holder = self.holder;
        fund.closed_through = self.closed_through;
        old
    }
}

/// One undoable change to the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace the initiative at `index`.
    Initiative {
        index: usize,
        value: Box<Initiative>,
    },
    /// Insert an initiative at `index` (at most the list's length).
    InsertInitiative {
        index: usize,
        value: Box<Initiative>,
    },
    RemoveInitiative {
        index: usize,
    },
    /// Replace several initiatives at once (actual figures read from a SIE file): one step.
    Initiatives(Vec<(usize, Initiative)>),
    /// Add initiatives at the end of the list (an import): one step.
    AppendInitiatives(Vec<Initiative>),
    /// Remove the last `count` initiatives (the inverse of [`Edit::AppendInitiatives`]).
    RemoveLastInitiatives {
        count: usize,
    },
    Settings(Box<FundSettings>),
    Actors(Vec<Actor>),
    Capital(Vec<CapitalEvent>),
    Budget(Vec<BudgetYear>),
    Accounts(Accounts),
    Scenarios(Vec<Scenario>),
    /// Replace the whole fund (edits that follow references everywhere).
    Whole(Box<Fund>),
}

impl Edit {
    /// Apply the edit and return its inverse. An edit whose index is out of range (which the
    /// views never emit) changes nothing and returns `None`.
    pub fn apply(self, fund: &mut Fund) -> Option<Edit> {
        Some(match self {
            Edit::Initiative { index, value } => {
                let slot = fund.initiatives.get_mut(index)?;
                let old = std::mem::replace(slot, *value);
                Edit::Initiative {
                    index,
                    value: Box::new(old),
                }
            }
            Edit::InsertInitiative { index, value } => {
                if index > fund.initiatives.len() {
                    return None;
                }
                fund.initiatives.insert(index, *value);
                Edit::RemoveInitiative { index }
            }
            Edit::RemoveInitiative { index } => {
                if index >= fund.initiatives.len() {
                    return None;
                }
                let old = fund.initiatives.remove(index);
                Edit::InsertInitiative {
                    index,
                    value: Box::new(old),
                }
            }
            Edit::Initiatives(values) => {
                if values.iter().any(|(i, _)| *i >= fund.initiatives.len()) {
                    return None;
                }
                let mut old = Vec::with_capacity(values.len());
                for (index, value) in values {
                    old.push((
                        index,
                        std::mem::replace(&mut fund.initiatives[index], value),
                    ));
                }
                // Undone in the opposite order, so a repeated index comes back right.
                old.reverse();
                Edit::Initiatives(old)
            }
            Edit::AppendInitiatives(values) => {
                let count = values.len();
                fund.initiatives.extend(values);
                Edit::RemoveLastInitiatives { count }
            }
            Edit::RemoveLastInitiatives { count } => {
                let len = fund.initiatives.len();
                if count > len {
                    return None;
                }
                Edit::AppendInitiatives(fund.initiatives.split_off(len - count))
            }
            Edit::Settings(s) => Edit::Settings(Box::new(s.swap_into(fund))),
            Edit::Actors(v) => Edit::Actors(std::mem::replace(&mut fund.actors, v)),
            Edit::Capital(v) => Edit::Capital(std::mem::replace(&mut fund.capital, v)),
            Edit::Budget(v) => Edit::Budget(std::mem::replace(&mut fund.budget, v)),
            Edit::Accounts(v) => Edit::Accounts(std::mem::replace(&mut fund.accounts, v)),
            Edit::Scenarios(v) => Edit::Scenarios(std::mem::replace(&mut fund.scenarios, v)),
            Edit::Whole(f) => Edit::Whole(Box::new(std::mem::replace(fund, *f))),
        })
    }
}

/// What an edit changes, in Swedish and English, for the Edit menu ("Ångra: kostnad 2026 för
/// P101"). Worked out from the fund before the edit.
pub fn describe(fund: &Fund, edit: &Edit) -> (String, String) {
    (
        describe_in(Lang::Sv, fund, edit),
        describe_in(Lang::En, fund, edit),
    )
}

/// What an edit changes, in one language.
fn describe_in(lang: Lang, fund: &Fund, edit: &Edit) -> String {
    fn first_year<T: PartialEq>(old: &[T], new: &[T], year: impl Fn(&T) -> i32) -> Option<i32> {
        let changed = old
            .iter()
            .zip(new)
            .find(|(a, b)| a != b)
            .map(|(_, b)| year(b));
        changed.or_else(|| {
            // A row added or removed: the year of the first row that is not in both.
            if new.len() > old.len() {
                new.get(old.len()).map(&year)
            } else {
                old.get(new.len()).map(&year)
            }
        })
    }
    use i18n::UndoPart as P;
    let word = |key: T| lang.t(key).to_string();
    match edit {
        Edit::Initiative { index, value } => {
            let Some(old) = fund.initiatives.get(*index) else {
                return word(T::UndoInitiative);
            };
            let part = if old.costs != value.costs {
                P::Costs(first_year(&old.costs, &value.costs, |c| c.year))
            } else if old.savings != value.savings {
                P::Savings(first_year(&old.savings, &value.savings, |r| r.from))
            } else if old.actuals != value.actuals {
                P::Actuals(first_year(&old.actuals, &value.actuals, |a| a.year))
            } else if old.name != value.name {
                P::Word(T::UndoName)
            } else if old.status != value.status {
                P::Word(T::UndoStatus)
            } else if old.repayment != value.repayment {
                P::Word(T::UndoRepayment)
            } else if old.owner != value.owner {
                P::Word(T::UndoOwner)
            } else if old.code != value.code {
                P::Word(T::UndoCode)
            } else {
                P::Word(T::UndoChange)
            };
            i18n::undo_initiative_part(lang, part, &old.code)
        }
        Edit::InsertInitiative { value, .. } => i18n::undo_inserted(lang, &value.code),
        Edit::RemoveInitiative { index } => {
            let code = fund
                .initiatives
                .get(*index)
                .map(|i| i.code.clone())
                .unwrap_or_default();
            i18n::undo_removed(lang, &code)
        }
        Edit::Initiatives(values) => {
            // Actual figures of one year read in for several initiatives.
            let year = values.iter().find_map(|(i, v)| {
                let old = fund.initiatives.get(*i)?;
                first_year(&old.actuals, &v.actuals, |a| a.year)
            });
            i18n::undo_actuals_of(lang, year, values.len())
        }
        Edit::AppendInitiatives(values) => i18n::undo_imported(lang, values.len()),
        Edit::RemoveLastInitiatives { count } => i18n::undo_removed_last(lang, *count),
        Edit::Settings(_) => word(T::UndoSettings),
        Edit::Actors(_) => word(T::UndoActors),
        Edit::Capital(_) => word(T::UndoCapital),
        Edit::Budget(_) => word(T::UndoBudget),
        Edit::Accounts(_) => word(T::UndoAccounts),
        Edit::Scenarios(_) => word(T::UndoScenarios),
        Edit::Whole(_) => word(T::UndoWhole),
    }
}

/// One step on the undo or redo stack: the edit that goes back (or forward), the document
/// state it leads to, and what the step is, for the Edit menu.
#[derive(Debug, Clone)]
struct Step {
    edit: Edit,
    state: u64,
    label: (String, String),
}

/// Undo and redo of [`Edit`]s, and the identity of the document's current state.
///
/// Every state the document has been in has an id; undo and redo return to earlier ids, so
/// "unsaved" is simply "the current id is not the saved id", and undoing back to the saved
/// state clears the unsaved mark.
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    state: u64,
}

/// How many steps are kept; the oldest are dropped beyond this.
pub const UNDO_LIMIT: usize = 1000;

/// State ids are unique across every document of the process, so a cache keyed by a state id
/// can never mistake a newly opened fund for the previous one.
static NEXT_STATE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn fresh_state() -> u64 {
    NEXT_STATE.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Default for History {
    fn default() -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            state: fresh_state(),
        }
    }
}

impl History {
    /// The id of the document's current state.
    pub fn state(&self) -> u64 {
        self.state
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What Undo would undo, in Swedish and English.
    pub fn undo_label(&self) -> Option<&(String, String)> {
        self.undo.last().map(|s| &s.label)
    }

    /// What Redo would redo, in Swedish and English.
    pub fn redo_label(&self) -> Option<&(String, String)> {
        self.redo.last().map(|s| &s.label)
    }

    #[allow(dead_code)] // used by tests and the bench
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Apply a new edit: one undo step; the redo stack is cleared. Returns whether the fund
    /// changed.
    pub fn apply(&mut self, fund: &mut Fund, edit: Edit) -> bool {
        let label = describe(fund, &edit);
        let Some(inverse) = edit.apply(fund) else {
            return false;
        };
        let before = self.state;
        self.state = fresh_state();
        self.undo.push(Step {
            edit: inverse,
            state: before,
            label,
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        true
    }

    pub fn undo(&mut self, fund: &mut Fund) -> bool {
        step_over(&mut self.undo, &mut self.redo, &mut self.state, fund)
    }

    pub fn redo(&mut self, fund: &mut Fund) -> bool {
        step_over(&mut self.redo, &mut self.undo, &mut self.state, fund)
    }
}

/// Apply the last step of `from` to the fund and keep its inverse on `to` (undo: from the undo
/// stack to the redo stack; redo: the other way); `state` becomes the step's.
fn step_over(from: &mut Vec<Step>, to: &mut Vec<Step>, state: &mut u64, fund: &mut Fund) -> bool {
    let Some(step) = from.pop() else {
        return false;
    };
    let Some(inverse) = step.edit.apply(fund) else {
        return false;
    };
    to.push(Step {
        edit: inverse,
        state: *state,
        label: step.label,
    });
    *state = step.state;
    true
}

/// Everything a view or a menu can ask the shell to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Change the document (one undo step).
    Edit(Edit),
    Shell(ShellCommand),
    /// Show a view.
    Navigate(View),
    /// Show the place of a problem: where it is, and its path in the file.
    GoTo(Location, String),
    SelectInitiative(Option<usize>),
    SetLanguage(Lang),
    /// Always use Sif's own file dialog (`true`), or only when the system has none.
    SetOwnFileDialog(bool),
    /// Open a help window, or close it (`None`).
    Help(Option<super::help::HelpPage>),
    SetScenario(Option<String>),
    SetIncludeProposed(bool),
    OpenRecent(PathBuf),
    /// Start a new document from a template (`None`: an empty fund).
    NewFrom(Option<&'static str>),
    /// Show a note in the status bar.
    Note(super::state::StatusNote),
    /// Trainer mode, presentation mode, the report and the sample fund (`whatif.rs`).
    Trainer(super::whatif::TrainerCommand),
    /// Build an export, ask where to save it, and write it.
    Export(super::export::ExportRequest),
    /// Ask for a file to read in and show what it would change (`import.rs`).
    Import(super::import::ImportKind),
}

/// The commands that have a menu item and a keyboard shortcut: the single source of both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShellCommand {
    New,
    Open,
    Save,
    SaveAs,
    Undo,
    Redo,
    Quit,
}

impl ShellCommand {
    pub fn text(self) -> super::i18n::T {
        use super::i18n::T;
        match self {
            ShellCommand::New => T::New,
            ShellCommand::Open => T::Open,
            ShellCommand::Save => T::Save,
            ShellCommand::SaveAs => T::SaveAs,
            ShellCommand::Undo => T::Undo,
            ShellCommand::Redo => T::Redo,
            ShellCommand::Quit => T::Quit,
        }
    }

    /// The shortcut, with `COMMAND` = Ctrl (Cmd on macOS).
    pub fn shortcut(self) -> Option<eframe::egui::KeyboardShortcut> {
        use eframe::egui::{Key, KeyboardShortcut, Modifiers};
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        Some(match self {
            ShellCommand::New => KeyboardShortcut::new(cmd, Key::N),
            ShellCommand::Open => KeyboardShortcut::new(cmd, Key::O),
            ShellCommand::Save => KeyboardShortcut::new(cmd, Key::S),
            ShellCommand::SaveAs => KeyboardShortcut::new(cmd_shift, Key::S),
            ShellCommand::Undo => KeyboardShortcut::new(cmd, Key::Z),
            ShellCommand::Redo => KeyboardShortcut::new(cmd, Key::Y),
            ShellCommand::Quit => KeyboardShortcut::new(cmd, Key::Q),
        })
    }
}

/// F5: presentation mode on and off.
pub const TOGGLE_PRESENTING: eframe::egui::KeyboardShortcut =
    eframe::egui::KeyboardShortcut::new(eframe::egui::Modifiers::NONE, eframe::egui::Key::F5);
/// Esc: leaves presentation mode (when no field or drop-down has the key).
pub const LEAVE_PRESENTING: eframe::egui::KeyboardShortcut =
    eframe::egui::KeyboardShortcut::new(eframe::egui::Modifiers::NONE, eframe::egui::Key::Escape);

/// Everything the keyboard reaches directly: the one list that the shortcut handler's keys, the
/// menus' shortcut texts and the Help menu's page of shortcuts come from, and that a test
/// checks for two commands on one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Shell(ShellCommand),
    /// Ctrl+P: the printable report.
    Report,
    /// Ctrl+1 … Ctrl+9: the views, in the navigation's order.
    View(View),
    TogglePresenting,
    LeavePresenting,
}

impl Shortcut {
    /// Every shortcut, in the order the Help menu lists them.
    pub fn all() -> Vec<Shortcut> {
        let shell = [
            ShellCommand::New,
            ShellCommand::Open,
            ShellCommand::Save,
            ShellCommand::SaveAs,
            ShellCommand::Undo,
            ShellCommand::Redo,
            ShellCommand::Quit,
        ];
        shell
            .into_iter()
            .map(Shortcut::Shell)
            .chain([Shortcut::Report])
            .chain(View::ALL.into_iter().map(Shortcut::View))
            .chain([Shortcut::TogglePresenting, Shortcut::LeavePresenting])
            .collect()
    }

    /// The keys, with `COMMAND` = Ctrl (Cmd on macOS); `None` for a view beyond the ninth.
    pub fn keys(self) -> Option<eframe::egui::KeyboardShortcut> {
        match self {
            Shortcut::Shell(cmd) => cmd.shortcut(),
            Shortcut::Report => Some(super::whatif::REPORT_SHORTCUT),
            Shortcut::View(view) => {
                let index = View::ALL.iter().position(|v| *v == view)?;
                super::view_shortcut(index)
            }
            Shortcut::TogglePresenting => Some(TOGGLE_PRESENTING),
            Shortcut::LeavePresenting => Some(LEAVE_PRESENTING),
        }
    }

    /// What the shortcut does, for the Help menu.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Shortcut::Shell(cmd) => lang.t(cmd.text()).trim_end_matches('…'),
            Shortcut::Report => lang.t(T::MenuPrintableReport).trim_end_matches('…'),
            Shortcut::View(view) => lang.t(view.text()),
            Shortcut::TogglePresenting => lang.t(T::KeyPresentingHelp),
            Shortcut::LeavePresenting => lang.t(T::KeyEscHelp),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let all = Shortcut::all();
        let keys: Vec<_> = all
            .iter()
            .filter_map(|s| s.keys().map(|k| (*s, k)))
            .collect();
        // Every command of the list has its keys: the seven of the File and Edit menus, the
        // report, the nine views, F5 and Esc.
        assert_eq!(keys.len(), all.len());
        assert!(keys.len() >= 7 + 1 + 9 + 2, "{keys:?}");
        for (i, (a, ka)) in keys.iter().enumerate() {
            for (b, kb) in &keys[i + 1..] {
                assert!(
                    !(ka.logical_key == kb.logical_key && ka.modifiers == kb.modifiers),
                    "{a:?} and {b:?} share a shortcut"
                );
            }
            for lang in [Lang::Sv, Lang::En] {
                assert!(!a.text(lang).is_empty(), "{a:?}");
            }
        }
        assert!(keys.iter().any(
            |(s, k)| *s == Shortcut::TogglePresenting && k.logical_key == eframe::egui::Key::F5
        ));
    }

    fn sample() -> Fund {
        sif::store::parse_str(sif::samples::default_sample().text, "sample").unwrap()
    }

    #[test]
    fn undo_and_redo_restore_states_and_ids() {
        let mut fund = sample();
        let original = fund.clone();
        let mut h = History::default();
        let start = h.state();
        let mut changed = fund.initiatives[0].clone();
        changed.name = "Ändrad".into();
        assert!(h.apply(
            &mut fund,
            Edit::Initiative {
                index: 0,
                value: Box::new(changed)
            }
        ));
        let edited = fund.clone();
        let edited_state = h.state();
        assert!(h.apply(&mut fund, Edit::RemoveInitiative { index: 1 }));
        assert_eq!(fund.initiatives.len(), original.initiatives.len() - 1);
        assert!(h.undo(&mut fund));
        assert_eq!(fund, edited);
        assert_eq!(h.state(), edited_state);
        assert!(h.undo(&mut fund));
        assert_eq!(fund, original);
        assert_eq!(h.state(), start);
        assert!(!h.undo(&mut fund));
        assert!(h.redo(&mut fund));
        assert_eq!(fund, edited);
        assert_eq!(h.state(), edited_state);
    }

    #[test]
    fn several_initiatives_change_and_come_back_in_one_step() {
        let mut fund = sample();
        let original = fund.clone();
        let mut h = History::default();
        let mut a = fund.initiatives[0].clone();
        a.name = "A".into();
        let mut b = fund.initiatives[1].clone();
        b.name = "B".into();
        assert!(h.apply(&mut fund, Edit::Initiatives(vec![(0, a), (1, b)])));
        assert_eq!(fund.initiatives[0].name, "A");
        assert_eq!(fund.initiatives[1].name, "B");
        let changed = fund.clone();
        let mut c = fund.initiatives[0].clone();
        c.code = "NY1".into();
        let mut d = c.clone();
        d.code = "NY2".into();
        assert!(h.apply(&mut fund, Edit::AppendInitiatives(vec![c, d])));
        assert_eq!(fund.initiatives.len(), original.initiatives.len() + 2);
        assert_eq!(
            h.undo_label().map(|l| l.0.as_str()),
            Some("2 inlästa insatser")
        );
        assert!(h.undo(&mut fund));
        assert_eq!(fund, changed);
        assert!(h.undo(&mut fund));
        assert_eq!(fund, original);
        assert!(h.redo(&mut fund));
        assert!(h.redo(&mut fund));
        assert_eq!(
            fund.initiatives.last().map(|i| i.code.as_str()),
            Some("NY2")
        );
        // An index out of range changes nothing.
        assert!(!h.apply(
            &mut fund,
            Edit::Initiatives(vec![(999, original.initiatives[0].clone())])
        ));
        assert!(!h.apply(&mut fund, Edit::RemoveLastInitiatives { count: 9999 }));
    }
}
