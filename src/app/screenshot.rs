//! Screenshots of the real window, for the documentation and for looking at the app.
//!
//! `SIF_SCREENSHOTS=DIR sif FILE` opens FILE, shows each view in turn, saves `DIR/VIEW.png`
//! (and the overview in English as `DIR/overview-en.png`), and closes. `SIF_SCREENSHOT_VIEWS`
//! may list the views to take, comma-separated (`overview,initiatives,settings,problems`);
//! `SIF_SCREENSHOT_SUFFIX` is added to every file name (a second run on another fund).
//! `scripts/screenshots.sh` runs this under Xvfb.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use eframe::egui;

use super::i18n::Lang;
use super::state::UiState;
use super::views::View;

/// Frames to let a view settle (layout, scroll areas, plots) before the shot.
const SETTLE_FRAMES: u32 = 8;

pub struct Plan {
    dir: PathBuf,
    /// The view, the language, the file name, and how far down to scroll the initiative
    /// editor.
    shots: Vec<(View, Lang, String, f32)>,
    next: usize,
    frames: u32,
    waiting: Option<mpsc::Receiver<std::sync::Arc<egui::ColorImage>>>,
}

impl Plan {
    pub fn from_env() -> Option<Plan> {
        let dir = PathBuf::from(std::env::var_os("SIF_SCREENSHOTS")?);
        let views: Vec<View> = match std::env::var("SIF_SCREENSHOT_VIEWS") {
            Ok(list) => list
                .split(',')
                .filter_map(|s| View::from_slug(s.trim()))
                .collect(),
            Err(_) => View::ALL.to_vec(),
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
        shots.extend(controller_shots(&views));
        // A second run on another fund can keep the first run's files: `-uppfoljning`.
        let suffix = std::env::var("SIF_SCREENSHOT_SUFFIX").unwrap_or_default();
        for shot in &mut shots {
            shot.2.push_str(&suffix);
        }
        Some(Plan {
            dir,
            shots,
            next: 0,
            frames: 0,
            waiting: None,
        })
    }

    pub fn lang(&self) -> Lang {
        Lang::Sv
    }

    /// Put the app in the state of the next shot.
    pub fn before_frame(&mut self, ctx: &egui::Context, ui: &mut UiState) {
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
