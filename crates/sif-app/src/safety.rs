//! Never lose a fund, in the app (docs/safety.md): saving checks that nobody else changed the
//! file since it was opened, a failed save says why and changes nothing, the window notices an
//! outside change when it gains focus, and unsaved changes are written to a recovery file every
//! few seconds so that the next start can offer them after a crash or a kill.
//!
//! The library does the work (`sif::store`, `sif::recovery`); this module holds the app's side:
//! the recovery timer and session, the focus check, and the dialogs and the banner they open.
//! The recovery folder and the clock are passed in ([`SifApp::with_recovery`]), so the tests run
//! it headless on a temporary folder and a clock they move by hand.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::Duration;

use eframe::egui::{self, Id, RichText, Ui};
use sif::messages::Message;
use sif::recovery::{self, Recovery, Session};
use sif::store::{self, DiskState, FileStamp, SaveError};

use super::i18n::{self, Lang, T};
use super::state::{DialogState, Document, Pending, StatusNote};
use super::widgets;
use super::{SifApp, file_name};

/// How often unsaved changes are written to the recovery file, at most.
pub const RECOVERY_INTERVAL_SECS: u64 = 5;

pub use crate::clock::{Clock, SystemClock};

/// A question about the user's work that waits for an answer (shown as a modal dialog).
#[derive(Debug, Clone, PartialEq)]
pub enum SafetyDialog {
    /// Changes left by a Sif that ended without saving them; the prompt in both languages,
    /// made when the dialog opened.
    Recover {
        recovery: Box<Recovery>,
        sv: String,
        en: String,
    },
    /// Saving found the file changed (or removed) since it was opened. `then` is what the user
    /// wanted to do after saving (quit, open another file), done once the save succeeds.
    ChangedOnSave {
        path: PathBuf,
        removed: bool,
        then: Option<Pending>,
    },
}

/// What the focus check found: shown as a banner under the menu, which does not block work.
#[derive(Debug, Clone, PartialEq)]
pub enum Banner {
    Changed { path: PathBuf, now: FileStamp },
    Removed { path: PathBuf },
}

/// An answer to the banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerAnswer {
    Reload,
    Keep,
    SaveAgain,
    SaveAs,
}

/// An outside change the user has chosen to keep working past: not asked about again until the
/// file changes once more.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Declined {
    Changed(FileStamp),
    Removed,
}

/// The app's safety state.
pub struct Safety {
    clock: Box<dyn Clock>,
    /// Held for the app's lifetime; `None` without a recovery folder (tests of other things,
    /// screenshots) or when the folder cannot be written.
    session: Option<Session>,
    /// Recoveries found at start, not yet offered.
    pending: VecDeque<Recovery>,
    /// The document state last written to the recovery file; `None` when nothing of this
    /// document has been written.
    written: Option<u64>,
    /// When the recovery file was last written (or a write last failed).
    last_write: Option<u64>,
    /// The session's recovery file may exist and must go once the changes are saved or
    /// discarded.
    has_file: bool,
    /// A failed recovery write is noted once, not every few seconds.
    write_failure_noted: bool,
    pub banner: Option<Banner>,
    declined: Option<Declined>,
    was_focused: Option<bool>,
}

impl Safety {
    /// Saving and the focus check work, but nothing is written for recovery.
    pub fn without_recovery() -> Safety {
        Safety {
            clock: Box::new(SystemClock),
            session: None,
            pending: VecDeque::new(),
            written: None,
            last_write: None,
            has_file: false,
            write_failure_noted: false,
            banner: None,
            declined: None,
            was_focused: None,
        }
    }

    /// Whether a recovery session is running.
    #[allow(dead_code)] // used by the tests
    pub fn recovering(&self) -> bool {
        self.session.is_some()
    }

    /// The session's recovery file (tests look for it).
    #[allow(dead_code)] // used by the tests
    pub fn recovery_path(&self) -> Option<PathBuf> {
        self.session.as_ref().map(Session::recovery_path)
    }

    /// A new document replaced the open one: its history states start again, so whatever was
    /// written for the old one says nothing about it; an outside change of the old file is no
    /// longer news.
    fn document_replaced(&mut self) {
        self.written = None;
        self.last_write = None;
        self.banner = None;
        self.declined = None;
    }

    /// The changes are saved or the user discarded them: remove the recovery file.
    fn clear(&mut self) -> Option<StatusNote> {
        self.written = None;
        self.has_file = false;
        let session = self.session.as_ref()?;
        session.clear().err().map(|e| StatusNote::Bilingual {
            sv: e.swedish(),
            en: e.english(),
        })
    }

    /// Once a frame: write the recovery file when the document has changed since the last
    /// write and the interval has passed; remove it once there is nothing unsaved.
    fn tick(&mut self, ctx: &egui::Context, doc: &Document) -> Option<StatusNote> {
        self.session.as_ref()?;
        if !doc.is_dirty() {
            return if self.has_file { self.clear() } else { None };
        }
        if self.written == Some(doc.state()) {
            return None;
        }
        // So the timer runs while the app sits idle with changes not yet kept.
        ctx.request_repaint_after(Duration::from_secs(RECOVERY_INTERVAL_SECS));
        let now = self.clock.now_unix_secs();
        if let Some(last) = self.last_write
            && now < last.saturating_add(RECOVERY_INTERVAL_SECS)
        {
            return None;
        }
        self.last_write = Some(now);
        let session = self.session.as_ref()?;
        let written = store::to_ron_string(&doc.fund)
            .and_then(|text| session.write(doc.path.as_deref(), doc.stamp.as_ref(), &text, now));
        match written {
            Ok(()) => {
                self.written = Some(doc.state());
                self.has_file = true;
                self.write_failure_noted = false;
                None
            }
            Err(e) if !self.write_failure_noted => {
                self.write_failure_noted = true;
                Some(StatusNote::Bilingual {
                    sv: i18n::recovery_not_written(Lang::Sv, &e.swedish()),
                    en: i18n::recovery_not_written(Lang::En, &e.english()),
                })
            }
            Err(_) => None,
        }
    }

    /// Whether the window has just gained focus (not on the first frame).
    fn focus_gained(&mut self, ctx: &egui::Context) -> bool {
        let focused = ctx.input(|i| i.focused);
        let gained = self.was_focused == Some(false) && focused;
        self.was_focused = Some(focused);
        gained
    }

    /// Compare the open file with its stamp and show the banner when someone else changed it.
    fn check_disk(&mut self, doc: &Document) {
        let (Some(path), Some(stamp)) = (&doc.path, &doc.stamp) else {
            return;
        };
        match store::disk_state(path, stamp) {
            DiskState::Unchanged => self.banner = None,
            DiskState::Changed(now) => {
                if !matches!(self.declined, Some(Declined::Changed(d)) if d.same_content(&now)) {
                    self.banner = Some(Banner::Changed {
                        path: path.clone(),
                        now,
                    });
                }
            }
            DiskState::Removed => {
                if self.declined != Some(Declined::Removed) {
                    self.banner = Some(Banner::Removed { path: path.clone() });
                }
            }
            // Unreadable for now (a network drive waking up): saving will say what is wrong.
            DiskState::Unreadable(_) => {}
        }
    }
}

/// A row of buttons; the answer of the one clicked, if any.
fn buttons_ui<A>(ui: &mut Ui, buttons: impl IntoIterator<Item = (&'static str, A)>) -> Option<A> {
    let mut answer = None;
    for (label, a) in buttons {
        if ui.button(label).clicked() {
            answer = Some(a);
        }
    }
    answer
}

impl SifApp {
    /// Keep unsaved changes in `dir` (the recovery folder) with times from `clock`, and offer
    /// what a Sif that ended without saving left there. Without this the app writes no
    /// recovery files.
    pub fn with_recovery(mut self, dir: &Path, clock: Box<dyn Clock>) -> SifApp {
        let now = clock.now_unix_secs();
        self.safety.clock = clock;
        match Session::start(dir, now) {
            Ok(session) => {
                self.safety.session = Some(session);
                for r in recovery::list_recoveries(dir) {
                    if r.already_saved() {
                        let _ = recovery::discard(&r);
                    } else {
                        self.safety.pending.push_back(r);
                    }
                }
            }
            Err(e) => {
                self.ui.status = Some(StatusNote::Bilingual {
                    sv: i18n::recovery_unavailable(Lang::Sv, &e.swedish()),
                    en: i18n::recovery_unavailable(Lang::En, &e.english()),
                });
            }
        }
        self
    }

    /// Once a frame, before drawing: the focus check, the next recovery offer, the recovery
    /// timer.
    pub(super) fn safety_frame(&mut self, ctx: &egui::Context) {
        if self.safety.focus_gained(ctx) {
            self.safety.check_disk(&self.doc);
        }
        if self.ui.dialog.is_none()
            && let Some(r) = self.safety.pending.pop_front()
        {
            let clock = &self.safety.clock;
            let (sv, en) = r.prompt(clock.now_unix_secs(), clock.utc_offset_secs(r.made_at));
            self.ui.dialog = Some(DialogState::Safety(SafetyDialog::Recover {
                recovery: Box::new(r),
                sv,
                en,
            }));
        }
        if let Some(note) = self.safety.tick(ctx, &self.doc) {
            self.ui.status = Some(note);
        }
    }

    /// A new document replaced the open one.
    pub(super) fn safety_document_replaced(&mut self) {
        self.safety.document_replaced();
    }

    /// The user chose to close without saving: the changes go, and so does their recovery.
    pub(super) fn safety_discarded(&mut self) {
        if let Some(note) = self.safety.clear() {
            self.ui.status = Some(note);
        }
    }

    /// The user quits without saving: remove the recovery file and end the session, so that
    /// none of the frames drawn while the window closes writes it again.
    pub(super) fn safety_quit_discarded(&mut self) {
        self.safety_discarded();
        self.safety.session = None;
    }

    /// Save to `path`, refusing if the file is no longer the one stamped in `expected`. On
    /// success the document is saved and its recovery file removed; on failure the document
    /// stays as it was (unsaved, same path) and the user is told why, or asked what to do
    /// when the file changed on disk.
    pub(super) fn write_fund(&mut self, path: PathBuf, expected: Option<FileStamp>) -> bool {
        let lang = self.lang();
        match store::save_checked(&self.doc.fund, &path, expected.as_ref()) {
            Ok(stamp) => {
                self.prefs.note_recent(&path);
                self.doc.mark_saved(path);
                self.doc.stamp = Some(stamp);
                self.safety.banner = None;
                self.safety.declined = None;
                let name = self.doc.file_name().unwrap_or_default();
                self.ui.status = Some(StatusNote::Saved(name));
                if let Some(note) = self.safety.clear() {
                    self.ui.status = Some(note);
                }
                true
            }
            Err(SaveError::ChangedOnDisk { removed, .. }) => {
                self.ui.dialog = Some(DialogState::Safety(SafetyDialog::ChangedOnSave {
                    path,
                    removed,
                    then: None,
                }));
                false
            }
            Err(e) => {
                self.ui.dialog = Some(DialogState::Message {
                    title: T::SaveFailedTitle,
                    text: e.text(lang),
                });
                false
            }
        }
    }

    /// Saving before `then` stopped at the changed-on-disk question: do `then` once it is
    /// answered with a save.
    pub(super) fn save_then_later(&mut self, then: Pending) {
        if let Some(DialogState::Safety(SafetyDialog::ChangedOnSave { then: t, .. })) =
            &mut self.ui.dialog
        {
            *t = Some(then);
        }
    }

    /// Replace the document with the changes kept in a recovery file, unsaved, and remove the
    /// file.
    pub(super) fn restore_recovery(&mut self, r: &Recovery) {
        let lang = self.lang();
        match recovery::restore(r) {
            Ok(fund) => {
                self.replace_document(Document::recovered(fund, r.original.clone(), r.opened));
                let _ = recovery::discard(r);
                self.ui.status = Some(StatusNote::Restored(r.original.as_deref().map(file_name)));
            }
            Err(e) => {
                // The file stays, so nothing is lost; say where it is.
                let file = r.path.display();
                self.ui.dialog = Some(DialogState::Message {
                    title: T::OpenFailedTitle,
                    text: i18n::recovery_kept(lang, &e.text(lang), &file.to_string()),
                });
            }
        }
    }

    /// Draw a safety dialog and act on the answer. Returns the dialog to keep open, if any.
    pub(super) fn safety_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        dialog: SafetyDialog,
    ) -> Option<DialogState> {
        let lang = self.lang();
        match dialog {
            SafetyDialog::Recover { recovery, sv, en } => {
                #[derive(PartialEq)]
                enum A {
                    Wait,
                    Restore,
                    Discard,
                    Later,
                }
                let mut answer = A::Wait;
                let modal = egui::Modal::new(Id::unique("recovery_dialog")).show(ctx, |ui| {
                    ui.set_max_width(560.0);
                    ui.heading(lang.t(T::Unsaved));
                    ui.label(lang.pick(&sv, &en));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let buttons = [
                            (lang.t(T::SafeRestore), A::Restore),
                            (lang.t(T::SafeDiscard), A::Discard),
                        ];
                        if let Some(a) = buttons_ui(ui, buttons) {
                            answer = a;
                        }
                    });
                });
                if answer == A::Wait && modal.should_close() {
                    answer = A::Later;
                }
                match answer {
                    A::Wait => Some(DialogState::Safety(SafetyDialog::Recover {
                        recovery,
                        sv,
                        en,
                    })),
                    // The file stays for the next start.
                    A::Later => None,
                    A::Restore => {
                        self.ui.dialog = None;
                        self.guard(ctx, Pending::Restore(recovery));
                        self.ui.dialog.take()
                    }
                    A::Discard => match recovery::discard(&recovery) {
                        Ok(()) => None,
                        Err(e) => Some(DialogState::Message {
                            title: T::SaveFailedTitle,
                            text: e.text(lang),
                        }),
                    },
                }
            }
            SafetyDialog::ChangedOnSave {
                path,
                removed,
                then,
            } => {
                #[derive(PartialEq)]
                enum A {
                    Wait,
                    Overwrite,
                    Reload,
                    SaveAs,
                    Cancel,
                }
                let f = file_name(&path);
                let mut answer = A::Wait;
                let modal =
                    egui::Modal::new(Id::unique("changed_on_disk_dialog")).show(ctx, |ui| {
                        ui.set_max_width(560.0);
                        if removed {
                            ui.heading(lang.t(T::SafeFileGone));
                            ui.label(i18n::file_removed(lang, &f));
                        } else {
                            ui.heading(lang.t(T::SafeFileChanged));
                            ui.label(i18n::file_changed_on_save(lang, &f));
                        }
                        ui.add_space(8.0);
                        ui.horizontal(|ui| {
                            let mut buttons = vec![if removed {
                                (lang.t(T::SafeSaveAgain), A::Overwrite)
                            } else {
                                (lang.t(T::SafeOverwrite), A::Overwrite)
                            }];
                            if !removed {
                                buttons.push((lang.t(T::SafeLoadOther), A::Reload));
                            }
                            buttons.push((lang.t(T::SaveAs), A::SaveAs));
                            buttons.push((lang.t(T::Cancel), A::Cancel));
                            if let Some(a) = buttons_ui(ui, buttons) {
                                answer = a;
                            }
                        });
                    });
                if answer == A::Wait && modal.should_close() {
                    answer = A::Cancel;
                }
                let saved = match answer {
                    A::Wait => {
                        return Some(DialogState::Safety(SafetyDialog::ChangedOnSave {
                            path,
                            removed,
                            then,
                        }));
                    }
                    A::Cancel => return None,
                    A::Reload => {
                        self.ui.dialog = None;
                        self.open_path(&path);
                        return self.ui.dialog.take();
                    }
                    A::Overwrite => {
                        self.ui.dialog = None;
                        self.write_fund(path, None)
                    }
                    A::SaveAs => {
                        self.ui.dialog = None;
                        // Sif's own file dialog may ask across frames: `then` goes with it.
                        self.save_as(ctx, then);
                        return self.ui.dialog.take();
                    }
                };
                if saved && let Some(then) = then {
                    self.proceed(ctx, then);
                }
                self.ui.dialog.take()
            }
        }
    }

    /// The banner under the menu when the file changed on disk; the answer is acted on after
    /// the frame ([`SifApp::safety_banner_answer`]).
    pub(super) fn safety_banner_ui(&self, ui: &mut Ui) -> Option<BannerAnswer> {
        let banner = self.safety.banner.as_ref()?;
        let lang = self.lang();
        let dirty = self.doc.is_dirty();
        let mut answer = None;
        egui::Panel::top("safety_banner").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let (text, buttons): (String, Vec<(&str, BannerAnswer)>) = match banner {
                    Banner::Changed { path, .. } => {
                        let f = file_name(path);
                        if dirty {
                            (
                                i18n::changed_outside(lang, &f, true),
                                vec![
                                    (lang.t(T::SafeLoadNew), BannerAnswer::Reload),
                                    (lang.t(T::SafeKeepMine), BannerAnswer::Keep),
                                ],
                            )
                        } else {
                            (
                                i18n::changed_outside(lang, &f, false),
                                vec![
                                    (lang.t(T::SafeReload), BannerAnswer::Reload),
                                    (lang.t(T::SafeKeepOpen), BannerAnswer::Keep),
                                ],
                            )
                        }
                    }
                    Banner::Removed { path } => {
                        let f = file_name(path);
                        (
                            i18n::file_removed(lang, &f),
                            vec![
                                (lang.t(T::SafeSaveAgain), BannerAnswer::SaveAgain),
                                (lang.t(T::SaveAs), BannerAnswer::SaveAs),
                                (lang.t(T::Cancel), BannerAnswer::Keep),
                            ],
                        )
                    }
                };
                ui.label(RichText::new(text).color(widgets::warn_color(ui)));
                answer = buttons_ui(ui, buttons);
            });
        });
        answer
    }

    /// Act on the banner's answer (after the frame is drawn, so nothing changes under it).
    pub(super) fn safety_banner_answer(&mut self, ctx: &egui::Context, answer: BannerAnswer) {
        let Some(banner) = self.safety.banner.take() else {
            return;
        };
        match (answer, banner) {
            (BannerAnswer::Reload, Banner::Changed { path, .. }) => self.open_path(&path),
            (BannerAnswer::Keep, Banner::Changed { now, .. }) => {
                self.safety.declined = Some(Declined::Changed(now));
            }
            (BannerAnswer::Keep, Banner::Removed { .. }) => {
                self.safety.declined = Some(Declined::Removed);
            }
            (BannerAnswer::SaveAgain, Banner::Removed { path }) => {
                self.write_fund(path, None);
            }
            (BannerAnswer::SaveAs, _) => {
                self.save_as(ctx, None);
            }
            (_, banner) => self.safety.banner = Some(banner),
        }
    }
}
