//! Validation of a loaded fund (SPEC §3.1).
//!
//! Errors block the computations and exports; warnings are shown but do not block. Every
//! problem carries a path a person can follow (`initiatives[P101].costs[2].year`, rows counted
//! from 1 as in the file), a [`Location`] the app can take the user to, and a sentence in
//! Swedish and in English.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::engine::{self, Options};
use crate::model::{ActorKind, FORMAT_VERSION, Fund, FundingModel, Repayment, Status, parse_date};
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    pub location: Location,
    /// A path into the file, such as `initiatives[P101].costs[2].year`.
    pub path: String,
    pub sv: String,
    pub en: String,
}

impl Issue {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn message(&self, swedish: bool) -> &str {
        if swedish { &self.sv } else { &self.en }
    }
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.severity {
            Severity::Error => "fel / error",
            Severity::Warning => "varning / warning",
        };
        write!(f, "{kind}: {}: {} / {}", self.path, self.sv, self.en)
    }
}

/// The result of validating a fund: errors first, then warnings, each in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
    fn push(
        &mut self,
        severity: Severity,
        location: Location,
        path: String,
        sv: String,
        en: String,
    ) {
        self.issues.push(Issue {
            severity,
            location,
            path,
            sv,
            en,
        });
    }

    fn error(
        &mut self,
        location: Location,
        path: impl Into<String>,
        sv: impl Into<String>,
        en: impl Into<String>,
    ) {
        self.push(Severity::Error, location, path.into(), sv.into(), en.into());
    }

    fn warning(
        &mut self,
        location: Location,
        path: impl Into<String>,
        sv: impl Into<String>,
        en: impl Into<String>,
    ) {
        self.push(
            Severity::Warning,
            location,
            path.into(),
            sv.into(),
            en.into(),
        );
    }

    fn year(&mut self, loc: Location, path: fmt::Arguments<'_>, year: i32) {
        // A horizon that is itself wrong has its own error; years are not judged against it.
        let horizon_valid =
            (1900..=2200).contains(&self.fund.first_year) && (1..=60).contains(&self.fund.years);
        if horizon_valid && !self.fund.in_horizon(year) {
            let (a, b) = (self.fund.first_year, self.fund.last_year());
            self.error(
                loc,
                path.to_string(),
                format!("året {year} ligger utanför fondens period {a}–{b}"),
                format!("the year {year} is outside the fund's horizon {a}–{b}"),
            );
        }
    }

    fn amount(&mut self, loc: Location, path: fmt::Arguments<'_>, m: Money) {
        if m.0 < 0 {
            self.error(
                loc,
                path.to_string(),
                "beloppet får inte vara negativt (ett uttag anges som Release)",
                "the amount must not be negative (a withdrawal is a Release)",
            );
        } else {
            self.limit(loc, path, m);
        }
    }

    fn limit(&mut self, loc: Location, path: fmt::Arguments<'_>, m: Money) {
        if m.0.unsigned_abs() > MAX_AMOUNT as u64 {
            self.error(
                loc,
                path.to_string(),
                "beloppet är större än 1 000 000 000 000 kr, gränsen för ett belopp",
                "the amount is larger than SEK 1,000,000,000,000, the limit for one amount",
            );
        }
    }

    fn percent(&mut self, loc: Location, path: fmt::Arguments<'_>, value: i32, max: i32) {
        if !(0..=max).contains(&value) {
            self.error(
                loc,
                path.to_string(),
                format!("{value} % ligger utanför 0–{max} %"),
                format!("{value} % is outside 0–{max} %"),
            );
        }
    }

    /// An actor reference: known, and a committee where `committee` is required.
    fn actor(
        &mut self,
        loc: Location,
        path: fmt::Arguments<'_>,
        code: &str,
        committee: bool,
        role_sv: &str,
        role_en: &str,
    ) {
        let Some(&kind) = self.actor_kinds.get(code) else {
            self.error(
                loc,
                path.to_string(),
                format!("aktören ”{code}” finns inte bland fondens aktörer"),
                format!("the actor “{code}” is not one of the fund's actors"),
            );
            return;
        };
        if committee && kind != ActorKind::Committee {
            self.error(
                loc,
                path.to_string(),
                format!("{role_sv} måste vara en nämnd, men ”{code}” är en extern part"),
                format!("the {role_en} must be a committee, but “{code}” is an external party"),
            );
        }
    }

    fn not_empty(
        &mut self,
        loc: Location,
        path: fmt::Arguments<'_>,
        value: &str,
        what_sv: &str,
        what_en: &str,
    ) {
        if value.trim().is_empty() {
            self.error(
                loc,
                path.to_string(),
                format!("{what_sv} får inte vara tom"),
                format!("the {what_en} must not be empty"),
            );
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
            format!(
                "filformat {} stöds inte; Sif läser format {FORMAT_VERSION}",
                fund.format
            ),
            format!(
                "file format {} is not supported; Sif reads format {FORMAT_VERSION}",
                fund.format
            ),
        );
    }
    c.not_empty(
        f,
        format_args!("name"),
        &fund.name,
        "fondens namn",
        "fund's name",
    );
    c.not_empty(
        f,
        format_args!("organisation"),
        &fund.organisation,
        "organisationens namn",
        "organisation's name",
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
                format!("organisationsnumret ”{org}” har inte formen NNNNNN-NNNN"),
                format!("the organisation number “{org}” is not of the form NNNNNN-NNNN"),
            );
        }
    }
    if !(1..=60).contains(&fund.years) {
        c.error(
            f,
            "years",
            format!("perioden är {} år; den ska vara 1–60 år", fund.years),
            format!("the horizon is {} years; it must be 1–60 years", fund.years),
        );
    }
    if !(1900..=2200).contains(&fund.first_year) {
        c.error(
            f,
            "first_year",
            format!(
                "första året {} är inte rimligt (1900–2200)",
                fund.first_year
            ),
            format!(
                "the first year {} is not plausible (1900–2200)",
                fund.first_year
            ),
        );
    }
    if !fund.discount_rate.is_finite() || !(0.0..=20.0).contains(&fund.discount_rate) {
        c.error(
            f,
            "discount_rate",
            format!(
                "diskonteringsräntan {} % ligger utanför 0–20 %",
                crate::text::decimal(fund.discount_rate).replace('.', ",")
            ),
            format!(
                "the discount rate {} % is outside 0–20 %",
                crate::text::decimal(fund.discount_rate)
            ),
        );
    }
    c.actor(
        f,
        format_args!("holder"),
        &fund.holder,
        true,
        "fondens förvaltare",
        "fund holder",
    );
    if let Some(closed) = fund.closed_through {
        c.year(f, format_args!("closed_through"), closed);
    }

    // Actors.
    let mut seen = HashSet::new();
    for (i, a) in fund.actors.iter().enumerate() {
        let loc = Location::Actor(i);
        let path = format!("actors[{}]", label(&a.code, i));
        c.not_empty(
            loc,
            format_args!("{path}.code"),
            &a.code,
            "aktörens kod",
            "actor's code",
        );
        c.not_empty(
            loc,
            format_args!("{path}.name"),
            &a.name,
            "aktörens namn",
            "actor's name",
        );
        if !a.code.is_empty() && !seen.insert(a.code.as_str()) {
            c.error(
                loc,
                format!("{path}.code"),
                format!("aktörskoden ”{}” förekommer mer än en gång", a.code),
                format!("the actor code “{}” appears more than once", a.code),
            );
        }
    }

    // Capital.
    for (i, ev) in fund.capital.iter().enumerate() {
        let loc = Location::Capital(i);
        let path = format!("capital[{}]", i + 1);
        match parse_date(&ev.date) {
            Some((y, _, _)) => c.year(loc, format_args!("{path}.date"), y),
            None => c.error(
                loc,
                format!("{path}.date"),
                format!("”{}” är inget datum på formen ÅÅÅÅ-MM-DD", ev.date),
                format!("“{}” is not a date of the form YYYY-MM-DD", ev.date),
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
            "insatsens kod",
            "initiative's code",
        );
        c.not_empty(
            loc,
            format_args!("{p}.name"),
            &ini.name,
            "insatsens namn",
            "initiative's name",
        );
        if !ini.code.is_empty() && !seen.insert(ini.code.as_str()) {
            c.error(
                loc,
                format!("{p}.code"),
                format!("insatskoden ”{}” förekommer mer än en gång", ini.code),
                format!("the initiative code “{}” appears more than once", ini.code),
            );
        }
        c.actor(
            loc,
            format_args!("{p}.owner"),
            &ini.owner,
            true,
            "ägaren",
            "owner",
        );
        match (ini.status, ini.ended) {
            (Status::Terminated, Some(e)) => c.year(loc, format_args!("{p}.ended"), e),
            (Status::Terminated, None) => c.warning(
                loc,
                format!("{p}.ended"),
                "insatsen är avbruten men saknar slutår; inga kostnader eller besparingar tas bort",
                "the initiative is terminated but has no end year; no costs or savings are dropped",
            ),
            (_, Some(_)) => c.warning(
                loc,
                format!("{p}.ended"),
                "slutåret gäller bara avbrutna insatser och används inte",
                "the end year applies only to terminated initiatives and is not used",
            ),
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
            c.actor(loc, format_args!("{rp}.actor"), &row.actor, false, "", "");
            c.year(loc, format_args!("{rp}.from"), row.from);
            c.year(loc, format_args!("{rp}.to"), row.to);
            if row.from > row.to {
                c.error(
                    loc,
                    format!("{rp}.from"),
                    format!("från-året {} ligger efter till-året {}", row.from, row.to),
                    format!("the from year {} is after the to year {}", row.from, row.to),
                );
            }
            c.amount(loc, format_args!("{rp}.amount"), row.amount);
            c.percent(loc, format_args!("{rp}.deadweight"), row.deadweight, 100);
            c.percent(loc, format_args!("{rp}.attribution"), row.attribution, 100);
            c.percent(loc, format_args!("{rp}.drop_off"), row.drop_off, 100);
            c.percent(
                loc,
                format_args!("{rp}.optimism_bias"),
                row.optimism_bias,
                100,
            );
            c.percent(loc, format_args!("{rp}.low"), row.low, 100);
            if !(100..=300).contains(&row.high) {
                c.error(
                    loc,
                    format!("{rp}.high"),
                    format!("{} % ligger utanför 100–300 %", row.high),
                    format!("{} % is outside 100–300 %", row.high),
                );
            }
        }
        match &ini.repayment {
            Repayment::Grant => {}
            Repayment::Fixed {
                share,
                start,
                instalments,
                payers,
            } => {
                let rp = format!("{p}.repayment");
                c.percent(loc, format_args!("{rp}.share"), *share, 100);
                c.year(loc, format_args!("{rp}.start"), *start);
                if *instalments < 1 {
                    c.error(
                        loc,
                        format!("{rp}.instalments"),
                        format!("antalet delbetalningar är {instalments}; det måste vara minst 1"),
                        format!(
                            "the number of instalments is {instalments}; it must be at least 1"
                        ),
                    );
                } else if *instalments > 100 {
                    c.error(
                        loc,
                        format!("{rp}.instalments"),
                        format!("antalet delbetalningar är {instalments}; högst 100 tillåts"),
                        format!(
                            "the number of instalments is {instalments}; at most 100 are allowed"
                        ),
                    );
                }
                let mut sum: i64 = 0;
                for (k, payer) in payers.iter().enumerate() {
                    let pp = format!("{rp}.payers[{}]", k + 1);
                    c.actor(
                        loc,
                        format_args!("{pp}.actor"),
                        &payer.actor,
                        true,
                        "återbetalaren",
                        "payer",
                    );
                    if payer.weight < 0 {
                        c.error(
                            loc,
                            format!("{pp}.weight"),
                            "vikten får inte vara negativ",
                            "the weight must not be negative",
                        );
                    }
                    sum += i64::from(payer.weight);
                }
                if sum != 100 {
                    c.error(
                        loc,
                        format!("{rp}.payers"),
                        format!(
                            "återbetalarnas vikter summerar till {sum}; de ska summera till 100"
                        ),
                        format!("the payers' weights sum to {sum}; they must sum to 100"),
                    );
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
            if !fund.is_closed(act.year) {
                c.error(
                    loc,
                    format!("{ap}.year"),
                    format!(
                        "utfall för {} men året är inte stängt (closed_through)",
                        act.year
                    ),
                    format!(
                        "actual figures for {} but the year is not closed (closed_through)",
                        act.year
                    ),
                );
            }
            if !years.insert(act.year) {
                c.error(
                    loc,
                    format!("{ap}.year"),
                    format!("utfall för {} finns redan på en tidigare rad", act.year),
                    format!(
                        "actual figures for {} are already on an earlier row",
                        act.year
                    ),
                );
            }
            c.amount(loc, format_args!("{ap}.fund"), act.fund);
            for (j, r) in act.repaid.iter().enumerate() {
                let rp = format!("{ap}.repaid[{}]", j + 1);
                c.actor(
                    loc,
                    format_args!("{rp}.actor"),
                    &r.actor,
                    true,
                    "återbetalaren",
                    "payer",
                );
                c.amount(loc, format_args!("{rp}.amount"), r.amount);
            }
        }
    }

    // Scenarios.
    let mut seen = HashSet::new();
    for (i, s) in fund.scenarios.iter().enumerate() {
        let loc = Location::Scenario(i);
        let p = format!("scenarios[{}]", label(&s.name, i));
        c.not_empty(
            loc,
            format_args!("{p}.name"),
            &s.name,
            "scenariots namn",
            "scenario's name",
        );
        if !seen.insert(s.name.as_str()) {
            c.error(
                loc,
                format!("{p}.name"),
                format!("scenariot ”{}” finns redan", s.name),
                format!("the scenario “{}” already exists", s.name),
            );
        }
        if s.name.eq_ignore_ascii_case("base") {
            c.error(
                loc,
                format!("{p}.name"),
                "namnet ”base” är reserverat för grundscenariot",
                "the name “base” is reserved for the base scenario",
            );
        }
        c.percent(
            loc,
            format_args!("{p}.savings_factor"),
            s.savings_factor,
            1000,
        );
        c.percent(loc, format_args!("{p}.cost_factor"), s.cost_factor, 1000);
        if !(0..=20).contains(&s.delay) {
            c.error(
                loc,
                format!("{p}.delay"),
                format!("förskjutningen {} år ligger utanför 0–20 år", s.delay),
                format!("the delay of {} years is outside 0–20 years", s.delay),
            );
        }
    }

    // Budget inputs.
    let mut years = HashSet::new();
    for (i, b) in fund.budget.iter().enumerate() {
        let loc = Location::Budget(i);
        let p = format!("budget[{}]", b.year);
        c.year(loc, format_args!("{p}.year"), b.year);
        if !years.insert(b.year) {
            c.error(
                loc,
                format!("{p}.year"),
                format!("budgetåret {} förekommer mer än en gång", b.year),
                format!("the budget year {} appears more than once", b.year),
            );
        }
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
                "synnerliga skäl måste motiveras: skriv beslutet (t.ex. ”KF 2026-04-20 § 41”) i anteckningen",
                "special reasons (synnerliga skäl) must be justified: write the decision (e.g. “KF 2026-04-20 § 41”) in the note",
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
                format!(
                    "ett underskott från {} kan inte föras in: bara underskott från {lo}–{hi} (de tre åren före {}) är kvar att återställa",
                    d.year, fund.first_year
                ),
                format!(
                    "a deficit from {} cannot be carried in: only deficits from {lo}–{hi} (the three years before {}) are still to restore",
                    d.year, fund.first_year
                ),
            );
        }
        if d.amount.0 <= 0 {
            c.error(
                f,
                format!("{p}.amount"),
                "ett underskott att återställa måste vara större än 0 kr",
                "a deficit to restore must be larger than SEK 0",
            );
        } else {
            c.limit(f, format_args!("{p}.amount"), d.amount);
        }
        if !years.insert(d.year) {
            c.error(
                f,
                format!("{p}.year"),
                format!("underskottet från {} förekommer mer än en gång", d.year),
                format!("the deficit from {} appears more than once", d.year),
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
                format!(
                    "en diskonteringsperiod börjar tidigast år 1 efter första året, inte {}",
                    band.from_year
                ),
                format!(
                    "a discount band starts at year 1 after the first year at the earliest, not {}",
                    band.from_year
                ),
            );
        }
        if !seen_from.insert(band.from_year) {
            c.error(
                f,
                format!("{p}.from_year"),
                format!(
                    "två diskonteringsperioder börjar år {}; ta bort den ena",
                    band.from_year
                ),
                format!(
                    "two discount bands start in year {}; remove one",
                    band.from_year
                ),
            );
        }
        if !band.rate.is_finite() || !(0.0..=20.0).contains(&band.rate) {
            c.error(
                f,
                format!("{p}.rate"),
                format!(
                    "diskonteringsräntan {} % ligger utanför 0–20 %",
                    shown_rate(band.rate)
                ),
                format!(
                    "the discount rate {} % is outside 0–20 %",
                    shown_rate(band.rate)
                ),
            );
        }
    }

    // Accounts.
    let series = &fund.accounts.voucher_series;
    if series.trim().is_empty() || series.chars().any(|ch| ch.is_whitespace() || ch == '"') {
        c.error(
            f,
            "accounts.voucher_series",
            format!(
                "verifikationsserien ”{series}” duger inte: den får inte vara tom eller innehålla mellanslag eller citattecken"
            ),
            format!(
                "the voucher series “{series}” cannot be used: it must not be empty or contain spaces or quotes"
            ),
        );
    }
    if fund.format >= 2 && fund.accounts.format1_bank.is_some() {
        c.error(
            f,
            "accounts.bank",
            "fältet bank finns inte i filformat 2: fondens bokföring bokar inte banken; ta bort raden",
            "the field bank does not exist in file format 2: the fund's ledger does not book the bank; remove the line",
        );
    }

    let mut issues = c.issues;
    issues.extend(hidden_control_issues(fund));
    issues.extend(sie_code_collisions(fund));
    // Errors first; the sort is stable, so file order is kept within each severity.
    issues.sort_by_key(|i| i.severity);
    Report { issues }
}

/// A rate as a person reads it: never "-0", never hundreds of digits.
fn shown_rate(rate: f64) -> String {
    if !rate.is_finite() {
        return rate.to_string();
    }
    if rate.abs() >= 1e6 {
        return format!("{rate:.3e}");
    }
    let r = (rate * 1000.0).round() / 1000.0;
    let r = if r == 0.0 { 0.0 } else { r };
    r.to_string()
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
    use crate::money::{format_en_kr, format_sv_kr};
    let mut out = Vec::new();
    let too_large = || Issue {
        severity: Severity::Error,
        location: Location::Fund,
        path: "initiatives".to_string(),
        sv: "fondens summor blir för stora för att räkna med; minska beloppen".to_string(),
        en: "the fund's sums become too large to compute; reduce the amounts".to_string(),
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
    let sv = format_sv_kr;
    let en = format_en_kr;
    for y in &base.statement {
        if y.unfunded.0 > 0 {
            let (sv_text, en_text) = match fund.model {
                FundingModel::EarmarkedEquity => (
                    format!(
                        "fonden räcker inte år {}: av utbetalningarna {} kan fonden betala {}; {} belastar det fria egna kapitalet",
                        y.year,
                        sv(y.disbursed),
                        sv(y.fund_used),
                        sv(y.unfunded)
                    ),
                    format!(
                        "the fund is not enough in {}: of the disbursements of {} the fund can pay {}; {} burdens free equity",
                        y.year,
                        en(y.disbursed),
                        en(y.fund_used),
                        en(y.unfunded)
                    ),
                ),
                FundingModel::AnnualAppropriation => (
                    format!(
                        "årets anslag {} räcker inte: utbetalningarna överskrider det med {}",
                        y.year,
                        sv(y.unfunded)
                    ),
                    format!(
                        "the pot for {} is overspent: disbursements exceed it by {}",
                        y.year,
                        en(y.unfunded)
                    ),
                ),
            };
            out.push(Issue {
                severity: Severity::Warning,
                location: Location::Fund,
                path: format!("statement[{}].unfunded", y.year),
                sv: sv_text,
                en: en_text,
            });
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
        out.push(Issue {
            severity: Severity::Warning,
            location: Location::Fund,
            path: format!("statement[{}].uncommitted", y.year),
            sv: format!(
                "fonden är överintecknad från {}: senare års utbetalningar ({}) är större än saldot ({}) med {}",
                y.year,
                sv(y.committed),
                sv(y.closing),
                sv(Money(y.uncommitted.0.saturating_neg()))
            ),
            en: format!(
                "the fund is over-committed from {}: later years' disbursements ({}) exceed the balance ({}) by {}",
                y.year,
                en(y.committed),
                en(y.closing),
                en(Money(y.uncommitted.0.saturating_neg()))
            ),
        });
    }
    out.extend(reconciliation_warnings(fund, &base));
    for (i, ini) in fund.initiatives.iter().enumerate() {
        let loc = Location::Initiative(i);
        let path = format!("initiatives[{}]", label(&ini.code, i));
        if !ini.savings.iter().any(|s| s.amount.0 > 0) {
            out.push(Issue {
                severity: Severity::Warning,
                location: loc,
                path: format!("{path}.savings"),
                sv: "insatsen har inga förväntade besparingar".to_string(),
                en: "the initiative has no expected savings".to_string(),
            });
        }
        let mut no_cashable = false;
        if let Repayment::FromSavings { .. } = ini.repayment {
            let has_cashable_committee = ini
                .savings
                .iter()
                .any(|s| s.cashable && s.amount.0 > 0 && committees.contains(s.actor.as_str()));
            if !has_cashable_committee {
                no_cashable = true;
                out.push(Issue {
                    severity: Severity::Warning,
                    location: loc,
                    path: format!("{path}.repayment"),
                    sv: "återföring ur besparingar, men ingen nämnd har kontantmässiga besparingar att betala ur".to_string(),
                    en: "repayment from savings, but no committee has cashable savings to repay from".to_string(),
                });
            }
        }
        let Some(proj) = all.initiative(i) else {
            continue;
        };
        // Without cashable savings nothing is ever repaid; the warning above says why, and a
        // second one about the outstanding amount would only repeat it.
        if proj.outstanding.0 > 0 && !no_cashable {
            out.push(Issue {
                severity: Severity::Warning,
                location: loc,
                path: format!("{path}.repayment"),
                sv: format!(
                    "återföringen blir inte klar inom perioden; {} återstår",
                    format_sv_kr(proj.outstanding)
                ),
                en: format!(
                    "the repayment will not be complete within the horizon; {} remains outstanding",
                    format_en_kr(proj.outstanding)
                ),
            });
        }
        for flow in &proj.repayments {
            let arrears = flow.arrears(all.closed_years);
            if arrears.0 > 0 {
                let actor = &fund.actors[flow.actor].code;
                let (kind_sv, kind_en) = match ini.repayment {
                    Repayment::FromSavings { .. } => (
                        "förs in i planen för senare år, upp till taket, och ska inte betalas därutöver",
                        "carried into the plan of later years, up to the cap, and not owed on top",
                    ),
                    _ => (
                        "ska betalas utöver planen, som inte ändras",
                        "owed in addition to the plan, which does not change",
                    ),
                };
                out.push(Issue {
                    severity: Severity::Warning,
                    location: loc,
                    path: format!("{path}.actuals"),
                    sv: format!(
                        "{actor} har betalat {} mindre än planerat under stängda år (eftersläpning; {kind_sv})",
                        format_sv_kr(arrears)
                    ),
                    en: format!(
                        "{actor} has repaid {} less than planned in closed years (arrears; {kind_en})",
                        format_en_kr(arrears)
                    ),
                });
            }
        }
    }
    out.extend(coverage_warnings(fund, all));
    out
}

/// The reconciliation's warnings (SPEC §3.1, §5), from the base projection.
fn reconciliation_warnings(fund: &Fund, base: &engine::Projection) -> Vec<Issue> {
    use crate::money::{format_en_kr as en, format_sv_kr as sv};
    let mut out = Vec::new();
    // A deficit is warned about in the year it turns overdue, not again every year after.
    let mut overdue_before = Money::ZERO;
    let warn = |out: &mut Vec<Issue>, year: i32, field: &str, sv_text: String, en_text: String| {
        let location = fund
            .budget
            .iter()
            .position(|b| b.year == year)
            .map_or(Location::Fund, Location::Budget);
        out.push(Issue {
            severity: Severity::Warning,
            location,
            path: format!("budget[{year}].{field}"),
            sv: sv_text,
            en: en_text,
        });
    };
    for r in &base.reconciliation {
        let year = r.year;
        if !fund.is_closed(year) && r.current.balance_result.0 < 0 {
            warn(
                &mut out,
                year,
                "result_before_fund",
                format!(
                    "budgeten för {year} är inte i balans: balanskravsresultatet enligt gällande rätt är {} (KL 11 kap. 5 §)",
                    sv(r.current.balance_result)
                ),
                format!(
                    "the budget for {year} is not balanced: the balanced-budget result under current law is {} (KL 11 kap. 5 §)",
                    en(r.current.balance_result)
                ),
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
                format!(
                    "{} av balanskravsunderskotten har inte återställts inom tre år och är försenade {year} (KL 11 kap. 12 §)",
                    sv(r.current.restoration.overdue)
                ),
                format!(
                    "{} of the balanced-budget deficits has not been restored within three years and is overdue in {year} (KL 11 kap. 12 §)",
                    en(r.current.restoration.overdue)
                ),
            );
        }
        let before_use = r.adjusted_result.0.saturating_sub(r.reserve_reservation.0);
        let covers = Money(before_use.saturating_neg().max(0));
        if r.reserve_use > covers {
            warn(
                &mut out,
                year,
                "reserve_use",
                format!(
                    "disponeringen från resultatreserven {year} ({}) är större än underskottet den ska täcka ({}): en reserv får bara täcka ett underskott",
                    sv(r.reserve_use),
                    sv(covers)
                ),
                format!(
                    "the use of the result reserve in {year} ({}) is larger than the deficit it covers ({}): a reserve may only cover a deficit",
                    en(r.reserve_use),
                    en(covers)
                ),
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
                    format!(
                        "reserveringen till resultatreserven {year} ({}) är större än den del av resultatet som överstiger 1 % av skatteintäkter och statsbidrag ({}); är det egna kapitalet inklusive pensionsförpliktelser negativt gäller 2 % ({})",
                        sv(r.reserve_reservation),
                        sv(room),
                        sv(room2)
                    ),
                    format!(
                        "the reservation to the result reserve in {year} ({}) is larger than the part of the result above 1 % of tax revenue and state grants ({}); when equity including pension commitments is negative, 2 % applies ({})",
                        en(r.reserve_reservation),
                        en(room),
                        en(room2)
                    ),
                );
            }
        }
        let deficit = Money(r.after_reserves().0.saturating_neg().max(0));
        if r.special_reasons > deficit {
            warn(
                &mut out,
                year,
                "special_reasons",
                format!(
                    "synnerliga skäl {year} ({}) är mer än underskottet ({}): bara {} räknas",
                    sv(r.special_reasons),
                    sv(deficit),
                    sv(r.current.special_reasons_applied)
                ),
                format!(
                    "the special reasons in {year} ({}) are more than the deficit ({}): only {} counts",
                    en(r.special_reasons),
                    en(deficit),
                    en(r.current.special_reasons_applied)
                ),
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
    use crate::money::{format_en_kr as en, format_sv_kr as sv};
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
            out.push(Issue {
                severity: Severity::Warning,
                location: Location::Initiative(ip.index),
                path: format!("initiatives[{}].repayment", label(&ini.code, ip.index)),
                sv: format!(
                    "{}:s {}kontantmässiga besparingar av insatsen{} räcker inte till de återföringar nämnden ska göra: av planerade {} täcks {}, och {} får nämnden ta ur sin övriga budget; se över återföringsavtalet",
                    c.actor,
                    if adjusted { "justerade " } else { "" },
                    if adjusted {
                        " (efter dödvikt, tillskrivning, avtagande effekt och optimismjustering)"
                    } else {
                        ""
                    },
                    sv(c.planned),
                    sv(c.covered),
                    sv(c.shortfall)
                ),
                en: format!(
                    "{}'s {}cashable savings from the initiative{} do not cover the repayments it is to make: of {} planned, {} is covered and {} must come from the rest of the committee's budget; review the repayment agreement",
                    c.actor,
                    if adjusted { "adjusted " } else { "" },
                    if adjusted {
                        " (after deadweight, attribution, drop-off and optimism bias)"
                    } else {
                        ""
                    },
                    en(c.planned),
                    en(c.covered),
                    en(c.shortfall)
                ),
            });
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
    let mut out = Vec::new();
    let first = |text: &str, layout_ok: bool| {
        text.chars()
            .find(|&c| is_hidden_control(c) && !(layout_ok && (c == '\n' || c == '\t')))
    };
    let mut check = |location: Location, path: String, text: &str, code: bool, layout: bool| {
        let Some(c) = first(text, layout) else {
            return;
        };
        let c = format!("\\u{{{:x}}}", u32::from(c));
        let (severity, sv, en) = if code {
            (
                Severity::Error,
                format!(
                    "koden ”{}” innehåller ett styrtecken eller en riktningsmarkering ({c}); en kod får bara ha synliga tecken",
                    shown(text)
                ),
                format!(
                    "the code “{}” holds a control character or a direction mark ({c}); a code may hold only visible characters",
                    shown(text)
                ),
            )
        } else {
            (
                Severity::Warning,
                format!(
                    "texten ”{}” innehåller ett osynligt styrtecken eller en riktningsmarkering ({c}); ta bort det",
                    shown(text)
                ),
                format!(
                    "the text “{}” holds an invisible control character or direction mark ({c}); remove it",
                    shown(text)
                ),
            )
        };
        out.push(Issue {
            severity,
            location,
            path,
            sv,
            en,
        });
    };
    let f = Location::Fund;
    check(f, "name".into(), &fund.name, false, false);
    check(f, "organisation".into(), &fund.organisation, false, false);
    if let Some(org) = &fund.org_number {
        check(f, "org_number".into(), org, false, false);
    }
    for (i, a) in fund.actors.iter().enumerate() {
        let p = format!("actors[{}]", shown(&label(&a.code, i)));
        check(
            Location::Actor(i),
            format!("{p}.code"),
            &a.code,
            true,
            false,
        );
        check(
            Location::Actor(i),
            format!("{p}.name"),
            &a.name,
            false,
            false,
        );
    }
    for (i, ev) in fund.capital.iter().enumerate() {
        let p = format!("capital[{}]", i + 1);
        check(
            Location::Capital(i),
            format!("{p}.note"),
            &ev.note,
            false,
            true,
        );
    }
    for (i, ini) in fund.initiatives.iter().enumerate() {
        let loc = Location::Initiative(i);
        let p = format!("initiatives[{}]", shown(&label(&ini.code, i)));
        check(loc, format!("{p}.code"), &ini.code, true, false);
        check(loc, format!("{p}.name"), &ini.name, false, false);
        check(loc, format!("{p}.note"), &ini.note, false, true);
        for (k, act) in ini.actuals.iter().enumerate() {
            check(
                loc,
                format!("{p}.actuals[{}].source", k + 1),
                &act.source,
                false,
                false,
            );
        }
    }
    for (i, b) in fund.budget.iter().enumerate() {
        check(
            Location::Budget(i),
            format!("budget[{}].special_reasons_note", b.year),
            &b.special_reasons_note,
            false,
            true,
        );
    }
    for (i, sc) in fund.scenarios.iter().enumerate() {
        let p = format!("scenarios[{}]", shown(&label(&sc.name, i)));
        check(
            Location::Scenario(i),
            format!("{p}.name"),
            &sc.name,
            false,
            false,
        );
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
                     list: &str,
                     what_sv: &str,
                     what_en: &str| {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for (i, code) in codes {
            // A code SIE cannot write at all is the export's own error.
            let Ok(written) = to_sie_text(code) else {
                continue;
            };
            match seen.get(written.as_str()) {
                // The very same code twice is the duplicate-code error.
                Some(&first) if first != code => out.push(Issue {
                    severity: Severity::Error,
                    location: location(i),
                    path: format!("{list}[{}].code", shown(&label(code, i))),
                    sv: format!(
                        "{what_sv} ”{}” och ”{}” skrivs likadant i SIE (”{}”) och skulle bli ett och samma objekt; ändra den ena",
                        shown(first),
                        shown(code),
                        shown(&written)
                    ),
                    en: format!(
                        "the {what_en} “{}” and “{}” are written alike in SIE (“{}”) and would become one object; change one of them",
                        shown(first),
                        shown(code),
                        shown(&written)
                    ),
                }),
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
        "actors",
        "aktörskoderna",
        "actor codes",
    );
    check(
        &mut fund.initiatives.iter().map(|i| i.code.as_str()).enumerate(),
        Location::Initiative,
        "initiatives",
        "insatskoderna",
        "initiative codes",
    );
    out
}
