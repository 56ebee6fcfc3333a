//! Screenshots of the real window, for the documentation and for looking at the app.
//!
//! `SIF_SCREENSHOTS=DIR sif FILE` opens FILE, shows each view in turn, saves `DIR/VIEW.png`
//! (and the overview in English as `DIR/overview-en.png`), and closes. `SIF_SCREENSHOT_VIEWS`
//! may list the views to take, comma-separated (`overview,initiatives,settings,problems`);
//! `trainer` and `presenting` in the list add shots of trainer mode (a what-if in the panel)
//! and presentation mode. `SIF_SCREENSHOT_SUFFIX` is added to every file name (a second run on
//! another fund).
//! `scripts/screenshots.sh` runs this under Xvfb.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use eframe::egui;

use super::i18n::Lang;
use super::state::UiState;
use super::views::View;
use super::whatif::{Assumptions, PRESENTATION_ZOOM, RuleSet, WhatIf};

/// The mode a shot is taken in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Normal,
    /// Trainer mode with a what-if: 70 % of the savings, 20 % cost overrun, a year late, and
    /// 20 points more deadweight.
    Trainer,
    /// Presentation mode, with the what-if panel open.
    Presenting,
}

/// Frames to let a view settle (layout, scroll areas, plots) before the shot.
const SETTLE_FRAMES: u32 = 8;

pub struct Plan {
    dir: PathBuf,
    /// The view, the language, the file name, and how far down to scroll the initiative
    /// editor.
    shots: Vec<(View, Lang, String, f32)>,
    /// The mode of each shot (same order as `shots`).
    modes: Vec<Mode>,
    next: usize,
    frames: u32,
    waiting: Option<mpsc::Receiver<std::sync::Arc<egui::ColorImage>>>,
    /// How often the window was put back to [`SIZE`].
    resizes: u32,
}

/// The size of every shot, in pixels, unless `SIF_SCREENSHOT_SIZE` (`1024x700`) says
/// otherwise. Under Xvfb the window sometimes opens at the size of the screen instead; the plan
/// puts it back before a shot.
pub const SIZE: [f32; 2] = [1280.0, 800.0];

/// The size of the shots: `SIF_SCREENSHOT_SIZE=WxH`, or [`SIZE`].
pub fn size() -> [f32; 2] {
    std::env::var("SIF_SCREENSHOT_SIZE")
        .ok()
        .and_then(|s| {
            let (w, h) = s.split_once('x')?;
            Some([w.trim().parse().ok()?, h.trim().parse().ok()?])
        })
        .filter(|[w, h]: &[f32; 2]| *w >= 400.0 && *h >= 300.0)
        .unwrap_or(SIZE)
}

impl Plan {
    pub fn from_env() -> Option<Plan> {
        let dir = PathBuf::from(std::env::var_os("SIF_SCREENSHOTS")?);
        let list = std::env::var("SIF_SCREENSHOT_VIEWS").ok();
        let views: Vec<View> = match &list {
            Some(list) => list
                .split(',')
                .filter_map(|s| View::from_slug(s.trim()))
                .collect(),
            None => View::ALL.to_vec(),
        };
        let wants = |mode: &str| {
            list.as_deref()
                .is_none_or(|l| l.split(',').any(|s| s.trim() == mode))
        };
        let mut shots: Vec<(View, Lang, String, f32)> = views
            .iter()
            .map(|v| (*v, Lang::Sv, v.slug().to_string(), 0.0))
            .collect();
        if views.contains(&View::Initiatives) {
            shots.push((
                View::Initiatives,
                Lang::Sv,
                "initiatives-repayment".to_string(),
                520.0,
            ));
        }
        if views.contains(&View::Overview) {
            shots.push((View::Overview, Lang::En, "overview-en".to_string(), 0.0));
        }
        if views.contains(&View::Initiatives) {
            shots.push((
                View::Initiatives,
                Lang::En,
                "initiatives-en".to_string(),
                0.0,
            ));
        }
        let mut modes = vec![Mode::Normal; shots.len()];
        if views.contains(&View::WhoGains) {
            shots.push((View::WhoGains, Lang::En, "who-gains-en".to_string(), 0.0));
            modes.push(Mode::Normal);
        }
        if wants("trainer") {
            for view in [View::Overview, View::Scenarios, View::WhoGains] {
                shots.push((view, Lang::Sv, format!("{}-trainer", view.slug()), 0.0));
                modes.push(Mode::Trainer);
            }
        }
        if wants("presenting") {
            for view in [View::Overview, View::Initiatives, View::Scenarios] {
                shots.push((view, Lang::Sv, format!("{}-presenting", view.slug()), 0.0));
                modes.push(Mode::Presenting);
            }
        }
        shots.extend(controller_shots(&views));
        modes.resize(shots.len(), Mode::Normal);
        // A second run on another fund can keep the first run's files: `-uppfoljning`.
        let suffix = std::env::var("SIF_SCREENSHOT_SUFFIX").unwrap_or_default();
        for shot in &mut shots {
            shot.2.push_str(&suffix);
        }
        Some(Plan {
            dir,
            shots,
            modes,
            next: 0,
            frames: 0,
            waiting: None,
            resizes: 0,
        })
    }

    pub fn lang(&self) -> Lang {
        Lang::Sv
    }

    /// Put the app in the state of the next shot.
    pub fn before_frame(&mut self, ctx: &egui::Context, ui: &mut UiState) {
        let ppp = ctx.pixels_per_point();
        if self.resizes < 20
            && self.waiting.is_none()
            && let Some(r) = ctx.input(|i| i.viewport().inner_rect)
        {
            let px = r.size() * ppp;
            let want = size();
            if (px.x - want[0]).abs() > 1.0 || (px.y - want[1]).abs() > 1.0 {
                let size = egui::vec2(want[0], want[1]) / ppp;
                ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
                self.resizes += 1;
                self.frames = 0;
            }
        }
        if let Some((view, lang, name, offset)) = self.shots.get(self.next) {
            ui.view = *view;
            ui.lang = *lang;
            if ui.selected.is_none() {
                ui.selected = Some(0);
            }
            if self.frames == 0 {
                ui.initiatives.editor_offset = Some(*offset);
                controller_setup(name, ui);
            }
            let mode = self.modes.get(self.next).copied().unwrap_or(Mode::Normal);
            let whatif = WhatIf {
                assumptions: Assumptions {
                    savings_factor: 70,
                    cost_factor: 120,
                    delay: 1,
                },
                include_proposed: false,
                rules: RuleSet::CurrentLaw,
                deadweight: 20,
            };
            ui.trainer.whatif = (mode != Mode::Normal).then_some(whatif);
            ui.trainer.presenting = mode == Mode::Presenting;
            let zoom = if ui.trainer.presenting {
                PRESENTATION_ZOOM
            } else {
                1.0
            };
            if ctx.zoom_factor() != zoom {
                ctx.set_zoom_factor(zoom);
            }
        }
        ctx.request_repaint();
    }

    /// Count frames, take the shot, write it; returns true when all are done.
    pub fn after_frame(&mut self, ctx: &egui::Context) -> bool {
        let Some((_, _, name, _)) = self.shots.get(self.next).cloned() else {
            return true;
        };
        if let Some(rx) = &self.waiting {
            if let Ok(image) = rx.try_recv() {
                let path = self.dir.join(format!("{name}.png"));
                match write_png(&path, &image) {
                    Ok(()) => eprintln!("wrote {}", path.display()),
                    Err(e) => eprintln!("could not write {}: {e}", path.display()),
                }
                self.waiting = None;
                self.next += 1;
                self.frames = 0;
            }
            return false;
        }
        self.frames += 1;
        if self.frames >= SETTLE_FRAMES {
            let (tx, rx) = mpsc::channel();
            ctx.request_screenshot(move |image| {
                let _ = tx.send(image);
            });
            self.waiting = Some(rx);
        }
        false
    }
}

/// The extra shots of the Repayments, Balanced budget and Ledger views: their dialogs, and
/// each in English.
fn controller_shots(views: &[View]) -> Vec<(View, Lang, String, f32)> {
    let mut shots = Vec::new();
    if views.contains(&View::Repayments) {
        shots.push((View::Repayments, Lang::Sv, "repayments-close".into(), 0.0));
        shots.push((View::Repayments, Lang::En, "repayments-en".into(), 0.0));
    }
    if views.contains(&View::Budget) {
        shots.push((View::Budget, Lang::En, "budget-en".into(), 0.0));
    }
    if views.contains(&View::Ledger) {
        shots.push((View::Ledger, Lang::Sv, "ledger-export".into(), 0.0));
        shots.push((View::Ledger, Lang::En, "ledger-en".into(), 0.0));
    }
    shots
}

/// Open the dialog a shot shows (by its name), and close the previous shot's.
fn controller_setup(name: &str, ui: &mut UiState) {
    ui.repayments.close_year = None;
    ui.ledger.export = None;
    ui.repayments.open_close_year = name.starts_with("repayments-close");
    ui.ledger.open_export = name.starts_with("ledger-export");
}

/// Write an RGBA image as PNG.
pub fn write_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    // The folder named in SIF_SCREENSHOTS is made if it is not there yet.
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    let file = std::fs::File::create(path).map_err(|e| e.to_string())?;
    let [w, h] = image.size;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    writer.write_image_data(&bytes).map_err(|e| e.to_string())
}
