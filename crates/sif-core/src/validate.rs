//! Validation of a loaded fund (SPEC §3.1).
//!
//! Errors block the computations and exports; warnings are shown but do not block. Every
//! problem carries a path a person can follow (`initiatives[P101].costs[2].year`, rows counted
//! from 1 as in the file), a [`Location`] the app can take the user to, and an [`IssueKind`]
//! with the figures it is about. Its sentence in Swedish and English is made in
//! [`crate::messages`].

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::engine::{self, Options};
use crate::model::{ActorKind, FORMAT_VERSION, Fund, FundingModel, Repayment, Status};
use crate::money::{MAX_AMOUNT, Money};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// Where in the fund a problem is, for navigation in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Location {
    /// A fund-level setting.
    Fund,
    Actor(usize),
    Capital(usize),
    Initiative(usize),
    Scenario(usize),
    Budget(usize),
}

/// One validation error or warning.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub severity: Severity,
    pub location: Location,
    /// A path into the file, such as `initiatives[P101].costs[2].year`.
    pub path: String,
    /// What is wrong, with its figures.
    pub kind: IssueKind,
}

/// A text field that must not be empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Named {
    FundName,
    Organisation,
    ActorCode,
    ActorName,
    InitiativeCode,
    InitiativeName,
    ScenarioName,
}

/// What an actor is referred to as, where it must be a committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Holder,
    Owner,
    Payer,
}

/// A list of codes in the fund.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeList {
    Actors,
    Initiatives,
}

/// What a validation issue is about: one variant per distinct message (SPEC §3.1), with the
/// values it names. Amounts are [`Money`]; texts from the fund are as in the file (the message
/// escapes control characters).
#[derive(Debug, Clone, PartialEq)]
pub enum IssueKind {
    UnsupportedFormat {
        found: i64,
    },
    Empty(Named),
    OrgNumberForm {
        org: String,
    },
    HorizonYears {
        years: i32,
    },
    FirstYear {
        year: i32,
    },
    /// The fund's discount rate, written with a decimal comma in Swedish.
    DiscountRate {
        rate: f64,
    },
    /// A discount band's rate, rounded to three decimals.
    BandRate {
        rate: f64,
    },
    OutsideHorizon {
        year: i32,
        first: i32,
        last: i32,
    },
    NegativeAmount,
    AmountTooLarge,
    PercentOutside {
        value: i32,
        max: i32,
    },
    HighOutside {
        value: i32,
    },
    UnknownActor {
        code: String,
    },
    NotACommittee {
        role: Role,
        code: String,
    },
    DuplicateActorCode {
        code: String,
    },
    NotADate {
        text: String,
    },
    DuplicateInitiativeCode {
        code: String,
    },
    TerminatedWithoutEnd,
    EndYearNotUsed,
    FromAfterTo {
        from: i32,
        to: i32,
    },
    TooFewInstalments {
        instalments: i32,
    },
    TooManyInstalments {
        instalments: i32,
    },
    NegativeWeight,
    WeightsSum {
        sum: i64,
    },
    ActualsNotClosed {
        year: i32,
    },
    ActualsRepeated {
        year: i32,
    },
    DuplicateScenario {
        name: String,
    },
    ReservedScenarioName,
    DelayOutside {
        delay: i32,
    },
    DuplicateBudgetYear {
        year: i32,
    },
    SpecialReasonsUnjustified,
    DeficitYear {
        year: i32,
        from: i32,
        to: i32,
        first: i32,
    },
    DeficitNotPositive,
    DuplicateDeficit {
        year: i32,
    },
    BandTooEarly {
        from_year: i32,
    },
    BandRepeated {
        from_year: i32,
    },
    VoucherSeries {
        series: String,
    },
    Format1Bank,
    ControlInCode {
        text: String,
        char: char,
    },
    ControlInText {
        text: String,
        char: char,
    },
    SieCollision {
        list: CodeList,
        first: String,
        code: String,
        written: String,
    },
    SumsTooLarge,
    /// An earmarked fund that cannot pay a year's disbursements.
    Unfunded {
        year: i32,
        disbursed: Money,
        fund_used: Money,
        unfunded: Money,
    },
    /// A yearly pot that is overspent.
    PotOverspent {
        year: i32,
        unfunded: Money,
    },
    OverCommitted {
        year: i32,
        committed: Money,
        closing: Money,
        by: Money,
    },
    NoSavings,
    NoCashableSavings,
    RepaymentIncomplete {
        outstanding: Money,
    },
    /// Arrears of a payer; `carried` when they are carried into later years' plan (a repayment
    /// from savings) rather than owed on top.
    Arrears {
        actor: String,
        amount: Money,
        carried: bool,
    },
    Unbalanced {
        year: i32,
        result: Money,
    },
    Overdue {
        year: i32,
        amount: Money,
    },
    ReserveUseTooLarge {
        year: i32,
        used: Money,
        covers: Money,
    },
    ReservationTooLarge {
        year: i32,
        reservation: Money,
        room: Money,
        room2: Money,
    },
    SpecialReasonsTooLarge {
        year: i32,
        special: Money,
        deficit: Money,
        applied: Money,
    },
    Coverage {
        actor: String,
        adjusted: bool,
        planned: Money,
        covered: Money,
        shortfall: Money,
    },
}

impl Issue {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The issue's sentence in one language (without its path).
    pub fn text(&self, lang: crate::text::Lang) -> String {
        crate::messages::Message::text(&self.kind, lang)
    }

    /// The issue's sentence in Swedish or in English.
    pub fn message(&self, swedish: bool) -> String {
        self.text(if swedish {
            crate::text::Lang::Sv
        } else {
            crate::text::Lang::En
        })
    }
}

/// The result of validating a fund: errors first, then warnings, each in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub issues: Vec<Issue>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| !i.is_error())
    }

    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(Issue::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.errors().count()
    }

    pub fn warning_count(&self) -> usize {
        self.warnings().count()
    }
}

struct Collector<'a> {
    fund: &'a Fund,
    issues: Vec<Issue>,
    /// Each actor code with its kind; the first actor wins where a code is duplicated (that
    /// is an error of its own). A map keeps the check linear in the fund's size.
    actor_kinds: HashMap<&'a str, ActorKind>,
}

impl Collector<'_> {
    fn error(&mut self, location: Location, path: impl Into<String>, kind: IssueKind) {
        self.issues
            .push(issue(Severity::Error, location, path.into(), kind));
    }

    fn warning(&mut self, location: Location, path: impl Into<String>, kind: IssueKind) {
        self.issues
            .push(issue(Severity::Warning, location, path.into(), kind));
    }

    fn year(&mut self, loc: Location, path: fmt::Arguments<'_>, year: i32) {
        // A horizon that is itself wrong has its own error; years are not judged against it.
        let horizon_valid =
            (1900..=2200).contains(&self.fund.first_year) && (1..=60).contains(&self.fund.years);
        if horizon_valid && !self.fund.in_horizon(year) {
            let (first, last) = (self.fund.first_year, self.fund.last_year());
            self.error(
                loc,
                path.to_string(),
                IssueKind::OutsideHorizon { year, first, last },
            );
        }
    }

    fn amount(&mut self, loc: Location, path: fmt::Arguments<'_>, m: Money) {
        if m.0 < 0 {
            self.error(loc, path.to_string(), IssueKind::NegativeAmount);
        } else {
            self.limit(loc, path, m);
        }
    }

    fn limit(&mut self, loc: Location, path: fmt::Arguments<'_>, m: Money) {
        if m.0.unsigned_abs() > MAX_AMOUNT as u64 {
            self.error(loc, path.to_string(), IssueKind::AmountTooLarge);
        }
    }

    fn percent(&mut self, loc: Location, path: fmt::Arguments<'_>, value: i32, max: i32) {
        self.within(loc, path, value, 0..=max, |value| {
            IssueKind::PercentOutside { value, max }
        });
    }

    /// A value that must lie in `range`; `outside` says what is wrong with it.
    fn within(
        &mut self,
        loc: Location,
        path: fmt::Arguments<'_>,
        value: i32,
        range: std::ops::RangeInclusive<i32>,
        outside: impl FnOnce(i32) -> IssueKind,
    ) {
        self.error_unless(range.contains(&value), loc, path, || outside(value));
    }

    /// An error at `path` unless `ok`.
    fn error_unless(
        &mut self,
        ok: bool,
        loc: Location,
        path: fmt::Arguments<'_>,
        kind: impl FnOnce() -> IssueKind,
    ) {
        if !ok {
            self.error(loc, path.to_string(), kind());
        }
    }

    /// An actor reference: known, and a committee where a `committee` role is given.
    fn actor(
        &mut self,
        loc: Location,
        path: fmt::Arguments<'_>,
        code: &str,
        committee: Option<Role>,
    ) {
        let Some(&kind) = self.actor_kinds.get(code) else {
            let code = code.to_string();
            self.error(loc, path.to_string(), IssueKind::UnknownActor { code });
            return;
        };
        if let Some(role) = committee
            && kind != ActorKind::Committee
        {
            let code = code.to_string();
            self.error(
                loc,
                path.to_string(),
                IssueKind::NotACommittee { role, code },
            );
        }
    }

    fn not_empty(&mut self, loc: Location, path: fmt::Arguments<'_>, value: &str, what: Named) {
        if value.trim().is_empty() {
            self.error(loc, path.to_string(), IssueKind::Empty(what));
        }
    }
}

/// Validate a fund: every error and warning of SPEC §3.1.
pub fn validate(fund: &Fund) -> Report {
    validate_under(fund, &Options::default())
}

/// Validate a fund with its projection warnings taken under `options` instead of the base
/// scenario: the warnings of a what-if (a scenario not saved in the fund, with or without the
/// proposed initiatives), so that they follow the figures shown. The errors are those of
/// [`validate`]; `Options::default()` gives exactly [`validate`].
pub fn validate_under(fund: &Fund, options: &Options) -> Report {
    let mut report = validate_without_projection(fund);
    if !report.has_errors() {
        report.issues.extend(projection_warnings(fund, options));
        // Errors first; the sort is stable, so file order is kept within each severity.
        report.issues.sort_by_key(|i| i.severity);
    }
    report
}

/// Every error of SPEC §3.1, and the warnings that need no projection: the same errors as
/// [`validate`] at a fraction of the time for a large fund, for commands that only need to know
/// whether the fund can be computed and show no warnings (the exports, `sif ledger`, the
/// reports). The warnings about over-commitment, incomplete repayments and arrears are left out.
pub fn validate_without_projection(fund: &Fund) -> Report {
    let mut c = Collector {
        fund,
        issues: Vec::new(),
        actor_kinds: {
            let mut m = HashMap::with_capacity(fund.actors.len());
            for a in &fund.actors {
                m.entry(a.code.as_str()).or_insert(a.kind);
            }
            m
        },
    };
    let f = Location::Fund;

    if !(1..=FORMAT_VERSION).contains(&fund.format) {
        c.error(
            f,
            "format",
            IssueKind::UnsupportedFormat { found: fund.format },
        );
    }
    c.not_empty(f, format_args!("name"), &fund.name, Named::FundName);
    c.not_empty(
        f,
        format_args!("organisation"),
        &fund.organisation,
        Named::Organisation,
    );
    if let Some(org) = &fund.org_number {
        let ok = org.len() == 11
            && org.char_indices().all(|(i, ch)| {
                if i == 6 {
                    ch == '-'
                } else {
                    ch.is_ascii_digit()
                }
            });
        if !ok {
            c.warning(
                f,
                "org_number",
                IssueKind::OrgNumberForm { org: org.clone() },
            );
        }
    }
    c.within(f, format_args!("years"), fund.years, 1..=60, |years| {
        IssueKind::HorizonYears { years }
    });
    c.within(
        f,
        format_args!("first_year"),
        fund.first_year,
        1900..=2200,
        |year| IssueKind::FirstYear { year },
    );
    if !fund.discount_rate.is_finite() || !(0.0..=20.0).contains(&fund.discount_rate) {
        c.error(
            f,
            "discount_rate",
            IssueKind::DiscountRate {
                rate: fund.discount_rate,
            },
        );
    }
    c.actor(f, format_args!("holder"), &fund.holder, Some(Role::Holder));
    if let Some(closed) = fund.closed_through {
        c.year(f, format_args!("closed_through"), closed);
    }

    // Actors.
    let mut seen = HashSet::new();
    for (i, a) in fund.actors.iter().enumerate() {
        let loc = Location::Actor(i);
        let path = format!("actors[{}]", label(&a.code, i));
        c.not_empty(loc, format_args!("{path}.code"), &a.code, Named::ActorCode);
        c.not_empty(loc, format_args!("{path}.name"), &a.name, Named::ActorName);
        if !a.code.is_empty() && !seen.insert(a.code.as_str()) {
            c.error(
                loc,
                format!("{path}.code"),
                IssueKind::DuplicateActorCode {
                    code: a.code.clone(),
                },
            );
        }
    }

    // Capital.
    for (i, ev) in fund.capital.iter().enumerate() {
        let loc = Location::Capital(i);
        let path = format!("capital[{}]", i + 1);
        match ev.date.year() {
            Some(y) => c.year(loc, format_args!("{path}.date"), y),
            None => c.error(
                loc,
                format!("{path}.date"),
                IssueKind::NotADate {
                    text: ev.date.to_string(),
                },
            ),
        }
        c.amount(loc, format_args!("{path}.amount"), ev.amount);
    }

    // Initiatives.
    let mut seen = HashSet::new();
    for (i, ini) in fund.initiatives.iter().enumerate() {
        let loc = Location::Initiative(i);
        let p = format!("initiatives[{}]", label(&ini.code, i));
        c.not_empty(
            loc,
            format_args!("{p}.code"),
            &ini.code,
            Named::InitiativeCode,
        );
        c.not_empty(
            loc,
            format_args!("{p}.name"),
            &ini.name,
            Named::InitiativeName,
        );
        if !ini.code.is_empty() && !seen.insert(ini.code.as_str()) {
            c.error(
                loc,
                format!("{p}.code"),
                IssueKind::DuplicateInitiativeCode {
                    code: ini.code.clone(),
                },
            );
        }
        c.actor(
            loc,
            format_args!("{p}.owner"),
            &ini.owner,
            Some(Role::Owner),
        );
        match (ini.status, ini.ended) {
            (Status::Terminated, Some(e)) => c.year(loc, format_args!("{p}.ended"), e),
            (Status::Terminated, None) => {
                c.warning(loc, format!("{p}.ended"), IssueKind::TerminatedWithoutEnd)
            }
            (_, Some(_)) => c.warning(loc, format!("{p}.ended"), IssueKind::EndYearNotUsed),
            _ => {}
        }
        for (k, row) in ini.costs.iter().enumerate() {
            let rp = format!("{p}.costs[{}]", k + 1);
            c.year(loc, format_args!("{rp}.year"), row.year);
            c.amount(loc, format_args!("{rp}.fund"), row.fund);
            c.amount(loc, format_args!("{rp}.own"), row.own);
        }
        for (k, row) in ini.savings.iter().enumerate() {
            let rp = format!("{p}.savings[{}]", k + 1);
            c.actor(loc, format_args!("{rp}.actor"), &row.actor, None);
            c.year(loc, format_args!("{rp}.from"), row.from);
            c.year(loc, format_args!("{rp}.to"), row.to);
            if row.from > row.to {
                c.error(
                    loc,
                    format!("{rp}.from"),
                    IssueKind::FromAfterTo {
                        from: row.from,
                        to: row.to,
                    },
                );
            }
            c.amount(loc, format_args!("{rp}.amount"), row.amount);
            // The adjusted appraisal's estimates, each 0–100 %.
            for (field, value) in [
                ("deadweight", row.deadweight),
                ("attribution", row.attribution),
                ("drop_off", row.drop_off),
                ("optimism_bias", row.optimism_bias),
                ("low", row.low),
            ] {
                c.percent(loc, format_args!("{rp}.{field}"), value, 100);
            }
            c.within(
                loc,
                format_args!("{rp}.high"),
                row.high,
                100..=300,
                |value| IssueKind::HighOutside { value },
            );
        }
        match &ini.repayment {
            Repayment::Grant => {}
            Repayment::Fixed(fixed) => {
                let rp = format!("{p}.repayment");
                c.percent(loc, format_args!("{rp}.share"), fixed.share, 100);
                c.year(loc, format_args!("{rp}.start"), fixed.start);
                if fixed.instalments < 1 {
                    c.error(
                        loc,
                        format!("{rp}.instalments"),
                        IssueKind::TooFewInstalments {
                            instalments: fixed.instalments,
                        },
                    );
                } else if fixed.instalments > 100 {
                    c.error(
                        loc,
                        format!("{rp}.instalments"),
                        IssueKind::TooManyInstalments {
                            instalments: fixed.instalments,
                        },
                    );
                }
                let mut sum: i64 = 0;
                for (k, payer) in fixed.payers.iter().enumerate() {
                    let pp = format!("{rp}.payers[{}]", k + 1);
                    c.actor(
                        loc,
                        format_args!("{pp}.actor"),
                        &payer.actor,
                        Some(Role::Payer),
                    );
                    if payer.weight < 0 {
                        c.error(loc, format!("{pp}.weight"), IssueKind::NegativeWeight);
                    }
                    sum += i64::from(payer.weight);
                }
                if sum != 100 {
                    c.error(loc, format!("{rp}.payers"), IssueKind::WeightsSum { sum });
                }
            }
            Repayment::FromSavings { share, start, cap } => {
                let rp = format!("{p}.repayment");
                c.percent(loc, format_args!("{rp}.share"), *share, 100);
                c.percent(loc, format_args!("{rp}.cap"), *cap, 200);
                c.year(loc, format_args!("{rp}.start"), *start);
            }
        }
        let mut years = HashSet::new();
        for (k, act) in ini.actuals.iter().enumerate() {
            let ap = format!("{p}.actuals[{}]", k + 1);
            c.year(loc, format_args!("{ap}.year"), act.year);
            let closed = fund.is_closed(act.year);
            c.error_unless(closed, loc, format_args!("{ap}.year"), || {
                IssueKind::ActualsNotClosed { year: act.year }
            });
            if !years.insert(act.year) {
                c.error(
                    loc,
                    format!("{ap}.year"),
                    IssueKind::ActualsRepeated { year: act.year },
                );
            }
            c.amount(loc, format_args!("{ap}.fund"), act.fund);
            for (j, r) in act.repaid.iter().enumerate() {
                let rp = format!("{ap}.repaid[{}]", j + 1);
                c.actor(loc, format_args!("{rp}.actor"), &r.actor, Some(Role::Payer));
                c.amount(loc, format_args!("{rp}.amount"), r.amount);
            }
        }
    }

    // Scenarios.
    let mut seen = HashSet::new();
    for (i, s) in fund.scenarios.iter().enumerate() {
        let loc = Location::Scenario(i);
        let p = format!("scenarios[{}]", label(&s.name, i));
        c.not_empty(loc, format_args!("{p}.name"), &s.name, Named::ScenarioName);
        if !seen.insert(s.name.as_str()) {
            c.error(
                loc,
                format!("{p}.name"),
                IssueKind::DuplicateScenario {
                    name: s.name.clone(),
                },
            );
        }
        if s.name.eq_ignore_ascii_case("base") {
            c.error(loc, format!("{p}.name"), IssueKind::ReservedScenarioName);
        }
        for (field, value) in [
            ("savings_factor", s.savings_factor),
            ("cost_factor", s.cost_factor),
        ] {
            c.percent(loc, format_args!("{p}.{field}"), value, 1000);
        }
        c.within(loc, format_args!("{p}.delay"), s.delay, 0..=20, |delay| {
            IssueKind::DelayOutside { delay }
        });
    }

    // Budget inputs.
    let mut years = HashSet::new();
    for (i, b) in fund.budget.iter().enumerate() {
        let loc = Location::Budget(i);
        let p = format!("budget[{}]", b.year);
        c.year(loc, format_args!("{p}.year"), b.year);
        let first = years.insert(b.year);
        c.error_unless(first, loc, format_args!("{p}.year"), || {
            IssueKind::DuplicateBudgetYear { year: b.year }
        });
        c.limit(
            loc,
            format_args!("{p}.result_before_fund"),
            b.result_before_fund,
        );
        c.amount(
            loc,
            format_args!("{p}.realisation_gains"),
            b.realisation_gains,
        );
        c.limit(
            loc,
            format_args!("{p}.exemption_adjustment"),
            b.exemption_adjustment,
        );
        c.limit(
            loc,
            format_args!("{p}.securities_adjustment"),
            b.securities_adjustment,
        );
        c.amount(
            loc,
            format_args!("{p}.reserve_reservation"),
            b.reserve_reservation,
        );
        c.amount(loc, format_args!("{p}.reserve_use"), b.reserve_use);
        c.amount(loc, format_args!("{p}.special_reasons"), b.special_reasons);
        c.amount(loc, format_args!("{p}.tax_base"), b.tax_base);
        if b.special_reasons.0 > 0 && b.special_reasons_note.trim().is_empty() {
            c.error(
                loc,
                format!("{p}.special_reasons_note"),
                IssueKind::SpecialReasonsUnjustified,
            );
        }
    }

    // Deficits carried in from before the horizon.
    let mut years = HashSet::new();
    let (lo, hi) = (
        fund.first_year.saturating_sub(3),
        fund.first_year.saturating_sub(1),
    );
    for (i, d) in fund.unrestored_deficits.iter().enumerate() {
        let p = format!("unrestored_deficits[{}]", i + 1);
        if !(lo..=hi).contains(&d.year) {
            c.error(
                f,
                format!("{p}.year"),
                IssueKind::DeficitYear {
                    year: d.year,
                    from: lo,
                    to: hi,
                    first: fund.first_year,
                },
            );
        }
        if d.amount.0 <= 0 {
            c.error(f, format!("{p}.amount"), IssueKind::DeficitNotPositive);
        } else {
            c.limit(f, format_args!("{p}.amount"), d.amount);
        }
        if !years.insert(d.year) {
            c.error(
                f,
                format!("{p}.year"),
                IssueKind::DuplicateDeficit { year: d.year },
            );
        }
    }

    // The adjusted appraisal's fund-wide settings (SPEC §4.7).
    let ap = &fund.appraisal;
    c.percent(
        f,
        format_args!("appraisal.cost_optimism_bias"),
        ap.cost_optimism_bias,
        200,
    );
    let mut seen_from = HashSet::new();
    for (i, band) in ap.discount_bands.iter().enumerate() {
        let p = format!("appraisal.discount_bands[{}]", i + 1);
        if band.from_year < 1 {
            c.error(
                f,
                format!("{p}.from_year"),
                IssueKind::BandTooEarly {
                    from_year: band.from_year,
                },
            );
        }
        if !seen_from.insert(band.from_year) {
            c.error(
                f,
                format!("{p}.from_year"),
                IssueKind::BandRepeated {
                    from_year: band.from_year,
                },
            );
        }
        if !band.rate.is_finite() || !(0.0..=20.0).contains(&band.rate) {
            c.error(
                f,
                format!("{p}.rate"),
                IssueKind::BandRate { rate: band.rate },
            );
        }
    }

    // Accounts.
    let series = &fund.accounts.voucher_series;
    if series.trim().is_empty() || series.chars().any(|ch| ch.is_whitespace() || ch == '"') {
        c.error(
            f,
            "accounts.voucher_series",
            IssueKind::VoucherSeries {
                series: series.clone(),
            },
        );
    }
    if fund.format >= 2 && fund.accounts.format1_bank.is_some() {
        c.error(f, "accounts.bank", IssueKind::Format1Bank);
    }

    let mut issues = c.issues;
    issues.extend(hidden_control_issues(fund));
    issues.extend(sie_code_collisions(fund));
    // Errors first; the sort is stable, so file order is kept within each severity.
    issues.sort_by_key(|i| i.severity);
    Report { issues }
}

fn issue(severity: Severity, location: Location, path: String, kind: IssueKind) -> Issue {
    Issue {
        severity,
        location,
        path,
        kind,
    }
}

/// A readable key for a list item: its code when it has one, else its 1-based row number.
fn label(code: &str, i: usize) -> String {
    if code.trim().is_empty() {
        format!("{}", i + 1)
    } else {
        code.to_string()
    }
}

/// Warnings that need a projection (SPEC §3.1): over-commitment of the fund, an overspent
/// yearly pot, incomplete repayments and arrears. If even the base projection cannot be
/// computed (a sum beyond the range of whole kronor), that is an error.
///
/// The fund-level warnings come from the base projection, which counts the initiatives the
/// fund has decided on. The per-initiative warnings come from a projection that counts
/// proposed initiatives too: each initiative's schedule does not depend on the others, and a
/// repayment that cannot finish is worth knowing before the proposal is approved.
///
/// `options` chooses the scenario of both projections, and whether the fund-level one counts
/// proposed initiatives too (the default: the base scenario, decided initiatives).
fn projection_warnings(fund: &Fund, options: &Options) -> Vec<Issue> {
    let committees: HashSet<&str> = fund
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Committee)
        .map(|a| a.code.as_str())
        .collect();
    let mut out = Vec::new();
    let too_large = || {
        issue(
            Severity::Error,
            Location::Fund,
            "initiatives".to_string(),
            IssueKind::SumsTooLarge,
        )
    };
    let Ok(base) = engine::project(fund, options) else {
        out.push(too_large());
        return out;
    };
    let with_proposals;
    let all = if !options.include_proposed
        && fund
            .initiatives
            .iter()
            .any(|i| i.status == Status::Proposed)
    {
        let options = Options {
            include_proposed: true,
            ..options.clone()
        };
        let Ok(p) = engine::project(fund, &options) else {
            out.push(too_large());
            return out;
        };
        with_proposals = p;
        &with_proposals
    } else {
        &base
    };
    for y in &base.statement {
        if y.unfunded.0 > 0 {
            let kind = match fund.model {
                FundingModel::EarmarkedEquity => IssueKind::Unfunded {
                    year: y.year,
                    disbursed: y.disbursed,
                    fund_used: y.fund_used,
                    unfunded: y.unfunded,
                },
                FundingModel::AnnualAppropriation => IssueKind::PotOverspent {
                    year: y.year,
                    unfunded: y.unfunded,
                },
            };
            out.push(issue(
                Severity::Warning,
                Location::Fund,
                format!("statement[{}].unfunded", y.year),
                kind,
            ));
        }
    }
    // A yearly pot is not over-committed by later years' disbursements: they are paid from
    // later pots. Only an earmarked fund carries its balance forward.
    let over_committed = (fund.model == FundingModel::EarmarkedEquity)
        .then(|| {
            base.statement
                .iter()
                .find(|y| y.uncommitted.0 < 0 && y.unfunded.is_zero())
        })
        .flatten();
    if let Some(y) = over_committed {
        out.push(issue(
            Severity::Warning,
            Location::Fund,
            format!("statement[{}].uncommitted", y.year),
            IssueKind::OverCommitted {
                year: y.year,
                committed: y.committed,
                closing: y.closing,
                by: Money(y.uncommitted.0.saturating_neg()),
            },
        ));
    }
    out.extend(reconciliation_warnings(fund, &base));
    for (i, ini) in fund.initiatives.iter().enumerate() {
        let loc = Location::Initiative(i);
        let path = format!("initiatives[{}]", label(&ini.code, i));
        if !ini.savings.iter().any(|s| s.amount.0 > 0) {
            out.push(issue(
                Severity::Warning,
                loc,
                format!("{path}.savings"),
                IssueKind::NoSavings,
            ));
        }
        let mut no_cashable = false;
        if let Repayment::FromSavings { .. } = ini.repayment {
            let has_cashable_committee = ini
                .savings
                .iter()
                .any(|s| s.cashable && s.amount.0 > 0 && committees.contains(s.actor.as_str()));
            if !has_cashable_committee {
                no_cashable = true;
                out.push(issue(
                    Severity::Warning,
                    loc,
                    format!("{path}.repayment"),
                    IssueKind::NoCashableSavings,
                ));
            }
        }
        let Some(proj) = all.initiative(i) else {
            continue;
        };
        // Without cashable savings nothing is ever repaid; the warning above says why, and a
        // second one about the outstanding amount would only repeat it.
        if proj.outstanding.0 > 0 && !no_cashable {
            out.push(issue(
                Severity::Warning,
                loc,
                format!("{path}.repayment"),
                IssueKind::RepaymentIncomplete {
                    outstanding: proj.outstanding,
                },
            ));
        }
        for flow in &proj.repayments {
            let arrears = flow.arrears(all.closed_years);
            if arrears.0 > 0 {
                out.push(issue(
                    Severity::Warning,
                    loc,
                    format!("{path}.actuals"),
                    IssueKind::Arrears {
                        actor: fund.actors[flow.actor].code.clone(),
                        amount: arrears,
                        carried: matches!(ini.repayment, Repayment::FromSavings { .. }),
                    },
                ));
            }
        }
    }
    out.extend(coverage_warnings(fund, all));
    out
}

/// The reconciliation's warnings (SPEC §3.1, §5), from the base projection.
fn reconciliation_warnings(fund: &Fund, base: &engine::Projection) -> Vec<Issue> {
    let mut out = Vec::new();
    // A deficit is warned about in the year it turns overdue, not again every year after.
    let mut overdue_before = Money::ZERO;
    let warn = |out: &mut Vec<Issue>, year: i32, field: &str, kind: IssueKind| {
        let location = fund
            .budget
            .iter()
            .position(|b| b.year == year)
            .map_or(Location::Fund, Location::Budget);
        out.push(issue(
            Severity::Warning,
            location,
            format!("budget[{year}].{field}"),
            kind,
        ));
    };
    for r in &base.reconciliation {
        let year = r.year;
        if !fund.is_closed(year) && r.current.balance_result.0 < 0 {
            warn(
                &mut out,
                year,
                "result_before_fund",
                IssueKind::Unbalanced {
                    year,
                    result: r.current.balance_result,
                },
            );
        }
        let overdue = r.current.restoration.overdue;
        let newly_overdue = overdue > overdue_before;
        overdue_before = overdue;
        if newly_overdue {
            warn(
                &mut out,
                year,
                "result_before_fund",
                IssueKind::Overdue {
                    year,
                    amount: r.current.restoration.overdue,
                },
            );
        }
        let before_use = r.adjusted_result.0.saturating_sub(r.reserve_reservation.0);
        let covers = Money(before_use.saturating_neg().max(0));
        if r.reserve_use > covers {
            warn(
                &mut out,
                year,
                "reserve_use",
                IssueKind::ReserveUseTooLarge {
                    year,
                    used: r.reserve_use,
                    covers,
                },
            );
        }
        let tax_base = fund
            .budget
            .iter()
            .find(|b| b.year == year)
            .map_or(Money::ZERO, |b| b.tax_base);
        if tax_base.0 > 0 && r.reserve_reservation.0 > 0 {
            let one = tax_base.percent(1).unwrap_or(Money::ZERO);
            let two = tax_base.percent(2).unwrap_or(Money::ZERO);
            let room = Money(r.adjusted_result.0.saturating_sub(one.0).max(0));
            if r.reserve_reservation > room {
                let room2 = Money(r.adjusted_result.0.saturating_sub(two.0).max(0));
                warn(
                    &mut out,
                    year,
                    "reserve_reservation",
                    IssueKind::ReservationTooLarge {
                        year,
                        reservation: r.reserve_reservation,
                        room,
                        room2,
                    },
                );
            }
        }
        // A projection with a result too large for an amount has its own error.
        if let Ok(deficit) = r.after_reserves().map(crate::engine::deficit_of)
            && r.special_reasons > deficit
        {
            warn(
                &mut out,
                year,
                "special_reasons",
                IssueKind::SpecialReasonsTooLarge {
                    year,
                    special: r.special_reasons,
                    deficit,
                    applied: r.current.special_reasons_applied,
                },
            );
        }
    }
    out
}

/// The adjusted appraisal's warnings (SPEC §3.1, §4.7): a committee whose planned repayments
/// are not covered by its adjusted cashable savings from the initiative. The agreement itself
/// is not wrong — it is computed on the gross savings — but the committee may have to repay out
/// of the rest of its budget, which is worth knowing before the agreement is signed.
fn coverage_warnings(fund: &Fund, p: &engine::Projection) -> Vec<Issue> {
    let mut out = Vec::new();
    for (ip, a) in p.initiatives.iter().zip(&p.appraisal) {
        let Some(ini) = fund.initiatives.get(ip.index) else {
            continue;
        };
        let adjusted = ini.savings.iter().any(|r| !r.is_unadjusted());
        for c in a
            .adjusted
            .repayment_coverage
            .iter()
            .filter(|c| c.shortfall.0 > 0)
        {
            out.push(issue(
                Severity::Warning,
                Location::Initiative(ip.index),
                format!("initiatives[{}].repayment", label(&ini.code, ip.index)),
                IssueKind::Coverage {
                    actor: c.actor.clone(),
                    adjusted,
                    planned: c.planned,
                    covered: c.covered,
                    shortfall: c.shortfall,
                },
            ));
        }
    }
    out
}

/// A text for a message: control characters and bidirectional overrides shown escaped
/// (`\u{1b}`), so that a message never carries them raw to a terminal.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    crate::text::escape_all_controls(text)
}

/// Control characters and bidirectional overrides (docs/safety.md §4): in a code they are an
/// error, since a code is a key that two texts that look alike must never share and that SIE
/// writes as a space; in a name or note a warning, since they are invisible or reorder text
/// on screen. Line feeds and tabs in notes are layout and allowed.
fn hidden_control_issues(fund: &Fund) -> Vec<Issue> {
    use crate::text::is_hidden_control;
    /// What a text is, for the characters it may hold.
    #[derive(Clone, Copy, PartialEq)]
    enum Held {
        /// A code: no control character at all (an error).
        Code,
        /// A name or one-line text (a warning).
        Line,
        /// A note: line feeds and tabs are layout (a warning for the rest).
        Note,
    }
    use Held::{Code, Line, Note};
    let mut out = Vec::new();
    let mut check = |location: Location, path: String, text: &str, held: Held| {
        let layout_ok = held == Note;
        let Some(c) = text
            .chars()
            .find(|&c| is_hidden_control(c) && !(layout_ok && (c == '\n' || c == '\t')))
        else {
            return;
        };
        let text = text.to_string();
        out.push(if held == Code {
            issue(
                Severity::Error,
                location,
                path,
                IssueKind::ControlInCode { text, char: c },
            )
        } else {
            issue(
                Severity::Warning,
                location,
                path,
                IssueKind::ControlInText { text, char: c },
            )
        });
    };
    let f = Location::Fund;
    check(f, "name".into(), &fund.name, Line);
    check(f, "organisation".into(), &fund.organisation, Line);
    if let Some(org) = &fund.org_number {
        check(f, "org_number".into(), org, Line);
    }
    for (i, a) in fund.actors.iter().enumerate() {
        let (loc, p) = (
            Location::Actor(i),
            format!("actors[{}]", shown(&label(&a.code, i))),
        );
        check(loc, format!("{p}.code"), &a.code, Code);
        check(loc, format!("{p}.name"), &a.name, Line);
    }
    for (i, ev) in fund.capital.iter().enumerate() {
        let path = format!("capital[{}].note", i + 1);
        check(Location::Capital(i), path, &ev.note, Note);
    }
    for (i, ini) in fund.initiatives.iter().enumerate() {
        let loc = Location::Initiative(i);
        let p = format!("initiatives[{}]", shown(&label(&ini.code, i)));
        check(loc, format!("{p}.code"), &ini.code, Code);
        check(loc, format!("{p}.name"), &ini.name, Line);
        check(loc, format!("{p}.note"), &ini.note, Note);
        for (k, act) in ini.actuals.iter().enumerate() {
            let path = format!("{p}.actuals[{}].source", k + 1);
            check(loc, path, &act.source, Line);
        }
    }
    for (i, b) in fund.budget.iter().enumerate() {
        let path = format!("budget[{}].special_reasons_note", b.year);
        check(Location::Budget(i), path, &b.special_reasons_note, Note);
    }
    for (i, sc) in fund.scenarios.iter().enumerate() {
        let path = format!("scenarios[{}].name", shown(&label(&sc.name, i)));
        check(Location::Scenario(i), path, &sc.name, Line);
    }
    out
}

/// Actor or initiative codes that differ in the file but are one code in a SIE export (SPEC
/// §7): SIE text is code page 437, so `P–1` and `P-1`, `Ø1` and `Ö1`, `P 1` and `P<tab>1`
/// are written alike, and a financial system would book two committees or two initiatives as
/// one object. An error that names both codes. (Account numbers are numbers, and their names
/// are Sif's own, so the chart cannot collide this way.)
fn sie_code_collisions(fund: &Fund) -> Vec<Issue> {
    use crate::ledger::cp437::to_sie_text;
    let mut out = Vec::new();
    let mut check = |codes: &mut dyn Iterator<Item = (usize, &str)>,
                     location: fn(usize) -> Location,
                     list: CodeList| {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for (i, code) in codes {
            // A code SIE cannot write at all is the export's own error.
            let Ok(written) = to_sie_text(code) else {
                continue;
            };
            match seen.get(written.as_str()) {
                // The very same code twice is the duplicate-code error.
                Some(&first) if first != code => out.push(issue(
                    Severity::Error,
                    location(i),
                    format!(
                        "{}[{}].code",
                        match list {
                            CodeList::Actors => "actors",
                            CodeList::Initiatives => "initiatives",
                        },
                        shown(&label(code, i))
                    ),
                    IssueKind::SieCollision {
                        list,
                        first: first.to_string(),
                        code: code.to_string(),
                        written: written.clone(),
                    },
                )),
                Some(_) => {}
                None => {
                    seen.insert(written, code);
                }
            }
        }
    };
    check(
        &mut fund.actors.iter().map(|a| a.code.as_str()).enumerate(),
        Location::Actor,
        CodeList::Actors,
    );
    check(
        &mut fund.initiatives.iter().map(|i| i.code.as_str()).enumerate(),
        Location::Initiative,
        CodeList::Initiatives,
    );
    out
}
