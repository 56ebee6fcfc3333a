//! A start-up probe for measuring the app at scale (`docs/performance.md`, "The app at scale").
//!
//! `SIF_EXIT_AFTER_FIRST_FRAME=1 sif FUND.ron` starts the app as usual and, once the first frame
//! is on screen (built, painted and swapped; the probe notes it when the second frame begins),
//! prints one line to standard output and closes:
//!
//! ```text
//! sif-probe first_frame unix_ns=… open_ms=… first_frame_ms=…
//! ```
//!
//! `unix_ns` is the wall clock at that moment, so a script that notes the clock just before it
//! starts `sif` gets the whole time from process start; `open_ms` is reading, validating and
//! projecting the file, and `first_frame_ms` the time from [`run`](super::run) to the first
//! frame on screen.
//!
//! `SIF_EXIT_AFTER_FIRST_FRAME=views` goes on after the first frame: it shows every view for
//! [`FRAMES_PER_VIEW`] frames, then prints the process's resident memory (`VmRSS`, and its peak
//! `VmHWM`, from `/proc/self/status`) and the median time of building a frame of each view in
//! the real window, and closes.
//!
//! Either way the probe starts from the default preferences and saves none, like the
//! screenshot mode. `scripts/app-scale.sh` runs both under Xvfb.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use eframe::egui;

use super::state::UiState;
use super::views::View;

/// Frames each view is shown for in the `views` mode (the first ones settle grids and tables).
pub const FRAMES_PER_VIEW: usize = 12;

pub struct Probe {
    tour: bool,
    started: Instant,
    opened: Option<Duration>,
    frames: usize,
    /// The view being shown in the tour and the frame times measured in it so far.
    view: usize,
    times: Vec<Duration>,
    medians: Vec<(View, Duration)>,
    frame_began: Option<Instant>,
}

impl Probe {
    /// The probe asked for in the environment, timed from now (call it first in `run`).
    pub fn from_env() -> Option<Probe> {
        let value = std::env::var("SIF_EXIT_AFTER_FIRST_FRAME").ok()?;
        let tour = match value.trim() {
            "" | "0" => return None,
            "views" => true,
            _ => false,
        };
        Some(Probe {
            tour,
            started: Instant::now(),
            opened: None,
            frames: 0,
            view: 0,
            times: Vec::new(),
            medians: Vec::new(),
            frame_began: None,
        })
    }

    /// The fund file has been opened (read, validated; the app is built).
    pub fn opened(&mut self) {
        self.opened = Some(self.started.elapsed());
    }

    /// Before the app draws a frame.
    pub fn before_frame(&mut self, ctx: &egui::Context, ui: &mut UiState) {
        if self.frames == 1 {
            let unix_ns = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            println!(
                "sif-probe first_frame unix_ns={unix_ns} open_ms={:.1} first_frame_ms={:.1} \
                 cpu_ms={} main_thread_cpu_ms={}",
                self.opened.unwrap_or_default().as_secs_f64() * 1e3,
                self.started.elapsed().as_secs_f64() * 1e3,
                process_cpu_ms().map_or("?".to_string(), |v| v.to_string()),
                main_thread_cpu_ms().map_or("?".to_string(), |v| format!("{v:.1}")),
            );
        }
        if self.tour
            && let Some(view) = View::ALL.get(self.view)
        {
            ui.view = *view;
            if *view == View::Initiatives && ui.selected.is_none() {
                ui.selected = Some(0);
            }
        }
        self.frame_began = Some(Instant::now());
        ctx.request_repaint();
    }

    /// After the app drew a frame; returns true when the probe is done and the app may close.
    pub fn after_frame(&mut self) -> bool {
        let took = self.frame_began.take().map(|t| t.elapsed());
        self.frames += 1;
        if !self.tour {
            // Frame 1 is on screen when frame 2 begins; close after that.
            return self.frames >= 2;
        }
        let Some(view) = View::ALL.get(self.view) else {
            return true;
        };
        // The first frame of the tour is the start-up frame; it is not a view's steady frame.
        if self.frames > 1
            && let Some(took) = took
        {
            self.times.push(took);
        }
        if self.times.len() >= FRAMES_PER_VIEW {
            // The first half settles (layout of new grids, tables); the median of the rest.
            let mut steady = self.times.split_off(FRAMES_PER_VIEW / 2);
            steady.sort();
            self.medians.push((*view, steady[steady.len() / 2]));
            self.times.clear();
            self.view += 1;
        }
        if self.view < View::ALL.len() {
            return false;
        }
        for (view, median) in &self.medians {
            println!(
                "sif-probe view={} frame_median_ms={:.2}",
                view.slug(),
                median.as_secs_f64() * 1e3
            );
        }
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let kb = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .map(|v| v.trim().trim_end_matches("kB").trim().to_string())
                .unwrap_or_else(|| "?".to_string())
        };
        println!(
            "sif-probe memory vm_rss_kb={} vm_hwm_kb={} rss_anon_kb={} rss_file_kb={}",
            kb("VmRSS:"),
            kb("VmHWM:"),
            kb("RssAnon:"),
            kb("RssFile:")
        );
        true
    }
}

/// CPU time of the whole process so far (user + system, every thread), from `/proc/self/stat`,
/// in milliseconds (to the kernel's clock tick, usually 10 ms). On a shared machine CPU time
/// is steadier than the wall clock.
fn process_cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // USER_HZ is 100 on every Linux Sif runs on.
    Some((utime + stime) * 10)
}

/// CPU time of the main thread so far in milliseconds, to the nanosecond, from
/// `/proc/thread-self/schedstat`.
fn main_thread_cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e6)
}
