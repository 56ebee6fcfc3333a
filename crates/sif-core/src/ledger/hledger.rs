//! The journal as a plain-text accounting journal for hledger (and ledger-cli) (SPEC §7).
//!
//! One transaction per voucher: its date, a status (`*` cleared for actual figures in closed
//! years, `!` pending for the plan in open years), the voucher's name as the code
//! (`(SI 2025:3)`) and its text as the description; a plan voucher also carries the tag
//! `plan:` (so `hledger reg tag:plan` lists the plan, `not:tag:plan` the actuals). Account names keep the account number in
//! front (`2015 Öronmärkt eget kapital, sociala investeringar`) and are declared with their
//! hledger type. Dimensions are posting tags, one per comment line so that ledger-cli reads
//! them as metadata too: `ansvar` (dimension 1, the committee) and `projekt` (dimension 6, the
//! initiative). Amounts are `SEK` with two decimals, debit positive.
//!
//! When the file starts at the first year of the horizon it holds every movement of the fund,
//! and the last `fund_equity` posting of each year carries a balance assertion (`= …`) with the
//! journal's closing balance, so `hledger check` proves the fund balance has not drifted.
//!
//! Texts are UTF-8 and kept as they are, except that control characters become spaces and `;`
//! becomes `,` in descriptions (a `;` would start a comment there). A code holding a comma
//! cannot be a tag value and is refused.

use std::fmt::Write as _;

use super::{AccountKind, AccountRole, ExportError, Journal, TextSource, TextTarget};

/// The journal (one year, or all) as hledger journal text.
pub fn journal_text(journal: &Journal, year: Option<i32>) -> Result<String, ExportError> {
    let vouchers = journal.select(year)?;
    let (accounts, _) = journal.used_by(vouchers);
    let mut out = String::new();

    let years = match year {
        Some(y) => format!("år {y}"),
        None => format!("år {}-{}", journal.first_year(), journal.last_year()),
    };
    out.push_str(&format!(
        "; {} {}: {} ({}), scenario {}, {years}\n",
        super::sie::PROGRAM,
        env!("CARGO_PKG_VERSION"),
        one_line(journal.fund_name()),
        one_line(journal.organisation()),
        one_line(journal.scenario()),
    ));
    out.push_str(
        "; Plan (öppna år) är markerad ! och utfall (stängda år) *. / Plan (open years) is marked !, actuals (closed years) *.\n",
    );
    out.push_str(
        "; Kontonumren är platshållare att stämma av mot Kommun-Bas. / Account numbers are placeholders to verify against Kommun-Bas.\n",
    );
    out.push_str("; ansvar = dimension 1 (nämnd / committee), projekt = dimension 6 (insats / initiative)\n\n");
    out.push_str("tag ansvar\ntag projekt\ntag plan\n\ncommodity SEK\n    format 1000.00 SEK\n\n");

    let name = |number: u32| -> String {
        journal
            .account(number)
            .map_or_else(|| number.to_string(), |a| format!("{number} {}", a.name))
    };
    for a in &accounts {
        let kind = match a.kind {
            AccountKind::Asset => "A",
            AccountKind::EquityOrLiability => "E",
            AccountKind::Income => "R",
            AccountKind::Cost => "X",
        };
        out.push_str(&format!("account {}\n    ; type: {kind}\n", name(a.number)));
    }
    let width = accounts
        .iter()
        .map(|a| name(a.number).chars().count())
        .max()
        .unwrap_or(0);

    // Assertions need every earlier movement in the file.
    let complete_history = year.is_none_or(|y| y == journal.first_year());
    let fund_equity = journal
        .accounts()
        .iter()
        .find(|a| a.roles.contains(&AccountRole::FundEquity))
        .map(|a| a.number);
    // The last voucher of each year that books fund_equity gets the assertion.
    let last_fund_equity: Vec<(i32, u32)> = journal
        .years()
        .filter_map(|y| {
            journal
                .vouchers_in(y)
                .iter()
                .rev()
                .find(|v| v.rows.iter().any(|r| Some(r.account) == fund_equity))
                .map(|v| (y, v.number))
        })
        .collect();

    // Each account's name, padded to the widest, is written once here and copied per row:
    // a large fund has hundreds of thousands of rows (docs/performance.md).
    let padded: Vec<(u32, String)> = accounts
        .iter()
        .map(|a| {
            let n = name(a.number);
            let pad = width.saturating_sub(n.chars().count()) + 2;
            (a.number, format!("{n}{}", " ".repeat(pad)))
        })
        .collect();
    let rows: usize = vouchers.iter().map(|v| v.rows.len()).sum();
    out.reserve(vouchers.len() * 100 + rows * 130);

    for v in vouchers {
        let status = match v.basis {
            super::Basis::Actual => '*',
            super::Basis::Plan => '!',
        };
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            "\n{} {status} ({} {}:{}) ",
            v.date, v.series, v.year, v.number
        );
        // One line: control characters become spaces, and `;` (a comment there) a comma.
        out.extend(v.text.chars().map(|c| match c {
            ';' => ',',
            c if crate::text::is_hidden_control(c) => ' ',
            c => c,
        }));
        out.push('\n');
        if v.basis == super::Basis::Plan {
            out.push_str("    ; plan:\n");
        }
        let asserted = complete_history && last_fund_equity.contains(&(v.year, v.number));
        for r in &v.rows {
            out.push_str("    ");
            match padded.iter().find(|(n, _)| *n == r.account) {
                Some((_, account)) => out.push_str(account),
                // Every row's account is among those used; written the same way regardless.
                None => {
                    let n = name(r.account);
                    let pad = width.saturating_sub(n.chars().count()) + 2;
                    let _ = write!(out, "{n}{}", " ".repeat(pad));
                }
            }
            let _ = write!(out, "{:>16} SEK", Amount2dp(r.amount));
            if asserted && Some(r.account) == fund_equity {
                let closing = journal.balance(v.year, r.account).closing;
                let _ = write!(out, " = {} SEK", Amount2dp(closing));
            }
            out.push('\n');
            if let Some(c) = &r.dim1 {
                out.push_str("        ; ansvar: ");
                out.push_str(tag_value(c, || TextSource::ActorCode(c.clone()))?);
                out.push('\n');
            }
            if let Some(c) = &r.dim6 {
                out.push_str("        ; projekt: ");
                out.push_str(tag_value(c, || TextSource::InitiativeCode(c.clone()))?);
                out.push('\n');
            }
        }
    }
    Ok(out)
}

/// An amount as `amount_2dp` writes it, without a string of its own; padding applies to the
/// whole figure.
struct Amount2dp(super::Money);

impl std::fmt::Display for Amount2dp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Whole kronor: the two decimals are always zero. Right-aligned to the width asked.
        let n = self.0.0;
        let mut digits = 1;
        let mut rest = n.unsigned_abs() / 10;
        while rest > 0 {
            digits += 1;
            rest /= 10;
        }
        let len = digits + usize::from(n < 0) + 3;
        for _ in len..f.width().unwrap_or(0) {
            f.write_str(" ")?;
        }
        write!(f, "{n}.00")
    }
}

/// A text on one line: control characters (newlines, tabs) and bidirectional overrides become
/// spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if crate::text::is_hidden_control(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A code as a tag value: refused when it holds a comma (which would end the value) or a
/// control character; the source is named only then.
fn tag_value(code: &str, source: impl FnOnce() -> TextSource) -> Result<&str, ExportError> {
    match code
        .chars()
        .find(|&c| c == ',' || crate::text::is_hidden_control(c))
    {
        Some(character) => Err(ExportError::Unencodable {
            text: code.to_string(),
            character,
            origin: source(),
            target: TextTarget::HledgerTag,
        }),
        None => Ok(code.trim()),
    }
}
