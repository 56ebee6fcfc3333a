//! The desktop app driven headless through its accessibility tree (egui_kittest).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;

use eframe::egui::{self, Key, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sif::model::Fund;
use sif::money::Money;
use sif_app::SifApp;
use sif_app::dialogs::{FileDialogs, FileRequest};
use sif_app::i18n::{self, Lang};
use sif_app::prefs::Preferences;

/// The app in a headless window.
pub type H = Harness<'static, SifApp>;

/// The window most tests use.
pub const SIZE: egui::Vec2 = egui::vec2(1400.0, 1000.0);

/// A tall window, for views whose lower parts a test reads (only what is on screen is in the
/// accessibility tree).
pub const TALL: egui::Vec2 = egui::vec2(1400.0, 2600.0);

/// File dialogs that answer from queues the test fills and note what they were asked.
///
/// Opening a fund pops `open`; saving and exporting pop `save`; importing pops `import`, or
/// `open` when `import` is empty. Every question counts in `asked`; a save or export notes
/// its suggested name and extension in `saves` (empty for a fund), an import its extensions
/// in `imports`.
#[derive(Clone, Default)]
pub struct FakeDialogs {
    pub open: Rc<RefCell<VecDeque<PathBuf>>>,
    pub save: Rc<RefCell<VecDeque<PathBuf>>>,
    pub import: Rc<RefCell<VecDeque<PathBuf>>>,
    pub asked: Rc<RefCell<usize>>,
    pub saves: Rc<RefCell<Vec<(String, String)>>>,
    pub imports: Rc<RefCell<Vec<Vec<String>>>>,
}

impl FakeDialogs {
    /// A save (of a fund when `extension` is empty) or an export: noted, and answered from
    /// `save`.
    fn saved(&mut self, suggested: &str, extension: &str) -> Option<PathBuf> {
        *self.asked.borrow_mut() += 1;
        let asked = (suggested.to_string(), extension.to_string());
        self.saves.borrow_mut().push(asked);
        self.save.borrow_mut().pop_front()
    }
}

impl FileDialogs for FakeDialogs {
    fn pick_open(&mut self, _: FileRequest<'_>) -> Option<PathBuf> {
        *self.asked.borrow_mut() += 1;
        self.open.borrow_mut().pop_front()
    }

    fn pick_save(&mut self, request: FileRequest<'_>) -> Option<PathBuf> {
        self.saved(request.suggested, "")
    }

    fn pick_export(&mut self, request: FileRequest<'_>) -> Option<PathBuf> {
        self.saved(request.suggested, request.extensions.concat().as_str())
    }

    fn pick_import(&mut self, request: FileRequest<'_>) -> Option<PathBuf> {
        *self.asked.borrow_mut() += 1;
        let extensions = request.extensions.iter().map(|e| e.to_string());
        self.imports.borrow_mut().push(extensions.collect());
        let from_import = self.import.borrow_mut().pop_front();
        from_import.or_else(|| self.open.borrow_mut().pop_front())
    }
}

/// A desktop without a file-dialog portal (and without zenity): Sif's own dialog must be used.
pub struct NoPortal;

impl FileDialogs for NoPortal {
    fn available(&mut self) -> bool {
        false
    }
    fn pick_open(&mut self, _: FileRequest<'_>) -> Option<PathBuf> {
        panic!("the system dialog was asked although there is none")
    }
    fn pick_save(&mut self, _: FileRequest<'_>) -> Option<PathBuf> {
        panic!("the system dialog was asked although there is none")
    }
}

/// The app in this language with these dialogs, on the built-in sample fund.
pub fn app(lang: Lang, dialogs: Box<dyn FileDialogs>) -> SifApp {
    let prefs = Preferences {
        language: lang,
        ..Preferences::default()
    };
    SifApp::new(prefs, dialogs)
}

/// The app on `fund` (as if opened, no file), with "today" fixed at `today` (`YYYY-MM-DD`).
pub fn app_on(fund: Fund, lang: Lang, dialogs: Box<dyn FileDialogs>, today: &str) -> SifApp {
    let mut app = app(lang, dialogs);
    app.doc = sif_app::state::Document::new(fund, None);
    set_today(&mut app, today);
    app
}

/// Fix the app's "today".
pub fn set_today(app: &mut SifApp, today: &str) {
    app.clock = Box::new(sif_app::clock::FixedClock(today.to_string()));
}

/// A window of `size` showing `app`; no frame has run yet.
pub fn window(app: SifApp, size: egui::Vec2) -> H {
    Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut SifApp| app.ui_root(ui), app)
}

/// Click the widget with this label and let the frame run.
pub fn click(h: &mut Harness<'_, SifApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Open a view by its name in the side bar.
pub fn nav(h: &mut Harness<'_, SifApp>, view: &str) {
    click(h, view);
}

/// Click a menu, then an item in it (menu items carry their shortcut in their name).
pub fn menu(h: &mut Harness<'_, SifApp>, menu: &str, item: &str) {
    click(h, menu);
    h.get_by_label_contains(item).click();
    h.run();
}

/// Type into a text field found by its label as a user does: focus it (which selects its
/// text), type, Enter.
pub fn type_into(h: &mut Harness<'_, SifApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// [`type_into`] for an input found by its accessible name (see [`input`]).
pub fn type_into_input(h: &mut Harness<'_, SifApp>, name: &str, text: &str) {
    input(h, name).focus();
    h.run();
    input(h, name).type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// An input (not a text label) by its accessible name: text fields, drop-downs.
pub fn input<'a>(h: &'a Harness<'_, SifApp>, name: &'a str) -> egui_kittest::Node<'a> {
    h.get_by(move |n| n.role() != Role::Label && n.label().as_deref() == Some(name))
}

/// Whether an input (not a text label) with this name is on screen.
pub fn has_input(h: &Harness<'_, SifApp>, label: &str) -> bool {
    h.query_all_by_label(label)
        .any(|n| n.accesskit_node().role() != Role::Label)
}

/// Choose an option of a drop-down.
pub fn choose(h: &mut Harness<'_, SifApp>, name: &str, option: &str) {
    input(h, name).click();
    h.run();
    h.get_by_role_and_label(Role::Button, option).click();
    h.run();
}

/// Whether a node with exactly this accessible name is on screen. Figures carry a name such
/// as "Fund balance at the horizon's end: SEK 22,000,000", which kittest's label queries do
/// not see on text labels (they match a label's text).
pub fn shows(h: &Harness<'_, SifApp>, name: &str) -> bool {
    h.root()
        .children_recursive()
        .any(|n| n.accesskit_node().label().as_deref() == Some(name))
}

/// Whether a label containing this text is on screen.
pub fn shows_text(h: &Harness<'_, SifApp>, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

/// Whether the widget with this label is disabled.
pub fn disabled(h: &Harness<'_, SifApp>, label: &str) -> bool {
    h.get_by_label(label).accesskit_node().is_disabled()
}

/// An amount as the Swedish app shows it, without the unit (`1 234 567`).
pub fn sv(m: i64) -> String {
    i18n::money(Lang::Sv, Money(m))
}
