//! Whole-krona amounts (SPEC §4): an `i64` newtype with checked arithmetic, half-up percentage
//! rounding, the largest-remainder split, and Swedish formatting and parsing.
//!
//! Money never passes through floating point here. Every operation that could overflow is
//! checked and reports [`Overflow`]; validation (SPEC §3.1) caps single amounts at 10^12 kronor
//! so that no realistic sum overflows, but the checks stay as the last line of defence.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The largest single amount a fund file may hold (SPEC §3.1): 10^12 kronor.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;

/// An amount of whole Swedish kronor.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i64);

/// Arithmetic that would not fit in an `i64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::messages::Message::both(self))]
pub struct Overflow;

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn new(kronor: i64) -> Self {
        Money(kronor)
    }

    pub const fn kronor(self) -> i64 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn checked_add(self, other: Money) -> Result<Money, Overflow> {
        self.0.checked_add(other.0).map(Money).ok_or(Overflow)
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, Overflow> {
        self.0.checked_sub(other.0).map(Money).ok_or(Overflow)
    }

    pub fn checked_neg(self) -> Result<Money, Overflow> {
        self.0.checked_neg().map(Money).ok_or(Overflow)
    }

    /// `round(self * percent / 100)`, half up (SPEC §4). For negative amounts the rounding is
    /// symmetric (half away from zero), so that scaling a debit and its credit stays balanced.
    pub fn percent(self, percent: u32) -> Result<Money, Overflow> {
        // The common case fits in i64 and avoids a 128-bit division.
        if let Some(prod) = self.0.checked_mul(i64::from(percent)) {
            if prod >= 0 {
                if let Some(p) = prod.checked_add(50) {
                    return Ok(Money(p / 100));
                }
            } else if let Some(p) = prod.checked_sub(50) {
                return Ok(Money(p / 100));
            }
        }
        let x = i128::from(self.0);
        let p = i128::from(percent);
        let prod = x * p;
        let r = if prod >= 0 {
            (prod + 50) / 100
        } else {
            -((-prod + 50) / 100)
        };
        i64::try_from(r).map(Money).map_err(|_| Overflow)
    }

    pub fn min(self, other: Money) -> Money {
        Money(self.0.min(other.0))
    }

    pub fn max(self, other: Money) -> Money {
        Money(self.0.max(other.0))
    }

    /// The amount as a float, for ratios and plots only.
    pub fn as_f64(self) -> f64 {
        self.0 as f64
    }
}

/// Sum a sequence of amounts with overflow checking.
pub fn checked_sum<I: IntoIterator<Item = Money>>(items: I) -> Result<Money, Overflow> {
    items
        .into_iter()
        .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
}

/// Split `whole` into parts proportional to `weights` by the largest-remainder method
/// (SPEC §4): part_i = floor(W * w_i / Σw), and the leftover kronor go one each to the parts
/// with the largest fractional remainders, ties to the earlier part in list order.
///
/// The parts always sum exactly to `whole`. With all weights zero (or no weights) nothing can
/// be apportioned: every part is zero, and an empty list is returned for no weights.
/// `whole` must be non-negative; a negative whole is split as its absolute value and negated.
pub fn split_largest_remainder(whole: Money, weights: &[u64]) -> Vec<Money> {
    if whole.0 < 0 {
        return split_largest_remainder(Money(whole.0.saturating_neg()), weights)
            .into_iter()
            .map(|m| Money(-m.0))
            .collect();
    }
    let total: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    if total == 0 {
        return vec![Money::ZERO; weights.len()];
    }
    let w = whole.0 as u128;
    let mut parts: Vec<i64> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
    let mut assigned: u128 = 0;
    for (i, &wi) in weights.iter().enumerate() {
        let num = w * u128::from(wi);
        let q = num / total;
        // q <= w, which fits in i64 because whole does.
        parts.push(q as i64);
        assigned += q;
        remainders.push((num % total, i));
    }
    let mut leftover = w - assigned;
    // Largest remainder first; ties to the earlier part (smaller index).
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(rem, i) in &remainders {
        if leftover == 0 {
            break;
        }
        if rem == 0 {
            // Only parts with a fractional remainder receive kronor; the leftover is always
            // smaller than the number of parts with a non-zero remainder.
            break;
        }
        parts[i] += 1;
        leftover -= 1;
    }
    parts.into_iter().map(Money).collect()
}

/// [`split_largest_remainder`] for a fixed number of parts, without allocating: the engine
/// splits every closed year's actual cost over the three cost kinds with it.
pub fn split_largest_remainder_fixed<const N: usize>(
    whole: Money,
    weights: [u64; N],
) -> [Money; N] {
    if whole.0 < 0 {
        return split_largest_remainder_fixed(Money(whole.0.saturating_neg()), weights)
            .map(|m| Money(-m.0));
    }
    let total: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    let mut parts = [Money::ZERO; N];
    if total == 0 {
        return parts;
    }
    let w = whole.0 as u128;
    let mut remainders = [0_u128; N];
    let mut assigned: u128 = 0;
    for i in 0..N {
        let num = w * u128::from(weights[i]);
        // The quotient is at most `whole`, which fits in i64.
        parts[i] = Money((num / total) as i64);
        assigned += num / total;
        remainders[i] = num % total;
    }
    // Fewer than N kronor are left over; each goes to the largest remaining remainder, ties to
    // the earlier part. A part that received one is not chosen again.
    let mut given = [false; N];
    for _ in 0..(w - assigned) {
        let mut best: Option<usize> = None;
        for i in 0..N {
            if !given[i] && remainders[i] > 0 && best.is_none_or(|b| remainders[i] > remainders[b])
            {
                best = Some(i);
            }
        }
        let Some(i) = best else { break };
        given[i] = true;
        parts[i].0 += 1;
    }
    parts
}

/// Split a whole by money-valued weights (for example payers' dues).
pub fn split_by_amounts(whole: Money, weights: &[Money]) -> Vec<Money> {
    let w: Vec<u64> = weights.iter().map(|m| m.0.max(0) as u64).collect();
    split_largest_remainder(whole, &w)
}

/// Non-breaking space, used as the thousands separator in Swedish.
pub const NBSP: char = '\u{a0}';
/// The typographic minus sign used in Swedish number formatting.
pub const MINUS: char = '\u{2212}';

/// Group the digits of `n` in threes with `sep`, and prefix `minus` when negative.
pub fn group_digits(n: i64, sep: &str, minus: &str) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len() + 3);
    if n < 0 {
        out.push_str(minus);
    }
    let first = digits.len() % 3;
    for (i, ch) in digits.chars().enumerate() {
        if i != 0 && (i + 3 - first).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// Swedish formatting of an amount without the unit: `1 234 567`, `−5 000`, with non-breaking
/// spaces and a real minus sign.
pub fn format_sv(m: Money) -> String {
    group_digits(m.0, "\u{a0}", "\u{2212}")
}

/// Swedish formatting with the unit: `1 234 567 kr`.
pub fn format_sv_kr(m: Money) -> String {
    format!("{}{}kr", format_sv(m), NBSP)
}

/// English formatting without the unit: `1,234,567`, `-5,000`.
pub fn format_en(m: Money) -> String {
    group_digits(m.0, ",", "-")
}

/// English formatting with the unit: `SEK 1,234,567`.
pub fn format_en_kr(m: Money) -> String {
    format!("SEK{}{}", NBSP, format_en(m))
}

impl fmt::Display for Money {
    /// Swedish formatting with the unit, the default for people.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_sv_kr(*self))
    }
}

/// Why typed text is not an amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::messages::Message::both(self))]
pub enum ParseMoneyError {
    Empty,
    Invalid(String),
    Fraction,
    TooLarge,
}

/// Parse an amount as people type it: spaces, non-breaking spaces, thin spaces, `_` or `'`
/// between digit groups; a trailing `kr`, `:-` or `SEK`; a leading `-`, `−` or `+`; a decimal
/// part with `,` or `.` as long as it is zero (`1 200,00`). Amounts above 10^12 are refused.
///
/// A single `,` or `.` followed by exactly three digits is a thousands separator in English
/// (`1,234`) and an ambiguity in Swedish; it is accepted as grouping when every group has three
/// digits, since no one enters öre into a whole-krona field.
pub fn parse_money(text: &str) -> Result<Money, ParseMoneyError> {
    let mut s: String = text
        .chars()
        .filter(|c| {
            !matches!(
                c,
                ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '_' | '\'' | '\t'
            )
        })
        .collect();
    for suffix in ["kronor", "kr", "SEK", "sek", "Kr", "KR", ":-"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.to_string();
            break;
        }
    }
    if let Some(rest) = s.strip_prefix("SEK") {
        s = rest.to_string();
    }
    if let Some(rest) = s.strip_suffix(".") {
        s = rest.to_string();
    }
    if s.is_empty() {
        return Err(ParseMoneyError::Empty);
    }
    if let Some((number, scale)) = split_unit(&s) {
        return parse_scaled(text, number, scale);
    }
    let (negative, body) = if let Some(r) = s.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = s.strip_prefix('\u{2212}') {
        (true, r)
    } else if let Some(r) = s.strip_prefix('\u{2013}') {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else {
        (false, s.as_str())
    };
    if body.is_empty() {
        return Err(ParseMoneyError::Invalid(text.trim().to_string()));
    }
    let invalid = || ParseMoneyError::Invalid(text.trim().to_string());
    // Split off a decimal part: the last `,` or `.` followed by something other than exactly
    // three digits is a decimal separator.
    let mut integer = body.to_string();
    if let Some(pos) = body.rfind([',', '.']) {
        let frac = &body[pos + 1..];
        let is_grouping = frac.len() == 3 && frac.chars().all(|c| c.is_ascii_digit()) && {
            // every separator-delimited group after the first has three digits
            body.split([',', '.'])
                .skip(1)
                .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
                && !(body.contains(',') && body.contains('.'))
        };
        if is_grouping {
            integer = body.replace([',', '.'], "");
        } else {
            if frac.is_empty() || !frac.chars().all(|c| c.is_ascii_digit()) {
                if frac == "-" {
                    // "100,-" is how prices are written: whole kronor.
                } else {
                    return Err(invalid());
                }
            } else if frac.chars().any(|c| c != '0') {
                return Err(ParseMoneyError::Fraction);
            }
            integer = body[..pos].replace([',', '.'], "");
        }
    }
    if integer.is_empty() || !integer.chars().all(|c| c.is_ascii_digit()) {
        return Err(invalid());
    }
    let trimmed = integer.trim_start_matches('0');
    if trimmed.len() > 13 {
        return Err(ParseMoneyError::TooLarge);
    }
    let value: i64 = if trimmed.is_empty() {
        0
    } else {
        trimmed.parse().map_err(|_| invalid())?
    };
    if value > MAX_AMOUNT {
        return Err(ParseMoneyError::TooLarge);
    }
    Ok(Money(if negative { -value } else { value }))
}

/// The units people write amounts in, by what they multiply (after `kr` or `SEK` is taken
/// off): `12,5 mkr`, `1,2 milj.`, `300 tkr`, `4 MSEK`, `250k`.
const UNITS: [(&str, i64); 14] = [
    ("miljoner", 1_000_000),
    ("millions", 1_000_000),
    ("million", 1_000_000),
    ("miljon", 1_000_000),
    ("milj", 1_000_000),
    ("mn", 1_000_000),
    ("m", 1_000_000),
    ("thousand", 1_000),
    ("tusen", 1_000),
    ("tn", 1_000),
    ("t", 1_000),
    ("k", 1_000),
    ("mdr", 1_000_000_000),
    ("md", 1_000_000_000),
];

/// The number and the multiplier of an amount written with a unit, or `None` without one.
fn split_unit(s: &str) -> Option<(&str, i64)> {
    let lower = s.to_lowercase();
    let lower = lower.strip_suffix('.').unwrap_or(&lower);
    // The longest unit that ends the text, after a digit.
    UNITS
        .iter()
        .filter(|(unit, _)| lower.ends_with(unit))
        .max_by_key(|(unit, _)| unit.len())
        .and_then(|(unit, scale)| {
            let cut = lower.len() - unit.len();
            let number = s.get(..cut)?;
            number
                .ends_with(|c: char| c.is_ascii_digit())
                .then_some((number, *scale))
        })
}

/// `12,5` × a million: the last `,` or `.` is the decimal separator (a unit means a decimal
/// part is meant), and the result must be whole kronor.
fn parse_scaled(text: &str, number: &str, scale: i64) -> Result<Money, ParseMoneyError> {
    let invalid = || ParseMoneyError::Invalid(text.trim().to_string());
    let (negative, body) = match number.chars().next() {
        Some('-' | '\u{2212}' | '\u{2013}') => (
            true,
            &number[number
                .char_indices()
                .nth(1)
                .map_or(number.len(), |(i, _)| i)..],
        ),
        Some('+') => (false, &number[1..]),
        _ => (false, number),
    };
    let (whole, frac) = match body.rfind([',', '.']) {
        Some(pos) => {
            let sep = &body[pos..=pos];
            let whole = &body[..pos];
            // Earlier separators group thousands, and must be of the other kind.
            if whole.contains(sep) {
                return Err(invalid());
            }
            (whole.replace([',', '.'], ""), &body[pos + 1..])
        }
        None => (body.to_string(), ""),
    };
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && frac.is_empty() || !digits(&whole) || !digits(frac) {
        return Err(invalid());
    }
    let frac = frac.trim_end_matches('0');
    let whole = whole.trim_start_matches('0');
    if whole.len() > 13 || frac.len() > 9 {
        return Err(if whole.len() > 13 {
            ParseMoneyError::TooLarge
        } else {
            ParseMoneyError::Fraction
        });
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| invalid())?
    };
    let (frac_value, frac_scale) = if frac.is_empty() {
        (0i64, 1i64)
    } else {
        let scale = 10i64.pow(u32::try_from(frac.len()).map_err(|_| invalid())?);
        (frac.parse().map_err(|_| invalid())?, scale)
    };
    let from_frac = frac_value
        .checked_mul(scale)
        .ok_or(ParseMoneyError::TooLarge)?;
    if from_frac % frac_scale != 0 {
        return Err(ParseMoneyError::Fraction);
    }
    let value = whole
        .checked_mul(scale)
        .and_then(|v| v.checked_add(from_frac / frac_scale))
        .ok_or(ParseMoneyError::TooLarge)?;
    if value > MAX_AMOUNT {
        return Err(ParseMoneyError::TooLarge);
    }
    Ok(Money(if negative { -value } else { value }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_with_a_unit_are_scaled() {
        let m = |t: &str| parse_money(t);
        assert_eq!(m("12,5 mkr"), Ok(Money(12_500_000)));
        assert_eq!(m("12.5 Mkr"), Ok(Money(12_500_000)));
        assert_eq!(m("300 tkr"), Ok(Money(300_000)));
        assert_eq!(m("1,2 milj."), Ok(Money(1_200_000)));
        assert_eq!(m("1,2 milj"), Ok(Money(1_200_000)));
        assert_eq!(m("2 miljoner kronor"), Ok(Money(2_000_000)));
        assert_eq!(m("4 MSEK"), Ok(Money(4_000_000)));
        assert_eq!(m("250k"), Ok(Money(250_000)));
        assert_eq!(m("1 234,5 tkr"), Ok(Money(1_234_500)));
        assert_eq!(m("-0,75 mkr"), Ok(Money(-750_000)));
        assert_eq!(m("1,5 mdr"), Ok(Money(1_500_000_000)));
        assert_eq!(m("0,001 mkr"), Ok(Money(1_000)));
        // A fraction of a krona is still refused, and so is nonsense.
        assert_eq!(m("1,2345 tkr"), Err(ParseMoneyError::Fraction));
        assert!(matches!(m("mkr"), Err(ParseMoneyError::Invalid(_))));
        assert!(matches!(m("1,2,3 mkr"), Err(ParseMoneyError::Invalid(_))));
        assert!(matches!(m("12x mkr"), Err(ParseMoneyError::Invalid(_))));
        assert_eq!(m("2000 mdr"), Err(ParseMoneyError::TooLarge));
        // Without a unit nothing changes.
        assert_eq!(m("1 200 kr"), Ok(Money(1_200)));
        assert_eq!(m("1,234"), Ok(Money(1_234)));
    }

    #[test]
    fn percent_rounds_half_up() {
        assert_eq!(Money(5).percent(50).unwrap(), Money(3)); // 2.5 -> 3
        assert_eq!(Money(3).percent(50).unwrap(), Money(2)); // 1.5 -> 2
        assert_eq!(Money(1).percent(49).unwrap(), Money(0)); // 0.49 -> 0
        assert_eq!(Money(1_000_000).percent(110).unwrap(), Money(1_100_000));
        assert_eq!(Money(333).percent(60).unwrap(), Money(200)); // 199.8 -> 200
        assert_eq!(Money(-5).percent(50).unwrap(), Money(-3));
        assert_eq!(Money(0).percent(1000).unwrap(), Money(0));
    }

    #[test]
    fn split_sums_and_ties_go_to_the_earlier_part() {
        // 10 split three ways: 3.33 each; one leftover krona to the first (tie).
        assert_eq!(
            split_largest_remainder(Money(10), &[1, 1, 1]),
            vec![Money(4), Money(3), Money(3)]
        );
        // 11 three ways: two leftovers to the first two.
        assert_eq!(
            split_largest_remainder(Money(11), &[1, 1, 1]),
            vec![Money(4), Money(4), Money(3)]
        );
        // The largest remainder wins regardless of order.
        assert_eq!(
            split_largest_remainder(Money(250_000), &[1_750_000, 125_000]),
            vec![Money(233_333), Money(16_667)]
        );
        assert_eq!(
            split_largest_remainder(Money(600_000), &[80, 20]),
            vec![Money(480_000), Money(120_000)]
        );
        assert_eq!(
            split_largest_remainder(Money(7), &[0, 0]),
            vec![Money(0); 2]
        );
        assert!(split_largest_remainder(Money(7), &[]).is_empty());
        assert_eq!(
            split_largest_remainder(Money(1), &[0, 5]),
            vec![Money(0), Money(1)]
        );
    }

    #[test]
    fn split_is_exact_for_many_shapes() {
        for whole in [0_i64, 1, 2, 99, 100, 101, 999_999, 1_000_000_000_000] {
            for weights in [&[1_u64][..], &[1, 2], &[3, 3, 3], &[7, 0, 13, 1], &[100, 1]] {
                let parts = split_largest_remainder(Money(whole), weights);
                assert_eq!(parts.iter().map(|m| m.0).sum::<i64>(), whole);
            }
        }
    }

    #[test]
    fn the_fixed_split_agrees_with_the_general_one() {
        for whole in [0_i64, 1, 2, 5, 99, 100, 101, 999_999, 1_000_001, -7] {
            for weights in [
                [1_u64, 1, 1],
                [0, 0, 0],
                [0, 5, 5],
                [600_000, 300_000, 100_000],
                [1, 2, 3],
            ] {
                let fixed = split_largest_remainder_fixed(Money(whole), weights);
                assert_eq!(
                    fixed.to_vec(),
                    split_largest_remainder(Money(whole), &weights)
                );
            }
        }
    }

    #[test]
    fn swedish_formatting() {
        assert_eq!(
            format_sv_kr(Money(1_234_567)),
            "1\u{a0}234\u{a0}567\u{a0}kr"
        );
        assert_eq!(format_sv(Money(-5_000)), "\u{2212}5\u{a0}000");
        assert_eq!(format_sv(Money(0)), "0");
        assert_eq!(format_sv(Money(999)), "999");
        assert_eq!(format_sv(Money(1000)), "1\u{a0}000");
        assert_eq!(format_en(Money(-1_234_567)), "-1,234,567");
        assert_eq!(
            format_sv(Money(i64::MIN)),
            "\u{2212}9\u{a0}223\u{a0}372\u{a0}036\u{a0}854\u{a0}775\u{a0}808"
        );
    }

    #[test]
    fn parses_what_people_type() {
        let ok = |s: &str| parse_money(s).unwrap().0;
        assert_eq!(ok("1 234 567"), 1_234_567);
        assert_eq!(ok("1\u{a0}234\u{a0}567 kr"), 1_234_567);
        assert_eq!(ok("−5 000"), -5_000);
        assert_eq!(ok("-5000"), -5_000);
        assert_eq!(ok("1200,00"), 1_200);
        assert_eq!(ok("1200.0"), 1_200);
        assert_eq!(ok("1,234,567"), 1_234_567);
        assert_eq!(ok("1.234.567"), 1_234_567);
        assert_eq!(ok("2_000_000"), 2_000_000);
        assert_eq!(ok("100:-"), 100);
        assert_eq!(ok("100,-"), 100);
        assert_eq!(ok("  42  "), 42);
        assert_eq!(ok("0"), 0);
        assert_eq!(parse_money(""), Err(ParseMoneyError::Empty));
        assert_eq!(parse_money("12,50"), Err(ParseMoneyError::Fraction));
        assert!(matches!(
            parse_money("abc"),
            Err(ParseMoneyError::Invalid(_))
        ));
        assert!(matches!(
            parse_money("1-2"),
            Err(ParseMoneyError::Invalid(_))
        ));
        assert_eq!(
            parse_money("1 000 000 000 001"),
            Err(ParseMoneyError::TooLarge)
        );
        assert_eq!(
            parse_money("99999999999999999999999"),
            Err(ParseMoneyError::TooLarge)
        );
        assert_eq!(ok("1 000 000 000 000"), 1_000_000_000_000);
    }

    #[test]
    fn checked_arithmetic_reports_overflow() {
        assert_eq!(Money(i64::MAX).checked_add(Money(1)), Err(Overflow));
        assert_eq!(Money(i64::MIN).checked_sub(Money(1)), Err(Overflow));
        assert_eq!(checked_sum([Money(1), Money(2)]), Ok(Money(3)));
        assert_eq!(Money(i64::MAX).percent(200), Err(Overflow));
    }
}
