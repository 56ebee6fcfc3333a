//! Text from a fund file on its way out: control characters and bidirectional overrides made
//! visible, so that a name can never drive a terminal (`ESC]0;…`, `ESC[2J`), hide a NUL in a
//! CSV cell, or reorder what a report shows (docs/safety.md §4).
//!
//! Such characters are a validation error in codes and a warning in names and notes
//! (`validate`); these functions are for every text output, since a fund with warnings is
//! still shown and exported.

use std::borrow::Cow;

/// Whether a character is invisible in a way that can mislead: a control character (C0, DEL,
/// C1) or a bidirectional formatting character (embeddings, overrides, isolates and marks,
/// the characters of "Trojan Source").
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Escape every [`is_hidden_control`] character as `\u{1b}`, except line feed, tab and a
/// carriage return that ends a line (CRLF), which texts and CSV files hold on purpose. For
/// terminal text, CSV cells and error messages.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_with(text, true)
}

/// Like [`escape_controls`], but line feeds, tabs and carriage returns are escaped too: for a
/// text that must stay on one line, such as a code or name inside a sentence.
pub fn escape_all_controls(text: &str) -> Cow<'_, str> {
    escape_with(text, false)
}

fn escape_with(text: &str, keep_layout: bool) -> Cow<'_, str> {
    let needs = |i: usize, c: char| {
        is_hidden_control(c)
            && !(keep_layout
                && (c == '\n' || c == '\t' || (c == '\r' && text[i + 1..].starts_with('\n'))))
    };
    if !text.char_indices().any(|(i, c)| needs(i, c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, c) in text.char_indices() {
        if needs(i, c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Escape the [`is_hidden_control`] characters that a JSON serialiser leaves raw (DEL, C1, the
/// bidirectional ones; serde_json already escapes C0) as JSON's own `\u202e`. The result is
/// the same JSON value, safe to print on a terminal.
pub fn escape_json_controls(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_hidden_control) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        // Raw C0 never occurs in serde_json's output (JSON forbids it); line feeds between
        // tokens of pretty output are layout.
        if is_hidden_control(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A decimal number (a rate) for a text: `-0` is written `0`, and a number too large or too
/// small to read in plain digits in exponent form (`1e308`, never 309 digits). Non-finite
/// values as Rust writes them (`NaN`, `inf`).
pub fn decimal(x: f64) -> String {
    if x == 0.0 {
        "0".to_string()
    } else if x.is_finite() && (x.abs() >= 1e6 || x.abs() < 1e-4) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_visible_and_layout_is_kept() {
        assert_eq!(
            escape_controls("a\u{1b}]0;x\u{7}b\u{202e}c\u{0}"),
            "a\\u{1b}]0;x\\u{7}b\\u{202e}c\\u{0}"
        );
        assert_eq!(
            escape_controls("rad 1\r\nrad 2\tx\n"),
            "rad 1\r\nrad 2\tx\n"
        );
        assert_eq!(escape_controls("a\rb"), "a\\u{d}b");
        assert_eq!(escape_all_controls("P\t1\n"), "P\\u{9}1\\u{a}");
        assert!(matches!(escape_controls("Åsen"), Cow::Borrowed(_)));
    }

    #[test]
    fn decimals_are_short_and_never_minus_zero() {
        assert_eq!(decimal(-0.0), "0");
        assert_eq!(decimal(3.5), "3.5");
        assert_eq!(decimal(1e308), "1e308");
        assert_eq!(decimal(-2.5e-7), "-2.5e-7");
        assert_eq!(decimal(f64::NAN), "NaN");
    }

    #[test]
    fn json_stays_json() {
        let json = serde_json::to_string(&"x\u{9b}y\u{202e}z\u{1b}").unwrap();
        let safe = escape_json_controls(&json);
        assert!(!safe.chars().any(is_hidden_control), "{safe}");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "x\u{9b}y\u{202e}z\u{1b}");
    }
}
