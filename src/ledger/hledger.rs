//! The journal as a plain-text accounting journal for hledger (and ledger-cli) (SPEC §7).
//!
//! One transaction per voucher: its date, a status (`*` cleared for actual figures in closed
//! years, `!` pending for the plan in open years), the voucher's name as the code
//! (`(SI 2025:3)`) and its text as the description. Account names keep the account number in
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

use super::{AccountKind, AccountRole, ExportError, Journal, TextSource, TextTarget, amount_2dp};

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
    out.push_str("tag ansvar\ntag projekt\n\ncommodity SEK\n    format 1000.00 SEK\n\n");

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

    for v in vouchers {
        let status = match v.basis {
            super::Basis::Actual => '*',
            super::Basis::Plan => '!',
        };
        out.push_str(&format!(
            "\n{} {status} ({}) {}\n",
            v.date,
            v.label(),
            one_line(&v.text).replace(';', ",")
        ));
        let asserted = complete_history && last_fund_equity.contains(&(v.year, v.number));
        for r in &v.rows {
            let account = name(r.account);
            let pad = width.saturating_sub(account.chars().count()) + 2;
            let mut line = format!(
                "    {account}{}{:>16} SEK",
                " ".repeat(pad),
                amount_2dp(r.amount)
            );
            if asserted && Some(r.account) == fund_equity {
                let closing = journal.balance(v.year, r.account).closing;
                line.push_str(&format!(" = {} SEK", amount_2dp(closing)));
            }
            out.push_str(&line);
            out.push('\n');
            if let Some(c) = &r.dim1 {
                out.push_str(&format!(
                    "        ; ansvar: {}\n",
                    tag_value(c, TextSource::ActorCode(c.clone()))?
                ));
            }
            if let Some(c) = &r.dim6 {
                out.push_str(&format!(
                    "        ; projekt: {}\n",
                    tag_value(c, TextSource::InitiativeCode(c.clone()))?
                ));
            }
        }
    }
    Ok(out)
}

/// A text on one line: control characters (newlines, tabs) become spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn tag_value(code: &str, source: TextSource) -> Result<String, ExportError> {
    match code.chars().find(|&c| c == ',' || c.is_control()) {
        Some(character) => Err(ExportError::Unencodable {
            text: code.to_string(),
            character,
            origin: source,
            target: TextTarget::HledgerTag,
        }),
        None => Ok(code.trim().to_string()),
    }
}
