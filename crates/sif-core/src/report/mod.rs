//! The printable report: one self-contained HTML file (inline CSS and SVG, no scripts, no
//! external resources) with the fund statement, the balanced-budget reconciliation under both
//! rule sets, the repayment schedule, the appraisal, the who-pays-who-gains matrix and the
//! scenario's assumptions, in Swedish or English.
//!
//! [`html`] is a pure function of the fund, its projection and a little metadata; the date is
//! passed in because the library knows no clock. Every figure is taken from the
//! [`Projection`] — the report never recomputes money its own way — and every text that comes
//! from the fund is escaped. The markup is well-formed XML (polyglot HTML), so a strict XML
//! parser reads it too; the tests use that to catch any unescaped text.
//!
//! Each figure's cell carries `data-table`, `data-field` and key attributes (`data-year`,
//! `data-initiative`, `data-payer`, `data-actor`), so that tests and other tools can find a
//! figure without depending on the layout.

mod sections;
mod svg;
mod text;

use crate::engine::Projection;
use crate::model::Fund;
use crate::money::Overflow;

pub use crate::text::Lang;

/// What the report says about where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportMeta {
    pub lang: Lang,
    /// The fund file the report was made from, as the user named it.
    pub source_file: String,
    /// The date the report was made, `YYYY-MM-DD`; the caller reads the clock.
    pub made_on: String,
}

/// The whole report as one HTML document.
///
/// The scenario and whether proposed initiatives count are read from the projection itself
/// (its scenario name, and which initiatives it counts), so the report cannot state other
/// assumptions than the figures were computed on. Fails only if a total overflows, which a
/// validated fund cannot do.
pub fn html(fund: &Fund, projection: &Projection, meta: &ReportMeta) -> Result<String, Overflow> {
    sections::Report::new(fund, projection, meta).render()
}

/// Escape text for HTML and XML: `&`, `<`, `>`, both quotes, and control characters that XML
/// cannot hold (replaced by U+FFFD), so a fund text can never become markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            // Bidirectional overrides would reorder what the report shows: written visibly.
            c if crate::text::is_hidden_control(c) && !c.is_control() => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;

    #[test]
    fn escape_leaves_no_markup_and_no_control_characters() {
        assert_eq!(
            escape("<a href=\"x\">A & B's</a>"),
            "&lt;a href=&quot;x&quot;&gt;A &amp; B&#39;s&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{1}b\u{7f}c"), "a\u{fffd}b\u{fffd}c");
        assert_eq!(
            escape("Barn- och utbildningsnämnden"),
            "Barn- och utbildningsnämnden"
        );
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(
            Lang::Sv.money(Money(-1_234_567)),
            "\u{2212}1\u{a0}234\u{a0}567"
        );
        assert_eq!(Lang::En.money(Money(-1_234_567)), "-1,234,567");
        assert_eq!(Lang::Sv.ratio(1.5), "1,50");
        assert_eq!(Lang::En.ratio(1.5), "1.50");
        assert_eq!(Lang::Sv.percent(50), "50\u{a0}%");
        assert_eq!(Lang::Sv.decimal(3.5), "3,5");
        assert_eq!(
            Lang::Sv.list(&["2026".into(), "2027".into(), "2029".into()]),
            "2026, 2027 och 2029"
        );
        assert_eq!(Lang::En.list(&["2026".into()]), "2026");
    }
}
