//! The fund file format, version 2 (SPEC §3), as plain serde types. Format 1 files load into
//! the same types (SPEC §3.2): their one retired field, `accounts.bank`, is read and dropped.
//!
//! The types are deliberately permissive: a file that parses loads into them even when its
//! values are wrong (a negative amount, an unknown actor), so the app can open it and show the
//! problems. [`crate::validate`] then reports every error and warning. Field order here is the
//! order Sif writes, so saved files diff well.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::money::Money;

/// The newest file format this version of Sif reads and writes.
pub const FORMAT_VERSION: i64 = 2;

/// Sif always writes the newest format: a file read as format 1 is saved as format 2 (SPEC §3.2).
fn write_current_format<S: serde::Serializer>(_: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_i64(FORMAT_VERSION)
}

/// A social-investment fund (*social investeringsfond*): the top-level value of a fund file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Fund", deny_unknown_fields)]
pub struct Fund {
    /// The format the file was written in; Sif saves every file as [`FORMAT_VERSION`].
    #[serde(serialize_with = "write_current_format")]
    pub format: i64,
    pub name: String,
    pub organisation: String,
    #[serde(default)]
    pub org_number: Option<String>,
    pub model: FundingModel,
    pub first_year: i32,
    /// Horizon length: `first_year ..= first_year + years - 1`.
    pub years: i32,
    /// Percent, for the appraisal's present values.
    #[serde(default = "default_discount_rate")]
    pub discount_rate: f64,
    /// The committee that administers the fund (usually *Kommunstyrelsen*).
    pub holder: String,
    /// Years up to and including this one are closed: actual figures replace the plan.
    #[serde(default)]
    pub closed_through: Option<i32>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub capital: Vec<CapitalEvent>,
    #[serde(default)]
    pub initiatives: Vec<Initiative>,
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    #[serde(default)]
    pub budget: Vec<BudgetYear>,
    /// Balanced-budget deficits from before `first_year` still to restore (SPEC §5.3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unrestored_deficits: Vec<EarlierDeficit>,
    /// Settings of the adjusted appraisal (SPEC §4.7).
    #[serde(default, skip_serializing_if = "AppraisalSettings::is_default")]
    pub appraisal: AppraisalSettings,
    #[serde(default, skip_serializing_if = "Accounts::is_default")]
    pub accounts: Accounts,
}

/// A balanced-budget deficit (*balanskravsunderskott*) from a year before the horizon that is
/// still to be restored; it must be restored by `year + 3` (KL 11 kap. 12 §).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierDeficit {
    pub year: i32,
    pub amount: Money,
}

/// The fund-wide settings of the adjusted appraisal (SPEC §4.7).
///
/// The defaults (no cost optimism bias, one discount rate) make the adjusted figures equal the
/// gross ones for an initiative whose savings rows are unadjusted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AppraisalSettings {
    /// Percent added to every cost (optimism bias on costs), 0..=200.
    pub cost_optimism_bias: i32,
    /// Discount rates from a year offset on (Green Book: 3.0 % from year 31).
    pub discount_bands: Vec<DiscountBand>,
}

impl AppraisalSettings {
    pub fn is_default(&self) -> bool {
        *self == AppraisalSettings::default()
    }
}

/// A discount rate that applies from the `from_year`-th year of the horizon on (an offset from
/// `first_year`, so year 0 is the first year).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscountBand {
    pub from_year: i32,
    pub rate: f64,
}

pub fn default_discount_rate() -> f64 {
    3.5
}

/// How the fund is financed (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FundingModel {
    /// Part of equity earmarked from earlier surpluses (*öronmärkt eget kapital*); the balance
    /// carries over from year to year.
    EarmarkedEquity,
    /// A yearly budget pot (*anslag*); what is unspent lapses, repayments go to the general
    /// budget.
    AnnualAppropriation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub code: String,
    pub name: String,
    pub kind: ActorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    /// A committee (*nämnd*) of the organisation; only committees can repay.
    Committee,
    /// A party outside the organisation: a region, a state agency.
    External,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapitalEvent {
    /// `"YYYY-MM-DD"`, parsed once when read.
    pub date: FileDate,
    pub amount: Money,
    pub kind: CapitalKind,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CapitalKind {
    /// Adds to the fund (*öronmärkning*, or the year's pot).
    Earmark,
    /// Returns fund money to free equity.
    Release,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    pub code: String,
    pub name: String,
    pub owner: String,
    pub status: Status,
    #[serde(default)]
    pub ended: Option<i32>,
    #[serde(default)]
    pub costs: Vec<CostRow>,
    #[serde(default)]
    pub savings: Vec<SavingsRow>,
    pub repayment: Repayment,
    #[serde(default)]
    pub actuals: Vec<Actual>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    Proposed,
    Approved,
    Completed,
    Terminated,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Proposed,
        Status::Approved,
        Status::Completed,
        Status::Terminated,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostRow {
    pub year: i32,
    /// Paid by the fund.
    pub fund: Money,
    /// Paid from the owner committee's own budget.
    #[serde(default)]
    pub own: Money,
    pub kind: CostKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CostKind {
    Staff,
    Services,
    Other,
}

impl CostKind {
    /// The order in which kinds are listed and split (SPEC §4.3).
    pub const ALL: [CostKind; 3] = [CostKind::Staff, CostKind::Services, CostKind::Other];

    pub fn index(self) -> usize {
        match self {
            CostKind::Staff => 0,
            CostKind::Services => 1,
            CostKind::Other => 2,
        }
    }
}

/// Expected savings for one actor: `amount` in every year `from ..= to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavingsRow {
    pub actor: String,
    pub from: i32,
    pub to: i32,
    pub amount: Money,
    /// Whether the saving frees budget money (and so can be repaid) or is a socio-economic
    /// gain only.
    #[serde(default)]
    pub cashable: bool,
    /// Adjusted appraisal (SPEC §4.7), percent: the part that would have happened anyway
    /// (*dödvikt*).
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub deadweight: i32,
    /// The part due to others (*tillskrivning*).
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub attribution: i32,
    /// How much the effect fades each year after the first (*avtagande effekt*).
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub drop_off: i32,
    /// Optimism bias on the savings estimate (*optimismjustering*).
    #[serde(default, skip_serializing_if = "is_zero_i32")]
    pub optimism_bias: i32,
    /// Low end of the range, percent of the adjusted amount (0..=100).
    #[serde(default = "hundred", skip_serializing_if = "is_hundred")]
    pub low: i32,
    /// High end of the range, percent of the adjusted amount (100..=300).
    #[serde(default = "hundred", skip_serializing_if = "is_hundred")]
    pub high: i32,
}

impl Default for SavingsRow {
    /// An empty row with no appraisal adjustments (low and high at 100 %).
    fn default() -> Self {
        SavingsRow::new("", 0, 0, Money::ZERO, false)
    }
}

impl SavingsRow {
    /// A savings row with no appraisal adjustments.
    pub fn new(actor: &str, from: i32, to: i32, amount: Money, cashable: bool) -> SavingsRow {
        SavingsRow {
            actor: actor.to_string(),
            from,
            to,
            amount,
            cashable,
            deadweight: 0,
            attribution: 0,
            drop_off: 0,
            optimism_bias: 0,
            low: 100,
            high: 100,
        }
    }

    /// Whether every adjustment of SPEC §4.7 is at its default.
    pub fn is_unadjusted(&self) -> bool {
        self.deadweight == 0
            && self.attribution == 0
            && self.drop_off == 0
            && self.optimism_bias == 0
            && self.low == 100
            && self.high == 100
    }
}

fn hundred() -> i32 {
    100
}
fn is_hundred(v: &i32) -> bool {
    *v == 100
}
fn is_zero_i32(v: &i32) -> bool {
    *v == 0
}
fn is_zero_money(v: &Money) -> bool {
    v.is_zero()
}

/// The repayment agreement (*återföring*).
///
/// In the file a fixed agreement is written as the struct variant
/// `Fixed(share: …, start: …, instalments: …, payers: […])`, as it always was; in memory its
/// terms are one value, [`FixedRepayment`], that the engine, the editor and the exports pass
/// along whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "on_file::Repayment", into = "on_file::Repayment")]
pub enum Repayment {
    /// Nothing is repaid.
    Grant,
    /// A fixed share of the fund's cost in equal yearly instalments.
    Fixed(FixedRepayment),
    /// Each committee repays `share` percent of its cashable savings each year from `start`,
    /// until `cap` percent of the fund's cost is repaid.
    FromSavings { share: i32, start: i32, cap: i32 },
}

/// A fixed repayment: `share` percent of the fund's cost, in `instalments` equal yearly parts
/// from `start`, split among the payers by weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedRepayment {
    pub share: i32,
    pub start: i32,
    pub instalments: i32,
    pub payers: Vec<Payer>,
}

/// [`Repayment`] as the file writes it: the fixed agreement's terms as a struct variant.
mod on_file {
    use serde::{Deserialize, Serialize};

    use super::{FixedRepayment, Payer};

    #[derive(Serialize, Deserialize)]
    #[serde(rename = "Repayment")]
    pub enum Repayment {
        Grant,
        Fixed {
            share: i32,
            start: i32,
            instalments: i32,
            payers: Vec<Payer>,
        },
        FromSavings {
            share: i32,
            start: i32,
            cap: i32,
        },
    }

    impl From<Repayment> for super::Repayment {
        fn from(r: Repayment) -> Self {
            match r {
                Repayment::Grant => Self::Grant,
                Repayment::Fixed {
                    share,
                    start,
                    instalments,
                    payers,
                } => Self::Fixed(FixedRepayment {
                    share,
                    start,
                    instalments,
                    payers,
                }),
                Repayment::FromSavings { share, start, cap } => {
                    Self::FromSavings { share, start, cap }
                }
            }
        }
    }

    impl From<super::Repayment> for Repayment {
        fn from(r: super::Repayment) -> Self {
            match r {
                super::Repayment::Grant => Self::Grant,
                super::Repayment::Fixed(f) => Self::Fixed {
                    share: f.share,
                    start: f.start,
                    instalments: f.instalments,
                    payers: f.payers,
                },
                super::Repayment::FromSavings { share, start, cap } => {
                    Self::FromSavings { share, start, cap }
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payer {
    pub actor: String,
    pub weight: i32,
}

/// Actual figures for a closed year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    pub year: i32,
    /// What the fund actually paid out for the initiative.
    pub fund: Money,
    #[serde(default)]
    pub repaid: Vec<ActualRepayment>,
    /// Where the figures came from, e.g. `SIE ekonomi2025.se (Raindance, 2026-01-20)`; empty
    /// when typed in.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActualRepayment {
    pub actor: String,
    pub amount: Money,
}

/// A named set of multipliers and a delay (SPEC §4.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    /// Percent applied to every savings amount.
    pub savings_factor: i32,
    /// Percent applied to every cost amount.
    pub cost_factor: i32,
    /// Years by which savings move later.
    pub delay: i32,
}

impl Scenario {
    /// The implicit base scenario: factors 100, no delay.
    pub fn base() -> Scenario {
        Scenario {
            name: "base".to_string(),
            savings_factor: 100,
            cost_factor: 100,
            delay: 0,
        }
    }
}

/// Inputs to the balanced-budget reconciliation for one year (SPEC §5).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetYear {
    pub year: i32,
    /// The organisation's result (*årets resultat*) **without** the fund's spending: budgeted in
    /// open years, actual in closed years.
    pub result_before_fund: Money,
    /// *Samtliga realisationsvinster* (subtracted).
    #[serde(default)]
    pub realisation_gains: Money,
    /// ± *Vissa realisationsvinster/-förluster enligt undantagsmöjlighet*.
    #[serde(default, skip_serializing_if = "is_zero_money")]
    pub exemption_adjustment: Money,
    /// ± *Orealiserade förluster i värdepapper / återföring av orealiserade förluster*.
    #[serde(default, skip_serializing_if = "is_zero_money")]
    pub securities_adjustment: Money,
    /// *Reservering till resultatreserv/RUR* (>= 0, subtracted).
    #[serde(default, skip_serializing_if = "is_zero_money")]
    pub reserve_reservation: Money,
    /// *Disponering från resultatreserv/RUR* (>= 0, added).
    #[serde(default, skip_serializing_if = "is_zero_money")]
    pub reserve_use: Money,
    /// *Synnerliga skäl* (>= 0): a deficit the council decided not to restore.
    #[serde(default, skip_serializing_if = "is_zero_money")]
    pub special_reasons: Money,
    /// The decision behind `special_reasons`; required when it is > 0.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub special_reasons_note: String,
    /// Tax revenue, general state grants and equalisation (*skatteintäkter, generella
    /// statsbidrag och utjämning*); 0 = not given. Only used for the reservation warning.
    #[serde(default, skip_serializing_if = "is_zero_money")]
    pub tax_base: Money,
}

impl BudgetYear {
    /// A year with only the result given.
    pub fn new(year: i32, result_before_fund: Money) -> BudgetYear {
        BudgetYear {
            year,
            result_before_fund,
            realisation_gains: Money::ZERO,
            exemption_adjustment: Money::ZERO,
            securities_adjustment: Money::ZERO,
            reserve_reservation: Money::ZERO,
            reserve_use: Money::ZERO,
            special_reasons: Money::ZERO,
            special_reasons_note: String::new(),
            tax_base: Money::ZERO,
        }
    }
}

/// Account numbers for the ledger (SPEC §3, §6). The defaults are placeholders to verify
/// against the organisation's Kommun-Bas chart; a field equal to its default is not written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Accounts {
    #[serde(skip_serializing_if = "is_2015")]
    pub fund_equity: u32,
    #[serde(skip_serializing_if = "is_2010")]
    pub free_equity: u32,
    #[serde(skip_serializing_if = "is_3890")]
    pub internal_income: u32,
    #[serde(skip_serializing_if = "is_7890")]
    pub internal_cost: u32,
    #[serde(skip_serializing_if = "is_5110")]
    pub staff: u32,
    #[serde(skip_serializing_if = "is_4610")]
    pub services: u32,
    #[serde(skip_serializing_if = "is_7690")]
    pub other: u32,
    /// The voucher series of every exported voucher (SIE `#VER`).
    #[serde(skip_serializing_if = "is_si")]
    pub voucher_series: String,
    /// Format 1's bank account, read and dropped (SPEC §3.2): the fund's ledger no longer books
    /// the bank. Never written; in a format 2 file it is an error.
    #[serde(rename = "bank", skip_serializing, deserialize_with = "format1_bank")]
    pub format1_bank: Option<u32>,
}

impl Default for Accounts {
    fn default() -> Self {
        Accounts {
            fund_equity: 2015,
            free_equity: 2010,
            internal_income: 3890,
            internal_cost: 7890,
            staff: 5110,
            services: 4610,
            other: 7690,
            voucher_series: "SI".to_string(),
            format1_bank: None,
        }
    }
}

impl Accounts {
    /// Whether every field Sif writes is at its default (the retired format 1 bank is never
    /// written, so it does not count).
    pub fn is_default(&self) -> bool {
        Accounts {
            format1_bank: None,
            ..self.clone()
        } == Accounts::default()
    }

    pub fn for_kind(&self, kind: CostKind) -> u32 {
        match kind {
            CostKind::Staff => self.staff,
            CostKind::Services => self.services,
            CostKind::Other => self.other,
        }
    }
}

fn is_2015(v: &u32) -> bool {
    *v == 2015
}
fn is_2010(v: &u32) -> bool {
    *v == 2010
}
/// Format 1 wrote `bank: 1930`, a plain number.
fn format1_bank<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    u32::deserialize(d).map(Some)
}

fn is_si(v: &str) -> bool {
    v == "SI"
}
fn is_3890(v: &u32) -> bool {
    *v == 3890
}
fn is_7890(v: &u32) -> bool {
    *v == 7890
}
fn is_5110(v: &u32) -> bool {
    *v == 5110
}
fn is_4610(v: &u32) -> bool {
    *v == 4610
}
fn is_7690(v: &u32) -> bool {
    *v == 7690
}

impl Fund {
    /// The last year of the horizon.
    pub fn last_year(&self) -> i32 {
        self.first_year.saturating_add(self.years.max(1) - 1)
    }

    /// The horizon's years, in order.
    pub fn horizon(&self) -> std::ops::RangeInclusive<i32> {
        self.first_year..=self.last_year()
    }

    pub fn in_horizon(&self, year: i32) -> bool {
        year >= self.first_year && year <= self.last_year()
    }

    pub fn is_closed(&self, year: i32) -> bool {
        self.closed_through.is_some_and(|c| year <= c)
    }

    pub fn actor(&self, code: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.code == code)
    }

    pub fn actor_index(&self, code: &str) -> Option<usize> {
        self.actors.iter().position(|a| a.code == code)
    }

    pub fn scenario(&self, name: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.name == name)
    }

    /// A minimal valid fund to start from.
    pub fn empty(name: &str, organisation: &str, first_year: i32) -> Fund {
        Fund {
            format: FORMAT_VERSION,
            name: name.to_string(),
            organisation: organisation.to_string(),
            org_number: None,
            model: FundingModel::EarmarkedEquity,
            first_year,
            years: 10,
            discount_rate: default_discount_rate(),
            holder: "KS".to_string(),
            closed_through: None,
            actors: vec![Actor {
                code: "KS".to_string(),
                name: "Kommunstyrelsen".to_string(),
                kind: ActorKind::Committee,
            }],
            capital: Vec::new(),
            initiatives: Vec::new(),
            scenarios: Vec::new(),
            budget: Vec::new(),
            unrestored_deficits: Vec::new(),
            appraisal: AppraisalSettings::default(),
            accounts: Accounts::default(),
        }
    }
}

/// A date in a fund file: the text as written (`"YYYY-MM-DD"`, written back unchanged) and the
/// calendar date it names, parsed once when the file is read. A text that is no date still
/// loads (validation reports it, with its place), so [`FileDate::date`] is an `Option`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileDate {
    text: String,
    date: Option<NaiveDate>,
}

impl FileDate {
    pub fn new(text: impl Into<String>) -> FileDate {
        let text = text.into();
        let date = parse_date(&text);
        FileDate { text, date }
    }

    /// The date as the file writes it.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The calendar date, if the text is a real date of the form `YYYY-MM-DD`.
    pub fn date(&self) -> Option<NaiveDate> {
        self.date
    }

    /// The date's year, if it is a real date.
    pub fn year(&self) -> Option<i32> {
        self.date.map(|d| d.year())
    }
}

impl From<NaiveDate> for FileDate {
    fn from(date: NaiveDate) -> FileDate {
        FileDate {
            text: date.format("%Y-%m-%d").to_string(),
            date: Some(date),
        }
    }
}

impl From<String> for FileDate {
    fn from(text: String) -> FileDate {
        FileDate::new(text)
    }
}

impl From<&str> for FileDate {
    fn from(text: &str) -> FileDate {
        FileDate::new(text)
    }
}

impl std::ops::Deref for FileDate {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for FileDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for FileDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for FileDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FileDate, D::Error> {
        String::deserialize(d).map(FileDate::new)
    }
}

/// The year of a `"YYYY-MM-DD"` date, if it is a real calendar date.
pub fn date_year(date: &str) -> Option<i32> {
    parse_date(date).map(|d| d.year())
}

/// Parse a date written `"YYYY-MM-DD"` (exactly: four-digit year, two-digit month and day),
/// checked against the calendar.
pub fn parse_date(date: &str) -> Option<NaiveDate> {
    let b = date.as_bytes();
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return None;
    }
    let number = |r: std::ops::Range<usize>| date.get(r).and_then(|s| s.parse::<u32>().ok());
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_date("2025-02-15"), ymd(2025, 2, 15));
        assert_eq!(parse_date("2024-02-29"), ymd(2024, 2, 29));
        assert_eq!(parse_date("2025-02-29"), None);
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("25-02-15"), None);
        assert_eq!(parse_date("2025-2-15x"), None);
        assert_eq!(parse_date("2025/02/15"), None);
        assert_eq!(parse_date("+202-02-15"), None);
    }

    #[test]
    fn a_file_date_is_written_back_as_read() {
        for text in ["2025-02-15", "2025-02-30", "15/2 2025", ""] {
            let d = FileDate::new(text);
            let ron = ron::to_string(&d).unwrap();
            assert_eq!(ron::from_str::<FileDate>(&ron).unwrap(), d);
            assert_eq!(d.as_str(), text);
        }
        assert_eq!(FileDate::new("2024-02-29").year(), Some(2024));
        assert_eq!(FileDate::new("2025-02-29").date(), None);
    }
}
