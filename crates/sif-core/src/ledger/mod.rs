//! The double-entry ledger (SPEC §6) and its exports (SPEC §7).
//!
//! The fund's ledger is a sub-ledger: it books only the entries that exist because of the fund.
//! [`journal`] turns a fund and its [`Projection`] into vouchers: one journal per horizon year,
//! in the series `accounts.voucher_series`, numbered from 1 each year, the plan in open years
//! and actual figures in closed years, in the order of SPEC §6:
//!
//! 1. capital events (earmarking, release) in date order, on their dates — EarmarkedEquity only;
//! 2. the internal allocation to each initiative's owner (*internfördelning*), 31 December;
//! 3. each repayment received, per initiative and payer, 31 December;
//! 4. EarmarkedEquity only, 31 December: the re-earmarking of the year's repayments, then the
//!    use of earmarked equity for the year's disbursements, capped at what the fund holds
//!    (`fund_used`, SPEC §4.5).
//!
//! The owner's real costs (wages, purchases) and the bank are never booked: the financial system
//! holds them already from payroll and accounts payable. The cost-kind accounts (`staff`,
//! `services`, `other`) appear only in the budget ([`budget`], SIE `#PBUDGET`).
//!
//! The journal also holds everything an export needs to say about the vouchers — account names
//! (Swedish, by role), the objects of dimension 1 (committees) and 6 (initiatives), the
//! organisation — and the balances of every account per year, computed once here. The exports
//! ([`sie`], [`csv`], [`hledger`]) read only the journal (and the budget); they never compute
//! money themselves.
//!
//! Sign convention: an amount is **debit positive, credit negative**, in vouchers, in balances
//! and in every export that has one signed amount (SIE, hledger). The fund balance is a credit on
//! the `fund_equity` account, so [`Journal::fund_balance`] returns the account's closing balance
//! negated: the figure the fund statement calls `closing`.
//!
//! Balances: the journal is the fund's own ledger, not the organisation's whole balance sheet,
//! so every account starts the first horizon year at zero. Every entry is internal (a cost on
//! one committee, the same income on another) or within equity, so the result accounts net to
//! zero every year: the year-end closing of the result moves nothing into equity, and every
//! balance account (classes 1–2) opens each year at exactly the previous year's closing
//! balance. Result accounts (classes 3–9) start each year at zero, as in every Swedish ledger;
//! their closing balance in a year's trial balance is the year's movement, which the year-end
//! closing clears. The journal checks both facts as it is written and refuses (as a bug in Sif)
//! a year whose result accounts do not net to zero. See `docs/ledger.md`.

pub mod balance;
pub mod budget;
pub mod cp437;
pub mod csv;
pub mod hledger;
pub mod sie;

use std::fmt;

use crate::engine::Projection;
use crate::model::{CapitalKind, Fund, FundingModel, parse_date};
use crate::money::{Money, Overflow};

/// What an account is for: the roles of SPEC §3 `accounts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AccountRole {
    FundEquity,
    FreeEquity,
    InternalIncome,
    InternalCost,
    Staff,
    Services,
    Other,
}

impl AccountRole {
    pub const ALL: [AccountRole; 7] = [
        AccountRole::FundEquity,
        AccountRole::FreeEquity,
        AccountRole::InternalIncome,
        AccountRole::InternalCost,
        AccountRole::Staff,
        AccountRole::Services,
        AccountRole::Other,
    ];

    /// The account's default name in Swedish. The numbers behind them are placeholders to
    /// verify against the organisation's Kommun-Bas chart.
    pub fn name_sv(self) -> &'static str {
        match self {
            AccountRole::FundEquity => "Öronmärkt eget kapital, sociala investeringar",
            AccountRole::FreeEquity => "Övrigt eget kapital",
            AccountRole::InternalIncome => "Interna intäkter, sociala investeringar",
            AccountRole::InternalCost => "Interna kostnader, sociala investeringar",
            AccountRole::Staff => "Personalkostnader",
            AccountRole::Services => "Köp av tjänster",
            AccountRole::Other => "Övriga kostnader",
        }
    }

    /// The account's name in English, for English views.
    pub fn name_en(self) -> &'static str {
        match self {
            AccountRole::FundEquity => "Earmarked equity, social investments",
            AccountRole::FreeEquity => "Other equity",
            AccountRole::InternalIncome => "Internal income, social investments",
            AccountRole::InternalCost => "Internal costs, social investments",
            AccountRole::Staff => "Staff costs",
            AccountRole::Services => "Purchased services",
            AccountRole::Other => "Other costs",
        }
    }

    /// The field name in the fund file (`accounts.fund_equity`, …).
    pub fn field(self) -> &'static str {
        match self {
            AccountRole::FundEquity => "fund_equity",
            AccountRole::FreeEquity => "free_equity",
            AccountRole::InternalIncome => "internal_income",
            AccountRole::InternalCost => "internal_cost",
            AccountRole::Staff => "staff",
            AccountRole::Services => "services",
            AccountRole::Other => "other",
        }
    }

    /// The account type of the SIE `#KTYP` record.
    pub fn kind(self) -> AccountKind {
        match self {
            AccountRole::FundEquity | AccountRole::FreeEquity => AccountKind::EquityOrLiability,
            AccountRole::InternalIncome => AccountKind::Income,
            AccountRole::InternalCost
            | AccountRole::Staff
            | AccountRole::Services
            | AccountRole::Other => AccountKind::Cost,
        }
    }

    fn number(self, fund: &Fund) -> u32 {
        let a = &fund.accounts;
        match self {
            AccountRole::FundEquity => a.fund_equity,
            AccountRole::FreeEquity => a.free_equity,
            AccountRole::InternalIncome => a.internal_income,
            AccountRole::InternalCost => a.internal_cost,
            AccountRole::Staff => a.staff,
            AccountRole::Services => a.services,
            AccountRole::Other => a.other,
        }
    }
}

/// Account type: tillgång, skuld/eget kapital, intäkt, kostnad (SIE `#KTYP` T, S, I, K).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountKind {
    Asset,
    EquityOrLiability,
    Income,
    Cost,
}

impl AccountKind {
    /// The letter of the SIE `#KTYP` record.
    pub fn sie_letter(self) -> char {
        match self {
            AccountKind::Asset => 'T',
            AccountKind::EquityOrLiability => 'S',
            AccountKind::Income => 'I',
            AccountKind::Cost => 'K',
        }
    }

    /// Balance accounts carry over from year to year; result accounts start at zero.
    pub fn is_balance(self) -> bool {
        matches!(self, AccountKind::Asset | AccountKind::EquityOrLiability)
    }
}

/// One account of the fund's chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub number: u32,
    /// Swedish name; roles sharing one number are joined with " / ".
    pub name: String,
    /// The roles booked on this account, in role order (usually one).
    pub roles: Vec<AccountRole>,
    pub kind: AccountKind,
}

impl Account {
    pub fn is_balance(&self) -> bool {
        self.kind.is_balance()
    }
}

/// A dimension object: a committee on dimension 1 (*ansvar*), an initiative on dimension 6
/// (*projekt*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    pub dimension: u32,
    pub code: String,
    pub name: String,
    /// The index in `fund.actors` (dimension 1) or `fund.initiatives` (dimension 6): the order
    /// in which objects are listed.
    pub position: usize,
}

/// SIE dimension number for committees (*kostnadsställe / resultatenhet*).
pub const DIM_COMMITTEE: u32 = 1;
/// SIE dimension number for initiatives (*projekt*).
pub const DIM_INITIATIVE: u32 = 6;

/// Plan (open year) or actual figures (closed year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    Plan,
    Actual,
}

/// Why a voucher exists: which step of SPEC §6 wrote it, and from what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VoucherOrigin {
    /// Step 1: a capital event, by its index in `fund.capital`.
    Capital { index: usize, kind: CapitalKind },
    /// Step 2: the fund pays an initiative's owner, who spends it.
    Disbursement { initiative: String },
    /// Step 3: a payer's repayment for an initiative.
    Repayment { initiative: String, payer: String },
    /// Step 4: the year's disbursements use earmarked equity.
    EquityUse,
    /// Step 4: the year's repayments are earmarked again.
    Reearmarking,
}

/// One booking row. `amount` is debit positive, credit negative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub account: u32,
    pub amount: Money,
    /// Dimension 1: a committee's actor code.
    pub dim1: Option<String>,
    /// Dimension 6: an initiative's code.
    pub dim6: Option<String>,
}

impl Row {
    /// The amount as (debit, credit), both positive, one of them zero.
    pub fn debit_credit(&self) -> (Money, Money) {
        if self.amount.0 >= 0 {
            (self.amount, Money::ZERO)
        } else {
            (Money::ZERO, Money(self.amount.0.saturating_neg()))
        }
    }
}

/// A voucher (*verifikation*): dated, numbered within its year and series, balancing to zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voucher {
    pub year: i32,
    pub series: String,
    pub number: u32,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Swedish text, ending in the year's status: " (plan)" or " (utfall)".
    pub text: String,
    pub basis: Basis,
    pub origin: VoucherOrigin,
    pub rows: Vec<Row>,
}

impl Voucher {
    /// `SI 2025:3`: how the voucher is named for people.
    pub fn label(&self) -> String {
        format!("{} {}:{}", self.series, self.year, self.number)
    }

    /// The date as SIE writes it, `YYYYMMDD`.
    pub fn date_compact(&self) -> String {
        self.date.replace('-', "")
    }

    /// The sum of the rows; zero for every voucher the journal holds.
    pub fn sum(&self) -> Result<Money, Overflow> {
        crate::money::checked_sum(self.rows.iter().map(|r| r.amount))
    }

    /// Σ debit and Σ credit of the rows, both as positive amounts.
    pub fn debit_credit(&self) -> Result<(Money, Money), Overflow> {
        let mut debit = Money::ZERO;
        let mut credit = Money::ZERO;
        for r in &self.rows {
            if r.amount.0 >= 0 {
                debit = debit.checked_add(r.amount)?;
            } else {
                credit = credit.checked_sub(r.amount)?;
            }
        }
        Ok((debit, credit))
    }
}

/// The column sums of a trial balance: opening, debit, credit, closing.
pub fn trial_balance_totals(rows: &[TrialBalanceRow]) -> Result<[Money; 4], Overflow> {
    let mut sums = [Money::ZERO; 4];
    for r in rows {
        for (sum, m) in sums
            .iter_mut()
            .zip([r.opening, r.debit, r.credit, r.closing])
        {
            *sum = sum.checked_add(m)?;
        }
    }
    Ok(sums)
}

/// One account's figures for one year. Amounts are debit positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrialBalanceRow {
    pub account: u32,
    /// Ingående balans: zero for result accounts.
    pub opening: Money,
    /// Sum of the year's debit rows (positive).
    pub debit: Money,
    /// Sum of the year's credit rows, as a positive amount.
    pub credit: Money,
    /// Utgående balans: opening + debit − credit.
    pub closing: Money,
}

impl TrialBalanceRow {
    /// The year's movement, debit − credit: what SIE `#RES` holds for a result account and what
    /// `hledger balance` shows for the year.
    pub fn movement(&self) -> Money {
        // Both are in 0..=i64::MAX, so their difference cannot overflow.
        Money(self.debit.0 - self.credit.0)
    }
}

/// The fund's journal over the whole horizon, with names and balances.
#[derive(Debug, Clone, PartialEq)]
pub struct Journal {
    fund_name: String,
    organisation: String,
    org_number: Option<String>,
    model: FundingModel,
    scenario: String,
    first_year: i32,
    last_year: i32,
    closed_through: Option<i32>,
    accounts: Vec<Account>,
    objects: Vec<Object>,
    vouchers: Vec<Voucher>,
    /// `year_start[i]`: index of the first voucher of horizon year i; one extra at the end.
    year_start: Vec<usize>,
    /// Per horizon year, the rows of accounts in use, in account order.
    balances: Vec<Vec<TrialBalanceRow>>,
    /// The whole horizon as one period (no year-end closings), in account order.
    horizon: Vec<TrialBalanceRow>,
}

/// Why the journal could not be written. Its words are in [`crate::messages`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    /// An account whose number is not of the class its role needs: classes 1–2 for a balance
    /// account (`balance`), 3–9 for a result account.
    #[error("{}", crate::messages::Message::both(self))]
    AccountClass {
        field: &'static str,
        number: u32,
        balance: bool,
    },
    #[error("{}", crate::messages::Message::both(self))]
    SharedFundEquity { number: u32, other: &'static str },
    #[error("{}", crate::messages::Message::both(self))]
    UnknownActor(String),
    #[error("{}", crate::messages::Message::both(self))]
    ProjectionMismatch,
    #[error("{}", crate::messages::Message::both(self))]
    Unbalanced { voucher: String, sum: i64 },
    #[error("{}", crate::messages::Message::both(self))]
    ResultNotZero { year: i32, sum: i64 },
    #[error("{}", crate::messages::Message::both(self))]
    YearOutsideHorizon { year: i32, first: i32, last: i32 },
    #[error("{0}")]
    Overflow(#[from] Overflow),
}

fn add(a: Money, b: Money) -> Result<Money, Overflow> {
    a.checked_add(b)
}

fn neg(a: Money) -> Result<Money, Overflow> {
    a.checked_neg()
}

/// The leading digit of an account number with 4–8 digits (its Kommun-Bas class).
fn account_class(number: u32) -> Option<u32> {
    if !(1000..=99_999_999).contains(&number) {
        return None;
    }
    let mut n = number;
    while n >= 10 {
        n /= 10;
    }
    Some(n)
}

/// The chart: one account per distinct number, in number order, after checking that balance
/// roles sit in classes 1–2 and result roles in classes 3–9.
fn chart(fund: &Fund) -> Result<Vec<Account>, LedgerError> {
    let mut accounts: Vec<Account> = Vec::new();
    for role in AccountRole::ALL {
        let number = role.number(fund);
        let class = account_class(number);
        let ok = match (role.kind().is_balance(), class) {
            (true, Some(c)) => (1..=2).contains(&c),
            (false, Some(c)) => (3..=9).contains(&c),
            (_, None) => false,
        };
        if !ok {
            return Err(LedgerError::AccountClass {
                field: role.field(),
                number,
                balance: role.kind().is_balance(),
            });
        }
        if role != AccountRole::FundEquity && number == fund.accounts.fund_equity {
            return Err(LedgerError::SharedFundEquity {
                number,
                other: role.field(),
            });
        }
        match accounts.iter_mut().find(|a| a.number == number) {
            Some(a) => {
                a.roles.push(role);
                a.name = format!("{} / {}", a.name, role.name_sv());
            }
            None => accounts.push(Account {
                number,
                name: role.name_sv().to_string(),
                roles: vec![role],
                kind: role.kind(),
            }),
        }
    }
    // Two roles of different kinds on one number (say bank = free_equity) keep the first kind;
    // both are balance accounts by the class check, so carry-over is unaffected.
    accounts.sort_by_key(|a| a.number);
    Ok(accounts)
}

/// The position of the fund's holder among its actors, which every ledger books on.
pub(crate) fn holder_index(fund: &Fund) -> Result<usize, LedgerError> {
    fund.actor_index(&fund.holder)
        .ok_or_else(|| LedgerError::UnknownActor(fund.holder.clone()))
}

/// Write the journal for a fund and its projection (SPEC §6): vouchers for every horizon year.
///
/// The fund should be valid (SPEC §3.1); the function refuses an account chart it cannot book
/// on, and never panics on an invalid fund.
pub fn journal(fund: &Fund, projection: &Projection) -> Result<Journal, LedgerError> {
    let n = projection.statement.len();
    let expected_years = usize::try_from(fund.years.clamp(1, 60)).unwrap_or(1);
    if projection.first_year != fund.first_year || n != expected_years {
        return Err(LedgerError::ProjectionMismatch);
    }
    let accounts = chart(fund)?;
    let acc = &fund.accounts;
    let holder_index = holder_index(fund)?;
    let holder = fund.actors[holder_index].code.as_str();
    // Which actors and initiatives the rows name, marked as the rows are written: the objects
    // (SIE #OBJEKT) are those, without searching the rows afterwards.
    let mut used = InUse {
        actors: vec![false; fund.actors.len()],
        initiatives: vec![false; fund.initiatives.len()],
    };
    let earmarked = fund.model == FundingModel::EarmarkedEquity;

    let mut vouchers: Vec<Voucher> = Vec::new();
    let mut year_start = Vec::with_capacity(n + 1);
    for i in 0..n {
        year_start.push(vouchers.len());
        let st = &projection.statement[i];
        let year = st.year;
        let basis = if i < projection.closed_years {
            Basis::Actual
        } else {
            Basis::Plan
        };
        let year_end = format!("{year:04}-12-31");
        // Every voucher's text ends in the year's status: " (plan)" or " (utfall)"
        // (docs/ledger.md).
        let suffix = match basis {
            Basis::Plan => " (plan)",
            Basis::Actual => " (utfall)",
        };
        let mut year_vouchers: Vec<(String, String, VoucherOrigin, Vec<Row>)> = Vec::new();

        // Step 1: capital events of the year in date order (ties in file order).
        if earmarked {
            let mut events: Vec<(usize, &crate::model::CapitalEvent)> = fund
                .capital
                .iter()
                .enumerate()
                .filter(|(_, ev)| ev.date.year() == Some(year) && ev.amount.0 > 0)
                .collect();
            events.sort_by(|a, b| a.1.date.cmp(&b.1.date));
            for (index, ev) in events {
                let (debit, credit, text) = match ev.kind {
                    CapitalKind::Earmark => {
                        (acc.free_equity, acc.fund_equity, "Öronmärkning till fonden")
                    }
                    CapitalKind::Release => (
                        acc.fund_equity,
                        acc.free_equity,
                        "Upplösning av öronmärkning",
                    ),
                };
                let text = if ev.note.trim().is_empty() {
                    voucher_text(&[text], suffix)
                } else {
                    voucher_text(&[text, ", ", ev.note.trim()], suffix)
                };
                year_vouchers.push((
                    ev.date.to_string(),
                    text,
                    VoucherOrigin::Capital {
                        index,
                        kind: ev.kind,
                    },
                    vec![
                        row(debit, ev.amount, None, None),
                        row(credit, neg(ev.amount)?, None, None),
                    ],
                ));
            }
        }

        // Step 2: the fund pays each initiative's owner, who spends it by cost kind.
        for p in &projection.initiatives {
            let Some(cost) = positive_at(&p.fund_cost, i) else {
                continue;
            };
            let ini = fund
                .initiatives
                .get(p.index)
                .ok_or(LedgerError::ProjectionMismatch)?;
            let owner_index = fund
                .actor_index(&ini.owner)
                .ok_or_else(|| LedgerError::UnknownActor(ini.owner.clone()))?;
            let owner = fund.actors[owner_index].code.as_str();
            used.mark([holder_index, owner_index], p.index);
            let code = Some(ini.code.as_str());
            // The internal allocation only: the owner's real costs (wages, purchases) and the
            // bank are booked by the financial system from payroll and accounts payable.
            let rows = vec![
                row(acc.internal_cost, cost, Some(holder), code),
                row(acc.internal_income, neg(cost)?, Some(owner), code),
            ];
            year_vouchers.push((
                year_end.clone(),
                voucher_text(
                    &["Fondmedel till ", &ini.code, " ", ini.name.trim()],
                    suffix,
                ),
                VoucherOrigin::Disbursement {
                    initiative: ini.code.clone(),
                },
                rows,
            ));
        }

        // Step 3: repayments received, per initiative and payer (actor order).
        for p in &projection.initiatives {
            let Some(ini) = fund.initiatives.get(p.index) else {
                return Err(LedgerError::ProjectionMismatch);
            };
            for flow in &p.repayments {
                let Some(amount) = positive_at(&flow.received, i) else {
                    continue;
                };
                let Some(payer) = fund.actors.get(flow.actor) else {
                    return Err(LedgerError::ProjectionMismatch);
                };
                used.mark([holder_index, flow.actor], p.index);
                let code = Some(ini.code.as_str());
                year_vouchers.push((
                    year_end.clone(),
                    voucher_text(
                        &[
                            "Återföring från ",
                            &payer.code,
                            " för ",
                            &ini.code,
                            " ",
                            ini.name.trim(),
                        ],
                        suffix,
                    ),
                    VoucherOrigin::Repayment {
                        initiative: ini.code.clone(),
                        payer: payer.code.clone(),
                    },
                    vec![
                        row(acc.internal_cost, amount, Some(&payer.code), code),
                        row(acc.internal_income, neg(amount)?, Some(holder), code),
                    ],
                ));
            }
        }

        // Step 4: the year's repayments are earmarked again, then earmarked equity is used
        // for the year's disbursements — never more than the fund holds (SPEC §4.5).
        if earmarked {
            // Each moves the amount within equity: debit the first account, credit the second.
            let transfers = [
                (
                    st.repaid,
                    "Återförda medel öronmärks på nytt",
                    VoucherOrigin::Reearmarking,
                    (acc.free_equity, acc.fund_equity),
                ),
                (
                    st.fund_used,
                    "Ianspråktagande av öronmärkt eget kapital",
                    VoucherOrigin::EquityUse,
                    (acc.fund_equity, acc.free_equity),
                ),
            ];
            for (amount, text, origin, (debit, credit)) in transfers {
                if amount.0 > 0 {
                    year_vouchers.push((
                        year_end.clone(),
                        voucher_text(&[text], suffix),
                        origin,
                        vec![
                            row(debit, amount, None, None),
                            row(credit, neg(amount)?, None, None),
                        ],
                    ));
                }
            }
        }

        for (k, (date, text, origin, rows)) in year_vouchers.into_iter().enumerate() {
            let voucher = Voucher {
                year,
                series: acc.voucher_series.clone(),
                // k < number of vouchers in a year, far below u32::MAX.
                number: u32::try_from(k + 1).unwrap_or(u32::MAX),
                date,
                text,
                basis,
                origin,
                rows,
            };
            let sum = voucher.sum()?;
            if !sum.is_zero() {
                return Err(LedgerError::Unbalanced {
                    voucher: voucher.label(),
                    sum: sum.0,
                });
            }
            vouchers.push(voucher);
        }
    }
    year_start.push(vouchers.len());

    let objects = used.objects(fund);
    let (balances, horizon) = balances(&accounts, fund.first_year, &vouchers, &year_start)?;
    Ok(Journal {
        fund_name: fund.name.clone(),
        organisation: fund.organisation.clone(),
        org_number: fund.org_number.clone(),
        model: fund.model,
        scenario: projection.scenario.clone(),
        first_year: fund.first_year,
        last_year: projection
            .statement
            .last()
            .map_or(fund.first_year, |s| s.year),
        closed_through: fund.closed_through,
        accounts,
        objects,
        vouchers,
        year_start,
        balances,
        horizon,
    })
}

/// A voucher's text from its parts and the suffix, in one allocation of the right size.
fn voucher_text(parts: &[&str], suffix: &str) -> String {
    let mut text =
        String::with_capacity(parts.iter().map(|p| p.len()).sum::<usize>() + suffix.len());
    for p in parts {
        text.push_str(p);
    }
    text.push_str(suffix);
    text
}

fn row(account: u32, amount: Money, dim1: Option<&str>, dim6: Option<&str>) -> Row {
    Row {
        account,
        amount,
        dim1: dim1.map(str::to_string),
        dim6: dim6.map(str::to_string),
    }
}

/// The amount of year `i` of a yearly series, when there is one above zero to book.
fn positive_at(yearly: &[Money], i: usize) -> Option<Money> {
    yearly.get(i).copied().filter(|m| m.0 > 0)
}

/// Which actors and initiatives (by index) some voucher row names, flagged while the rows are
/// written: their objects go into the file.
struct InUse {
    actors: Vec<bool>,
    initiatives: Vec<bool>,
}

impl InUse {
    /// A voucher between two actors for an initiative.
    fn mark(&mut self, actors: [usize; 2], initiative: usize) {
        for a in actors {
            if let Some(flag) = self.actors.get_mut(a) {
                *flag = true;
            }
        }
        if let Some(flag) = self.initiatives.get_mut(initiative) {
            *flag = true;
        }
    }

    /// The committees (in actor order) and initiatives (in file order) that some row names.
    /// Rows name objects by code, so every actor or initiative with a used code is listed
    /// (each initiative code once, the first in file order).
    fn objects(&self, fund: &Fund) -> Vec<Object> {
        objects_in_use(fund, &self.actors, &self.initiatives)
    }
}

fn objects_in_use(fund: &Fund, used_actor: &[bool], used_initiative: &[bool]) -> Vec<Object> {
    use std::collections::HashSet;
    // The codes of the flagged items.
    fn codes<'a, T>(items: &'a [T], used: &[bool], code: fn(&T) -> &str) -> HashSet<&'a str> {
        items
            .iter()
            .zip(used)
            .filter(|(_, used)| **used)
            .map(|(item, _)| code(item))
            .collect()
    }
    let used1 = codes(&fund.actors, used_actor, |a| a.code.as_str());
    let used6 = codes(&fund.initiatives, used_initiative, |ini| ini.code.as_str());
    let mut objects: Vec<Object> = fund
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| used1.contains(a.code.as_str()))
        .map(|(position, a)| Object {
            dimension: DIM_COMMITTEE,
            code: a.code.clone(),
            name: a.name.clone(),
            position,
        })
        .collect();
    let mut seen6 = HashSet::new();
    for (position, ini) in fund.initiatives.iter().enumerate() {
        if used6.contains(ini.code.as_str()) && seen6.insert(ini.code.as_str()) {
            objects.push(Object {
                dimension: DIM_INITIATIVE,
                code: ini.code.clone(),
                name: ini.name.clone(),
                position,
            });
        }
    }
    objects
}

/// Per-year and whole-horizon trial balances.
type Balances = (Vec<Vec<TrialBalanceRow>>, Vec<TrialBalanceRow>);

/// Opening, debit, credit and closing per account and year. Balance accounts carry over:
/// each opens at the previous year's closing. Result accounts start each year at zero; they
/// must net to zero every year (every entry of SPEC §6 is internal or within equity), so the
/// year-end closing moves nothing into equity — a year where they do not is refused as a bug.
/// Also the whole horizon as one period: the sums of every year's debits and credits on top of
/// the first year's opening, which is what a journal reader such as hledger sums for the
/// exported vouchers.
fn balances(
    accounts: &[Account],
    first_year: i32,
    vouchers: &[Voucher],
    year_start: &[usize],
) -> Result<Balances, LedgerError> {
    let years = year_start.len().saturating_sub(1);
    let index = |number: u32| accounts.iter().position(|a| a.number == number);
    let mut carried = vec![Money::ZERO; accounts.len()];
    let mut total_debit = vec![Money::ZERO; accounts.len()];
    let mut total_credit = vec![Money::ZERO; accounts.len()];
    let mut out = Vec::with_capacity(years);
    for y in 0..years {
        let mut debit = vec![Money::ZERO; accounts.len()];
        let mut credit = vec![Money::ZERO; accounts.len()];
        for v in &vouchers[year_start[y]..year_start[y + 1]] {
            for r in &v.rows {
                // Every row's account comes from the chart, so the lookup cannot fail.
                let Some(a) = index(r.account) else { continue };
                if r.amount.0 >= 0 {
                    debit[a] = add(debit[a], r.amount)?;
                } else {
                    credit[a] = add(credit[a], neg(r.amount)?)?;
                }
            }
        }
        let mut rows = Vec::new();
        let mut result = Money::ZERO;
        for (a, account) in accounts.iter().enumerate() {
            let opening = if account.is_balance() {
                carried[a]
            } else {
                Money::ZERO
            };
            let closing = opening.checked_add(debit[a])?.checked_sub(credit[a])?;
            if account.is_balance() {
                carried[a] = closing;
            } else {
                result = add(result, closing)?;
            }
            if !(opening.is_zero() && debit[a].is_zero() && credit[a].is_zero()) {
                rows.push(TrialBalanceRow {
                    account: account.number,
                    opening,
                    debit: debit[a],
                    credit: credit[a],
                    closing,
                });
            }
        }
        if !result.is_zero() {
            // y < 60, so the year fits.
            return Err(LedgerError::ResultNotZero {
                year: first_year.saturating_add(i32::try_from(y).unwrap_or(0)),
                sum: result.0,
            });
        }
        out.push(rows);
        for a in 0..accounts.len() {
            total_debit[a] = add(total_debit[a], debit[a])?;
            total_credit[a] = add(total_credit[a], credit[a])?;
        }
    }
    // Every account opens the horizon at zero (see the module comment).
    let mut horizon = Vec::new();
    for (a, account) in accounts.iter().enumerate() {
        if total_debit[a].is_zero() && total_credit[a].is_zero() {
            continue;
        }
        horizon.push(TrialBalanceRow {
            account: account.number,
            opening: Money::ZERO,
            debit: total_debit[a],
            credit: total_credit[a],
            closing: total_debit[a].checked_sub(total_credit[a])?,
        });
    }
    Ok((out, horizon))
}

impl Journal {
    pub fn fund_name(&self) -> &str {
        &self.fund_name
    }

    pub fn organisation(&self) -> &str {
        &self.organisation
    }

    pub fn org_number(&self) -> Option<&str> {
        self.org_number.as_deref()
    }

    pub fn model(&self) -> FundingModel {
        self.model
    }

    /// `base` or the scenario's name.
    pub fn scenario(&self) -> &str {
        &self.scenario
    }

    pub fn first_year(&self) -> i32 {
        self.first_year
    }

    pub fn last_year(&self) -> i32 {
        self.last_year
    }

    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.first_year..=self.last_year
    }

    pub fn closed_through(&self) -> Option<i32> {
        self.closed_through
    }

    /// Whether a year's figures are actuals (the year is closed).
    pub fn is_closed(&self, year: i32) -> bool {
        self.basis(year) == Basis::Actual
    }

    /// The last closed year within the horizon, if any.
    pub fn last_closed_year(&self) -> Option<i32> {
        self.closed_through
            .map(|c| c.min(self.last_year))
            .filter(|&c| c >= self.first_year)
    }

    /// Plan or actual figures for a year of the horizon.
    pub fn basis(&self, year: i32) -> Basis {
        if self.closed_through.is_some_and(|c| year <= c) {
            Basis::Actual
        } else {
            Basis::Plan
        }
    }

    /// Every account of the fund's chart, in number order (some may have no rows).
    pub fn accounts(&self) -> &[Account] {
        &self.accounts
    }

    pub fn account(&self, number: u32) -> Option<&Account> {
        self.accounts.iter().find(|a| a.number == number)
    }

    /// The objects that some row names: committees (dimension 1) then initiatives (6).
    pub fn objects(&self) -> &[Object] {
        &self.objects
    }

    pub fn object(&self, dimension: u32, code: &str) -> Option<&Object> {
        self.objects
            .iter()
            .find(|o| o.dimension == dimension && o.code == code)
    }

    /// All vouchers, year by year, each year numbered from 1.
    pub fn vouchers(&self) -> &[Voucher] {
        &self.vouchers
    }

    fn year_index(&self, year: i32) -> Option<usize> {
        let i = i64::from(year) - i64::from(self.first_year);
        usize::try_from(i).ok().filter(|&i| i < self.balances.len())
    }

    /// The vouchers of one year (empty outside the horizon).
    pub fn vouchers_in(&self, year: i32) -> &[Voucher] {
        match self.year_index(year) {
            Some(i) => &self.vouchers[self.year_start[i]..self.year_start[i + 1]],
            None => &[],
        }
    }

    /// The trial balance (*råbalans*) of a year: every account with an opening balance or a
    /// row in the year, in account order. Empty outside the horizon.
    pub fn trial_balance(&self, year: i32) -> &[TrialBalanceRow] {
        match self.year_index(year) {
            Some(i) => &self.balances[i],
            None => &[],
        }
    }

    /// The trial balance of the whole horizon as one period: per account in use, the opening
    /// balance (zero: the fund's ledger starts at the first year), every year's debits and
    /// credits summed, and debit − credit. Balance accounts close at the last year's closing
    /// balance; result accounts show their movement over all the years (the year-end closings
    /// move nothing, since the result accounts net to zero each year), and the closing column is
    /// what `hledger balance` and `ledger balance` print for the exported journal of all
    /// years.
    pub fn horizon_balance(&self) -> &[TrialBalanceRow] {
        &self.horizon
    }

    /// One account's figures for a year; zeros when it has none.
    pub fn balance(&self, year: i32, account: u32) -> TrialBalanceRow {
        self.trial_balance(year)
            .iter()
            .find(|r| r.account == account)
            .copied()
            .unwrap_or(TrialBalanceRow {
                account,
                opening: Money::ZERO,
                debit: Money::ZERO,
                credit: Money::ZERO,
                closing: Money::ZERO,
            })
    }

    /// The fund balance at the end of a year as the statement shows it: the `fund_equity`
    /// account's closing balance, which is a credit, negated. Under `EarmarkedEquity` it equals
    /// the statement's `closing` (the invariant of SPEC §6); under `AnnualAppropriation` the
    /// account is never booked and this is zero.
    pub fn fund_balance(&self, year: i32) -> Money {
        let number = self
            .accounts
            .iter()
            .find(|a| a.roles.contains(&AccountRole::FundEquity))
            .map_or(0, |a| a.number);
        Money(-self.balance(year, number).closing.0)
    }

    /// The accounts and objects that the given vouchers use, in chart and object order.
    pub fn used_by<'a>(&'a self, vouchers: &[Voucher]) -> (Vec<&'a Account>, Vec<&'a Object>) {
        use std::collections::HashSet;
        // A chart has at most eight accounts: a short list beats hashing every row.
        let mut accounts_used: Vec<u32> = Vec::with_capacity(self.accounts.len());
        for r in vouchers.iter().flat_map(|v| &v.rows) {
            if !accounts_used.contains(&r.account) {
                accounts_used.push(r.account);
            }
        }
        let accounts = self
            .accounts
            .iter()
            .filter(|a| accounts_used.contains(&a.number))
            .collect();
        // The journal's objects are by definition those its rows name: for the whole journal
        // (every export without --year) there is nothing to search.
        let whole = std::ptr::eq(vouchers, self.vouchers.as_slice());
        if whole {
            return (accounts, self.objects.iter().collect());
        }
        let mut dim1 = HashSet::new();
        let mut dim6 = HashSet::new();
        for v in vouchers {
            // The rows of a voucher mostly name the same initiative: hash it once.
            let mut last6: Option<&str> = None;
            for r in &v.rows {
                if let Some(c) = &r.dim1 {
                    dim1.insert(c.as_str());
                }
                if let Some(c) = r.dim6.as_deref()
                    && last6 != Some(c)
                {
                    dim6.insert(c);
                    last6 = Some(c);
                }
            }
        }
        let objects = self
            .objects
            .iter()
            .filter(|o| {
                let used = if o.dimension == DIM_COMMITTEE {
                    &dim1
                } else {
                    &dim6
                };
                used.contains(o.code.as_str())
            })
            .collect();
        (accounts, objects)
    }

    /// The vouchers an export covers: one year, or the whole horizon.
    pub fn select(&self, year: Option<i32>) -> Result<&[Voucher], ExportError> {
        match year {
            None => Ok(&self.vouchers),
            Some(y) if self.year_index(y).is_some() => Ok(self.vouchers_in(y)),
            Some(y) => Err(ExportError::YearOutsideHorizon {
                year: y,
                first: self.first_year,
                last: self.last_year,
            }),
        }
    }
}

/// Where a text in an export came from, so that a refusal can say what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextSource {
    FundName,
    ScenarioName,
    Organisation,
    OrgNumber,
    ActorCode(String),
    ActorName(String),
    InitiativeCode(String),
    InitiativeName(String),
    /// The note of a capital event, by its date.
    CapitalNote(String),
    AccountName(u32),
    /// A fixed text of Sif's own.
    Sif,
}

/// Why an export could not be written. Its words are in [`crate::messages`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// A character that the format cannot hold and that has no transliteration.
    #[error("{}", crate::messages::Message::both(self))]
    Unencodable {
        text: String,
        character: char,
        origin: TextSource,
        target: TextTarget,
    },
    #[error("{}", crate::messages::Message::both(self))]
    OrgNumber(String),
    #[error("{}", crate::messages::Message::both(self))]
    YearOutsideHorizon { year: i32, first: i32, last: i32 },
    #[error("{}", crate::messages::Message::both(self))]
    Sie4eNeedsYear,
    #[error("{}", crate::messages::Message::both(self))]
    Sie4iNeedsYear,
    #[error("{}", crate::messages::Message::both(self))]
    Sie4iOpenYear { year: i32 },
    #[error("{}", crate::messages::Message::both(self))]
    BudgetYear { budget: i32, year: i32 },
    #[error("{}", crate::messages::Message::both(self))]
    YearEndOnlyNotSie4i,
    #[error("{}", crate::messages::Message::both(self))]
    BadDate(String),
}

/// Where a refused text was to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextTarget {
    /// A SIE text field (code page 437).
    Sie,
    /// An hledger tag value (a comma would end it).
    HledgerTag,
}

/// A `YYYY-MM-DD` date checked against the calendar, as `YYYYMMDD`.
pub(crate) fn compact_date(date: &str) -> Result<String, ExportError> {
    match parse_date(date) {
        Some(d) => Ok(d.format("%Y%m%d").to_string()),
        None => Err(ExportError::BadDate(date.to_string())),
    }
}

/// Whole kronor as an amount with two decimals and a `.` decimal point: `-1234.00`.
pub(crate) fn amount_2dp(m: Money) -> String {
    format!("{}.00", m.0)
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Basis::Plan => "plan",
            Basis::Actual => "utfall",
        })
    }
}
