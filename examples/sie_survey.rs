//! Read every SIE file in a folder the way `sif actuals` does and compare the sums per project
//! with an independent reader (the `sie-parser` crate): for each file, whether Sif reads or
//! refuses it (and why), and — where both read it — whether Σ `#TRANS` rows on accounts
//! 4000–7999 per voucher year and dimension 6 object agree to the öre.
//!
//! ```text
//! cargo run --example sie_survey -- FOLDER
//! ```
//!
//! Used on the public SIE test files of real accounting programs, which are kept outside the
//! project (docs/safety.md).

use std::collections::BTreeMap;

use sif::messages::Message;

fn ore(decimal: impl std::fmt::Display) -> Option<i128> {
    let s = decimal.to_string();
    let (neg, s) = s
        .strip_prefix('-')
        .map_or((false, s.as_str()), |r| (true, r));
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let frac = format!("{frac:0<2}");
    let v = int.parse::<i128>().ok()? * 100 + frac.get(..2)?.parse::<i128>().ok()?;
    Some(if neg { -v } else { v })
}

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: sie_survey FOLDER");
        return std::process::ExitCode::from(2);
    };
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(d) => d.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    paths.sort();
    let (mut read, mut refused, mut compared, mut differ) = (0, 0, 0, 0);
    for path in paths.iter().filter(|p| p.is_file()) {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let started = std::time::Instant::now();
        let ours = sif::sie_read::read_file(path);
        let took = started.elapsed();
        let file = match ours {
            Ok(f) => {
                read += 1;
                f
            }
            Err(e) => {
                refused += 1;
                println!("{name}: refused: {}", e.english());
                continue;
            }
        };
        let mut mine: BTreeMap<(i32, String), i128> = BTreeMap::new();
        for t in &file.totals {
            if (4000..=7999).contains(&t.account)
                && let Some(p) = t.dim6
            {
                *mine
                    .entry((t.year, file.object(p).to_string()))
                    .or_insert(0) += t.ore;
            }
        }
        mine.retain(|_, v| *v != 0);
        let bytes = std::fs::read(path).unwrap_or_default();
        let text = match sie_parser::detect_encoding(&bytes) {
            sie_parser::Encoding::Cp437 => sie_parser::decode_cp437(&bytes),
            sie_parser::Encoding::Utf8 => String::from_utf8_lossy(&bytes).into_owned(),
        };
        let theirs = match sie_parser::document::read(&text) {
            Ok(doc) => {
                let mut m: BTreeMap<(i32, String), i128> = BTreeMap::new();
                for v in &doc.vouchers {
                    for r in &v.rows {
                        if r.kind != sie_parser::document::VoucherRowKind::Transaction
                            || !(4000..=7999).contains(&r.account)
                        {
                            continue;
                        }
                        for (dim, object) in &r.objects {
                            if *dim == 6 && !object.trim().is_empty() {
                                *m.entry((i32::from(v.date.year()), object.trim().to_string()))
                                    .or_insert(0) += ore(r.amount).unwrap_or(0);
                            }
                        }
                    }
                }
                m.retain(|_, v| *v != 0);
                Some(m)
            }
            Err(_) => None,
        };
        let verdict = match &theirs {
            None => format!("sie-parser cannot read it; ours: {mine:?}"),
            Some(m) if *m == mine => {
                compared += 1;
                format!("{} project sums agree", m.len())
            }
            Some(m) => {
                compared += 1;
                differ += 1;
                format!("DIFFER: ours {mine:?} theirs {m:?}")
            }
        };
        println!(
            "{name}: read ({:?}, {} vouchers, {} rows, {:.1?}, warnings: {}); {verdict}",
            file.encoding,
            file.vouchers,
            file.rows,
            took,
            file.warnings.len()
        );
    }
    println!(
        "{read} read, {refused} refused; {compared} compared with sie-parser, {differ} differ"
    );
    std::process::ExitCode::SUCCESS
}
