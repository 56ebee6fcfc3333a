//! `sif report FILE [--scenario S] [--include-proposed] [--lang sv|en] -o OUT`: the printable
//! report as one self-contained HTML file, or as a PDF printed by a Chromium-family browser.
//!
//! The HTML comes from [`sif::report::html`]; this file only reads the clock, writes the file
//! and, for `.pdf`, runs the browser. PDF needs no library in Sif's build: Chromium (Debian's
//! `chromium`) or Google Chrome prints the same HTML with `--print-to-pdf`, honouring the
//! report's A4 print styles. Without a browser, `.pdf` fails with a clear message and the HTML
//! can be printed from any browser instead.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use clap::ValueEnum;

use super::{Failure, check_output, write_err};
use sif::report::{self, Lang, ReportMeta};
use sif::store;

/// `--lang sv|en` of every command that has words in two languages (the report, the workbook,
/// the reconciliation): the command line's spelling of [`Lang`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum LangArg {
    /// Svenska / Swedish
    #[default]
    Sv,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct ReportHtmlArgs {
    #[command(flatten)]
    pub fund: super::FundArgs,
    /// The report's language.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    pub lang: LangArg,
    /// Where to write: NAME.html, NAME.pdf (printed with Chromium), or - for standard output.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Overwrite an existing file (its previous version is kept as NAME.bak).
    #[arg(long)]
    pub force: bool,
}

pub fn run(a: ReportHtmlArgs, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    check_output(&a.output, Some(&a.fund.file), a.force)?;
    let (fund, projection) = a.fund.load_and_project()?;
    let meta = ReportMeta {
        lang: a.lang.into(),
        source_file: a.fund.file.display().to_string(),
        made_on: sif_app::clock::Clock::today(&sif_app::clock::SystemClock),
    };
    let html =
        report::html(&fund, &projection, &meta).map_err(|e| Failure::invalid(e.to_string()))?;

    if a.output.as_os_str() == "-" {
        out.write_all(html.as_bytes()).map_err(write_err)?;
        return Ok(ExitCode::SUCCESS);
    }
    let is_pdf = a
        .output
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("pdf"));
    if is_pdf {
        print_pdf(&html, &a.output)?;
    } else {
        store::write_atomically(&a.output, html.as_bytes())
            .map_err(|e| Failure::invalid(e.to_string()))?;
    }
    writeln!(out, "{}", super::shown_path(&a.output)).map_err(write_err)?;
    Ok(ExitCode::SUCCESS)
}

/// The browsers that can print HTML to PDF headless, in the order they are tried.
const BROWSERS: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// A Chromium-family browser: `SIF_CHROMIUM` if set (and nothing else then, so a wrong setting
/// is noticed), otherwise the first of [`BROWSERS`] on the `PATH`.
pub fn find_browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SIF_CHROMIUM").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in BROWSERS {
            for candidate in [dir.join(name), dir.join(format!("{name}.exe"))] {
                if candidate.is_file() {
                    return Some(candidate);
                }
            }
        }
    }
    None
}

/// Print the HTML to `output` as A4 PDF with a headless browser. The HTML goes to a private
/// temporary folder, the PDF is written there first and then moved into place atomically.
pub(crate) fn print_pdf(html: &str, output: &Path) -> Result<(), Failure> {
    let Some(browser) = find_browser() else {
        return Err(Failure::invalid(
            "PDF skrivs ut med Chromium eller Google Chrome, och ingen av dem finns (installera t.ex. paketet chromium, eller skriv HTML med -o rapport.html och skriv ut den från en webbläsare) / \
             PDF is printed with Chromium or Google Chrome, and neither was found (install e.g. the chromium package, or write HTML with -o report.html and print it from a browser)",
        ));
    };
    let work = WorkFolder::create()?;
    print_pdf_in(&browser, html, &work.0, output)
}

/// The report's private work folder in the temporary directory: readable by the owner only
/// (the HTML holds the fund's figures), created fresh (never an existing folder or link of
/// that name), and removed when dropped, however printing ended.
struct WorkFolder(PathBuf);

impl WorkFolder {
    fn create() -> Result<WorkFolder, Failure> {
        let mut last = None;
        for attempt in 0..16_u32 {
            let stamp = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let path = std::env::temp_dir().join(format!(
                "sif-report-{}-{stamp}-{attempt}",
                std::process::id()
            ));
            let mut builder = std::fs::DirBuilder::new();
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(0o700);
            }
            match builder.create(&path) {
                Ok(()) => return Ok(WorkFolder(path)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => {
                    last = Some(e);
                    break;
                }
            }
        }
        let e = last.map_or_else(String::new, |e| e.to_string());
        Err(Failure::invalid(format!(
            "kunde inte skapa en tillfällig mapp / could not create a temporary folder: {e}"
        )))
    }
}

impl Drop for WorkFolder {
    fn drop(&mut self) {
        // A browser's helper processes may still write into its profile for a moment after
        // the browser itself has ended; try again for a few seconds rather than leave the
        // folder behind.
        for _ in 0..40 {
            match std::fs::remove_dir_all(&self.0) {
                Ok(()) => return,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }
}

fn print_pdf_in(browser: &Path, html: &str, work: &Path, output: &Path) -> Result<(), Failure> {
    let page = work.join("report.html");
    let pdf = work.join("report.pdf");
    std::fs::write(&page, html).map_err(|e| {
        Failure::invalid(format!(
            "kunde inte skriva en tillfällig fil / could not write a temporary file: {e}"
        ))
    })?;
    let url = file_url(&page);
    let mut command = Command::new(browser);
    // In a process group of its own, so that its helper processes can be ended with it and
    // stop writing into the work folder.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            work.join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            Failure::invalid(format!(
                "kunde inte starta {} / could not start {}: {e}",
                browser.display(),
                browser.display()
            ))
        })?;
    // A browser that hangs must not hang the command line.
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            Ok(None) => {
                end_group(child.id());
                let _ = child.kill();
                let _ = child.wait();
                return Err(Failure::invalid(
                    "webbläsaren blev inte klar med PDF:en inom 2 minuter / the browser did not finish the PDF within 2 minutes",
                ));
            }
            Err(e) => return Err(Failure::invalid(e.to_string())),
        }
    };
    let bytes = std::fs::read(&pdf).ok().filter(|b| b.starts_with(b"%PDF"));
    match bytes {
        Some(b) if status.success() => {
            store::write_atomically(output, &b).map_err(|e| Failure::invalid(e.to_string()))
        }
        _ => Err(Failure::invalid(format!(
            "{} kunde inte skriva ut rapporten som PDF / {} could not print the report as PDF",
            browser.display(),
            browser.display()
        ))),
    }
}

/// End the browser's process group (its helpers too), best effort: through the system's
/// `kill`, since Sif's code has no `unsafe` for the system call. Only called while the
/// browser is not yet waited for, so that its id cannot have been given to another process.
fn end_group(pid: u32) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{pid}")])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    #[cfg(not(unix))]
    let _ = pid;
}

/// A `file://` URL for an absolute path, with the bytes a URL cannot hold percent-encoded.
fn file_url(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = absolute.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~:".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_encode_spaces_and_non_ascii() {
        let url = file_url(Path::new("/tmp/Min fond/å.html"));
        assert_eq!(url, "file:///tmp/Min%20fond/%C3%A5.html");
    }
}
