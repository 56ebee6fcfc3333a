//! The report's sections, in the order a finance officer reads them: the cover with the figures
//! at a glance, the assumptions, the fund statement, the balanced-budget reconciliation, the
//! repayment schedule, the appraisal and who pays and who gains.

use super::svg::{self, Chart, Series};
use super::text::{self, ReportText};
use super::{Lang, ReportMeta, escape as e};
use crate::engine::Projection;
use crate::figures::lines;
use crate::model::{CapitalKind, Fund, FundingModel, Initiative, Repayment, Scenario, Status};
use crate::money::{Money, Overflow};
use crate::validate;

/// How many of the file check's warnings the cover lists; the rest go to section 7.
const COVER_WARNINGS: usize = 5;

const BLUE: &str = "#1f4e79";
const ORANGE: &str = "#c55a11";
const LIGHT_BLUE: &str = "#7fa7cf";
const RED: &str = "#b23b3b";
const GREEN: &str = "#2e7d32";

pub(super) struct Report<'a> {
    fund: &'a Fund,
    p: &'a Projection,
    meta: &'a ReportMeta,
    lang: Lang,
    scenario: Scenario,
    out: String,
}

/// Key attributes that locate a figure: (`year`, "2030"), (`initiative`, "P101") …
type Keys<'k> = [(&'k str, String)];

impl<'a> Report<'a> {
    pub(super) fn new(fund: &'a Fund, p: &'a Projection, meta: &'a ReportMeta) -> Self {
        let scenario = fund
            .scenario(&p.scenario)
            .cloned()
            .unwrap_or_else(Scenario::base);
        Report {
            fund,
            p,
            meta,
            lang: meta.lang,
            scenario,
            out: String::with_capacity(64 * 1024),
        }
    }

    pub(super) fn render(mut self) -> Result<String, Overflow> {
        self.head();
        self.cover()?;
        self.assumptions()?;
        self.statement();
        self.reconciliation();
        self.schedule()?;
        self.appraisal();
        self.who_gains()?;
        self.all_warnings();
        self.out.push_str("</body>\n</html>\n");
        Ok(self.out)
    }

    // ---- small helpers -------------------------------------------------------------------

    fn t(&self, key: ReportText) -> &'static str {
        self.lang.t(key)
    }

    /// A table of facts, one (label, value, field) a row, its cells marked as `table`.
    fn facts(&mut self, class: &str, table: &str, rows: &[(&str, String, &str)]) {
        self.out
            .push_str(&format!("<table class=\"{class}\"><tbody>"));
        for (k, v, field) in rows {
            self.out.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td data-table=\"{table}\" data-field=\"{field}\">{}</td></tr>",
                e(k),
                e(v)
            ));
        }
        self.push("</tbody></table>");
    }

    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn m(&self, m: Money) -> String {
        self.lang.money(m)
    }

    fn is_closed(&self, year: i32) -> bool {
        self.p
            .year_index(year)
            .is_some_and(|i| i < self.p.closed_years)
    }

    fn scenario_name(&self) -> String {
        if self.p.scenario == "base" {
            self.t(ReportText::BaseScenario).to_string()
        } else {
            self.p.scenario.clone()
        }
    }

    /// "Socialnämnden (SN)", or the bare code for an actor the fund does not list.
    fn actor_label(&self, code: &str) -> String {
        match self.fund.actor(code) {
            Some(a) => format!("{} ({})", a.name, a.code),
            None => code.to_string(),
        }
    }

    fn actor_cell(&self, code: &str) -> String {
        match self.fund.actor(code) {
            Some(a) => format!("{} <span class=\"code\">{}</span>", e(&a.name), e(&a.code)),
            None => e(code),
        }
    }

    fn initiative_cell(&self, ini: &Initiative) -> String {
        format!(
            "<span class=\"code\">{}</span> {}",
            e(&ini.code),
            e(&ini.name)
        )
    }

    fn attrs(table: &str, keys: &Keys<'_>, field: &str) -> String {
        let mut s = format!("data-table=\"{}\"", e(table));
        for (k, v) in keys {
            s.push_str(&format!(" data-{k}=\"{}\"", e(v)));
        }
        s.push_str(&format!(" data-field=\"{}\"", e(field)));
        s
    }

    /// A right-aligned money cell, red when negative, that tests can find by its attributes.
    fn money_td(&self, m: Money, table: &str, keys: &Keys<'_>, field: &str) -> String {
        self.money_td_marked(m, false, table, keys, field)
    }

    /// A money cell shown in red when negative or when `marked`.
    fn money_td_marked(
        &self,
        m: Money,
        marked: bool,
        table: &str,
        keys: &Keys<'_>,
        field: &str,
    ) -> String {
        format!(
            "<td class=\"num{}\" {}>{}</td>",
            if m.0 < 0 || marked { " neg" } else { "" },
            Self::attrs(table, keys, field),
            e(&self.m(m))
        )
    }

    /// A right-aligned cell of other text (a ratio, a year), already formatted.
    fn text_td(
        &self,
        text: &str,
        class: &str,
        table: &str,
        keys: &Keys<'_>,
        field: &str,
    ) -> String {
        format!(
            "<td class=\"num{}{class}\" {}>{}</td>",
            if class.is_empty() { "" } else { " " },
            Self::attrs(table, keys, field),
            e(text)
        )
    }

    fn year_th(&self, year: i32) -> String {
        if self.is_closed(year) {
            format!(
                "<th scope=\"row\">{year} <span class=\"tag\">{}</span></th>",
                self.t(ReportText::Actual)
            )
        } else {
            format!("<th scope=\"row\">{year}</th>")
        }
    }

    fn thead(&mut self, cols: &[(&str, bool)]) {
        self.push("<thead><tr>");
        for (label, numeric) in cols {
            // A leading −, + or = stays with its word when the header wraps.
            let label = match label.split_once(' ') {
                Some((sign @ ("−" | "+" | "="), rest)) => format!("{sign}\u{a0}{rest}"),
                _ => label.to_string(),
            };
            self.out.push_str(&format!(
                "<th scope=\"col\"{}>{}</th>",
                if *numeric { " class=\"num\"" } else { "" },
                e(&label)
            ));
        }
        self.push("</tr></thead>");
    }

    fn section_start(&mut self, id: &str, number: usize, title: &str) {
        self.out.push_str(&format!(
            "<section class=\"sheet\" id=\"{id}\"><h2><span class=\"no\">{number}</span> {}</h2>",
            e(title)
        ));
    }

    fn para(&mut self, text: &str) {
        self.out.push_str(&format!("<p>{}</p>", e(text)));
    }

    fn proposal_badge(&self) -> String {
        format!(
            "<span class=\"proposal\">{}</span>",
            self.t(ReportText::ProposalSifsReadingOfESO)
        )
    }

    fn years_text(&self) -> String {
        format!("{}–{}", self.fund.first_year, self.fund.last_year())
    }

    fn closed_text(&self) -> String {
        match (self.p.closed_years, self.fund.closed_through) {
            (0, _) | (_, None) => self.t(ReportText::NoneEveryYearShows).to_string(),
            (_, Some(c)) => {
                let last = c.min(self.fund.last_year());
                let range = if last == self.fund.first_year {
                    last.to_string()
                } else {
                    format!("{}–{last}", self.fund.first_year)
                };
                format!(
                    "{range} ({})",
                    self.t(ReportText::ActualFiguresLaterYearsShow)
                )
            }
        }
    }

    fn scenario_summary(&self) -> String {
        let s = &self.scenario;
        if s.savings_factor == 100 && s.cost_factor == 100 && s.delay == 0 {
            return self.t(ReportText::ThePlansSavingsAndCosts).to_string();
        }
        text::scenario_summary(
            self.lang,
            &self.lang.percent(s.savings_factor),
            &self.lang.percent(s.cost_factor),
            &text::years(self.lang, s.delay),
        )
    }

    fn status_text(&self, ini: &Initiative) -> String {
        match ini.status {
            Status::Proposed => self.t(ReportText::Proposed).to_string(),
            Status::Approved => self.t(ReportText::Approved).to_string(),
            Status::Completed => self.t(ReportText::Completed).to_string(),
            Status::Terminated => match ini.ended {
                Some(y) => format!("{} {y}", self.t(ReportText::TerminatedIn)),
                None => self.t(ReportText::Terminated).to_string(),
            },
        }
    }

    fn repayment_text(&self, r: &Repayment) -> String {
        let l = self.lang;
        match r {
            Repayment::Grant => self.t(ReportText::GrantNoRepayment).to_string(),
            Repayment::Fixed(fixed) => {
                let payers: Vec<String> = fixed
                    .payers
                    .iter()
                    .map(|p| format!("{} {}", p.actor, l.percent(p.weight)))
                    .collect();
                text::fixed_repayment(l, &l.percent(fixed.share), fixed, &payers.join(", "))
            }
            Repayment::FromSavings { share, start, cap } => {
                text::from_savings_repayment(l, &l.percent(share), start, &l.percent(cap))
            }
        }
    }

    // ---- the document --------------------------------------------------------------------

    fn head(&mut self) {
        let title = format!(
            "{} – {} – {}",
            self.fund.name,
            self.t(ReportText::FundReport),
            self.scenario_name()
        );
        let css = CSS.replace("PAGE_COUNTER", self.t(ReportText::PageNumberCss));
        self.out.push_str(&format!(
            "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{lang}\" xml:lang=\"{lang}\">\n\
             <head>\n<meta charset=\"utf-8\"/>\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
             <meta name=\"generator\" content=\"Sif {version}\"/>\n\
             <title>{title}</title>\n<style>{css}</style>\n</head>\n<body>\n",
            lang = self.lang.code(),
            version = env!("CARGO_PKG_VERSION"),
            title = e(&title),
        ));
    }

    fn cover(&mut self) -> Result<(), Overflow> {
        let fund = self.fund;
        let p = self.p;
        let org = match &fund.org_number {
            Some(n) if !n.is_empty() => format!(
                "{} · {} {}",
                e(&fund.organisation),
                self.t(ReportText::OrgNo),
                e(n)
            ),
            _ => e(&fund.organisation),
        };
        self.out.push_str(&format!(
            "<header class=\"cover\" id=\"summary\"><p class=\"kicker\">{}</p><h1>{}</h1><p class=\"org\">{org}</p>",
            self.t(ReportText::ReportSocialInvestmentFund),
            e(&fund.name)
        ));

        // Where the figures come from.
        let mut rows = vec![
            (
                self.t(ReportText::Scenario),
                format!("{} ({})", self.scenario_name(), self.scenario_summary()),
                "scenario",
            ),
            (self.t(ReportText::Horizon), self.years_text(), "horizon"),
            (
                self.t(ReportText::MadeOn),
                self.meta.made_on.clone(),
                "made_on",
            ),
            (
                self.t(ReportText::FundFile),
                self.meta.source_file.clone(),
                "source_file",
            ),
            (
                self.t(ReportText::Amounts),
                self.t(ReportText::WholeSwedishKronorSEK).to_string(),
                "unit",
            ),
        ];
        if p.closed_years > 0 {
            // A follow-up report: say on the cover which years are actual figures.
            rows.insert(
                2,
                (
                    self.t(ReportText::ClosedYears),
                    self.closed_text(),
                    "closed",
                ),
            );
        }
        self.facts("facts", "cover", &rows);
        self.push("</header>");

        // At a glance.
        self.out.push_str(&format!(
            "<section id=\"at-a-glance\"><h2>{}</h2>",
            self.t(ReportText::AtAGlance)
        ));
        let st = &p.statement;
        let crate::figures::horizon::Horizon {
            capital,
            disbursed,
            repaid,
            outstanding,
            ..
        } = crate::figures::horizon::Horizon::of(p)?;
        let last = st.last().copied();
        let lowest = st
            .iter()
            .fold(None, |acc: Option<(Money, i32)>, y| match acc {
                Some((m, _)) if m <= y.uncommitted => acc,
                _ => Some((y.uncommitted, y.year)),
            });
        let last_year = fund.last_year();
        let mut kpis: Vec<(String, Money, &str)> = vec![
            (
                self.t(ReportText::CapitalIntoTheFundOver).to_string(),
                capital,
                "capital",
            ),
            (
                self.t(ReportText::PaidOutToInitiatives).to_string(),
                disbursed,
                "disbursed",
            ),
            (
                self.t(ReportText::RepaidToTheFund).to_string(),
                repaid,
                "repaid",
            ),
        ];
        if let Some(l) = last {
            let label = match fund.model {
                FundingModel::EarmarkedEquity => text::fund_balance_at_end(self.lang, last_year),
                FundingModel::AnnualAppropriation => {
                    text::appropriation_balance(self.lang, last_year)
                }
            };
            kpis.push((label, l.closing, "closing"));
        }
        if let Some((m, y)) = lowest {
            let label = text::lowest_uncommitted(self.lang, y);
            kpis.push((label, m, "lowest_uncommitted"));
        }
        kpis.push((
            text::still_due_after(self.lang, last_year),
            outstanding,
            "outstanding",
        ));
        self.push("<div class=\"kpis\">");
        for (label, m, field) in kpis {
            self.out.push_str(&format!(
                "<div class=\"kpi\"><span class=\"label\">{}</span><span class=\"value{}\" data-table=\"kpi\" data-field=\"{field}\">{}</span></div>",
                e(&label),
                if m.0 < 0 { " neg" } else { "" },
                e(&self.m(m))
            ));
        }
        self.push("</div>");

        // The balanced-budget result, in one sentence per rule set.
        let current: Vec<(i32, i32)> = p
            .reconciliation
            .iter()
            .filter_map(|y| y.current.restore_by.map(|r| (y.year, r)))
            .collect();
        let proposed: Vec<(i32, i32)> = p
            .reconciliation
            .iter()
            .filter_map(|y| y.proposed.outcome.restore_by.map(|r| (y.year, r)))
            .collect();
        let describe = |list: &[(i32, i32)], lang: Lang| -> String {
            let items: Vec<String> = list
                .iter()
                .map(|(y, r)| text::deficit_year(lang, y, r))
                .collect();
            lang.list(&items)
        };
        let current_text = if current.is_empty() {
            self.t(ReportText::UnderCurrentLawNoDeficit).to_string()
        } else {
            text::negative_under_current_law(self.lang, &describe(&current, self.lang))
        };
        let proposed_text = if proposed.is_empty() {
            self.t(ReportText::UnderTheProposalNoDeficit).to_string()
        } else {
            text::negative_under_proposal(self.lang, &describe(&proposed, self.lang))
        };
        let warn = !current.is_empty() || !proposed.is_empty();
        self.out.push_str(&format!(
            "<div class=\"callout{}\" id=\"balance-summary\"><strong>{}</strong> {} {} {}</div>",
            if warn { " warn" } else { "" },
            self.t(ReportText::BalancedBudget),
            e(&current_text),
            e(&proposed_text),
            self.proposal_badge()
        ));

        // What the file check found: the first few on the cover, all of them at the end.
        let warnings = self.warnings();
        if !warnings.is_empty() {
            self.out.push_str(&format!(
                "<h3>{}</h3><ul class=\"warnings\">",
                self.t(ReportText::PointsToNote)
            ));
            for w in warnings.iter().take(COVER_WARNINGS) {
                self.out.push_str(&format!("<li>{}</li>", e(w)));
            }
            self.push("</ul>");
            if warnings.len() > COVER_WARNINGS {
                let more = warnings.len() - COVER_WARNINGS;
                let text = text::more_warnings(self.lang, more);
                self.out
                    .push_str(&format!("<p class=\"note\">{}</p>", e(&text)));
            }
        }

        // Contents.
        let contents = [
            ("assumptions", self.t(ReportText::Assumptions)),
            ("statement", self.t(ReportText::FundStatement)),
            (
                "reconciliation",
                self.t(ReportText::BalancedBudgetReconciliation),
            ),
            ("schedule", self.t(ReportText::RepaymentSchedule)),
            ("appraisal", self.t(ReportText::SocioEconomicAppraisal)),
            ("who-gains", self.t(ReportText::WhoPaysWhoGains)),
        ];
        let warnings_listed = (warnings.len() > COVER_WARNINGS)
            .then(|| ("warnings", self.t(ReportText::PointsToNote)));
        let contents = contents.into_iter().chain(warnings_listed);
        self.out.push_str(&format!(
            "<nav class=\"contents\"><h3>{}</h3><ol>",
            self.t(ReportText::Contents)
        ));
        for (id, title) in contents {
            self.out
                .push_str(&format!("<li><a href=\"#{id}\">{}</a></li>", e(title)));
        }
        self.push("</ol></nav>");
        self.para(self.t(ReportText::AllAmountsAreInWhole));
        self.colophon();
        self.push("</section>");
        Ok(())
    }

    fn assumptions(&mut self) -> Result<(), Overflow> {
        let fund = self.fund;
        let p = self.p;
        let l = self.lang;
        // The assumptions follow the cover on the first page: they say what the figures rest on.
        self.out.push_str(&format!(
            "<section id=\"assumptions\"><h2><span class=\"no\">1</span> {}</h2>",
            e(self.t(ReportText::Assumptions))
        ));
        self.para(self.t(ReportText::TheFiguresInThisReport));

        let proposed: Vec<usize> = fund
            .initiatives
            .iter()
            .enumerate()
            .filter(|(_, i)| i.status == Status::Proposed)
            .map(|(k, _)| k)
            .collect();
        let counted_proposed = proposed.iter().any(|&k| p.initiative(k).is_some());
        let proposed_text = if proposed.is_empty() {
            self.t(ReportText::NoInitiativeHasStatusProposed)
                .to_string()
        } else if counted_proposed {
            self.t(ReportText::CountedInitiativesWithStatusProposed)
                .to_string()
        } else {
            text::proposed_not_counted(l, proposed.len())
        };
        let s = &self.scenario;
        let delay = text::years(l, s.delay);
        let model = match fund.model {
            FundingModel::EarmarkedEquity => self.t(ReportText::EarmarkedEquityTheBalanceCarries),
            FundingModel::AnnualAppropriation => self.t(ReportText::AnnualAppropriationWhat),
        };
        let rows: Vec<(&str, String, &str)> = vec![
            (
                self.t(ReportText::Scenario),
                self.scenario_name(),
                "scenario",
            ),
            (
                self.t(ReportText::SavingsCounted),
                format!(
                    "{} {}",
                    l.percent(s.savings_factor),
                    self.t(ReportText::OfThePlan)
                ),
                "savings_factor",
            ),
            (
                self.t(ReportText::CostsCounted),
                format!(
                    "{} {}",
                    l.percent(s.cost_factor),
                    self.t(ReportText::OfThePlan)
                ),
                "cost_factor",
            ),
            (self.t(ReportText::SavingsComeLater), delay, "delay"),
            (
                self.t(ReportText::ProposedInitiatives),
                proposed_text,
                "include_proposed",
            ),
            (self.t(ReportText::Funding), model.to_string(), "model"),
            (
                self.t(ReportText::Administered),
                self.actor_label(&fund.holder),
                "holder",
            ),
            (
                self.t(ReportText::DiscountRate),
                l.percent(l.decimal(fund.discount_rate)),
                "discount_rate",
            ),
            (self.t(ReportText::Horizon), self.years_text(), "horizon"),
            (
                self.t(ReportText::ClosedYears),
                self.closed_text(),
                "closed",
            ),
        ];
        self.facts("facts assumptions", "assumptions", &rows);

        // Capital.
        self.out.push_str(&format!(
            "<h3>{}</h3>",
            self.t(ReportText::CapitalIntoAndOut)
        ));
        if fund.capital.is_empty() {
            self.para(self.t(ReportText::NoCapitalIsRecorded));
        } else {
            self.push("<table class=\"capital\">");
            self.thead(&[
                (self.t(ReportText::Date), false),
                (self.t(ReportText::Kind), false),
                (self.t(ReportText::Amount), true),
                (self.t(ReportText::DecisionNote), false),
            ]);
            self.push("<tbody>");
            for c in &fund.capital {
                let kind = match (c.kind, fund.model) {
                    (CapitalKind::Earmark, FundingModel::EarmarkedEquity) => {
                        self.t(ReportText::Earmarking)
                    }
                    (CapitalKind::Earmark, FundingModel::AnnualAppropriation) => {
                        self.t(ReportText::TheYearsAppropriation)
                    }
                    (CapitalKind::Release, _) => self.t(ReportText::ReleasedToFreeEquity),
                };
                let signed = lines::signed_capital(c)?;
                self.out.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td class=\"num{}\">{}</td><td>{}</td></tr>",
                    e(&c.date),
                    e(kind),
                    if signed.0 < 0 { " neg" } else { "" },
                    e(&self.m(signed)),
                    e(&c.note)
                ));
            }
            self.push("</tbody></table>");
        }

        // Initiatives.
        self.out.push_str(&format!(
            "<h3>{}</h3>",
            self.t(ReportText::InitiativesCounted)
        ));
        if p.initiatives.is_empty() {
            self.para(self.t(ReportText::NoInitiativeCountsInThis));
        } else {
            self.push("<table class=\"initiatives\">");
            self.thead(&[
                (self.t(ReportText::Initiative), false),
                (self.t(ReportText::Owner), false),
                (self.t(ReportText::Status), false),
                (self.t(ReportText::FromTheFund), true),
                (self.t(ReportText::Repayment), false),
            ]);
            self.push("<tbody>");
            for ip in &p.initiatives {
                let Some(ini) = fund.initiatives.get(ip.index) else {
                    continue;
                };
                let from_fund = lines::fund_cost_total(ip)?;
                let keys = [("initiative", ini.code.clone())];
                self.out.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td>{}<td class=\"rule\">{}</td></tr>",
                    self.initiative_cell(ini),
                    self.actor_cell(&ini.owner),
                    e(&self.status_text(ini)),
                    self.money_td(from_fund, "initiatives", &keys, "fund_cost"),
                    e(&self.repayment_text(&ini.repayment))
                ));
                if !ini.note.is_empty() {
                    self.out.push_str(&format!(
                        "<tr class=\"sub\"><td colspan=\"5\" class=\"note\">{}</td></tr>",
                        e(&ini.note)
                    ));
                }
            }
            self.push("</tbody></table>");
            self.out.push_str(&format!(
                "<p class=\"note\">{}</p>",
                e(self.t(ReportText::FromTheFundTheFunds))
            ));
        }
        let left_out: Vec<String> = fund
            .initiatives
            .iter()
            .enumerate()
            .filter(|(k, _)| p.initiative(*k).is_none())
            .map(|(_, i)| format!("{} {} ({})", i.code, i.name, self.status_text(i)))
            .collect();
        if !left_out.is_empty() {
            self.out.push_str(&format!(
                "<p class=\"note\" id=\"not-counted\">{} {}.</p>",
                e(self.t(ReportText::NotCounted)),
                e(&l.list(&left_out))
            ));
        }
        self.push("</section>");
        Ok(())
    }

    fn statement(&mut self) {
        let p = self.p;
        self.section_start("statement", 2, self.t(ReportText::FundStatement));
        match self.fund.model {
            FundingModel::EarmarkedEquity => self.para(self.t(ReportText::TheFundStatementShows)),
            FundingModel::AnnualAppropriation => self.para(self.t(ReportText::TheFundIsAnAnnual)),
        }

        let years: Vec<String> = p.statement.iter().map(|y| y.year.to_string()).collect();
        let chart = Chart {
            id: "chart-balance",
            title: self.t(ReportText::FundBalanceAndUncommittedBalance),
            categories: years.clone(),
            series: vec![
                Series {
                    label: self.t(ReportText::FundBalanceClosing),
                    values: p.statement.iter().map(|y| y.closing.as_f64()).collect(),
                    color: BLUE,
                    dashed: false,
                },
                Series {
                    label: self.t(ReportText::UncommittedBalance),
                    values: p.statement.iter().map(|y| y.uncommitted.as_f64()).collect(),
                    color: ORANGE,
                    dashed: true,
                },
            ],
            lang: self.lang,
        };
        let line = svg::line_chart(&chart);
        let bars_chart = Chart {
            id: "chart-flows",
            title: self.t(ReportText::PaidOutAndRepaidPer),
            categories: years,
            series: vec![
                Series {
                    label: self.t(ReportText::PaidOutToInitiatives),
                    values: p.statement.iter().map(|y| y.disbursed.as_f64()).collect(),
                    color: BLUE,
                    dashed: false,
                },
                Series {
                    label: self.t(ReportText::RepaidToTheFund),
                    values: p.statement.iter().map(|y| y.repaid.as_f64()).collect(),
                    color: LIGHT_BLUE,
                    dashed: false,
                },
            ],
            lang: self.lang,
        };
        let bars = svg::bar_chart(&bars_chart);
        self.out.push_str(&format!(
            "<figure>{line}<figcaption>{}</figcaption></figure><figure>{bars}<figcaption>{}</figcaption></figure>",
            e(chart.title),
            e(bars_chart.title)
        ));

        self.push("<table class=\"statement\">");
        self.thead(&[
            (self.t(ReportText::Year), false),
            (self.t(ReportText::Opening), true),
            (self.t(ReportText::Capital), true),
            (self.t(ReportText::PaidOut), true),
            (self.t(ReportText::Repaid), true),
            (self.t(ReportText::OutOfTheFund), true),
            (self.t(ReportText::Unfunded), true),
            (self.t(ReportText::Closing), true),
            (self.t(ReportText::Committed), true),
            (self.t(ReportText::Uncommitted), true),
        ]);
        self.push("<tbody>");
        for y in &p.statement {
            let keys = [("year", y.year.to_string())];
            let mut row = format!("<tr>{}", self.year_th(y.year));
            for (m, f) in [
                (y.opening, "opening"),
                (y.capital, "capital"),
                (y.disbursed, "disbursed"),
                (y.repaid, "repaid"),
                (y.fund_used, "fund_used"),
                (y.unfunded, "unfunded"),
                (y.closing, "closing"),
                (y.committed, "committed"),
                (y.uncommitted, "uncommitted"),
            ] {
                row.push_str(&self.money_td(m, "statement", &keys, f));
            }
            row.push_str("</tr>");
            self.push(&row);
        }
        self.push("</tbody></table></section>");
    }

    fn reconciliation(&mut self) {
        let p = self.p;
        self.section_start(
            "reconciliation",
            3,
            self.t(ReportText::BalancedBudgetReconciliation),
        );
        self.para(self.t(ReportText::TheReconciliationFollowsTheLayout));
        if self.fund.budget.is_empty() {
            self.out.push_str(&format!(
                "<div class=\"callout\">{}</div>",
                e(self.t(ReportText::TheFundFileHas))
            ));
        }

        // From the result to the result after the balanced-budget adjustments and reserves:
        // the same under both rule sets.
        self.push("<table class=\"reconcile common\">");
        self.thead(&[
            (self.t(ReportText::Year), false),
            (self.t(ReportText::ResultBeforeTheFund), true),
            (self.t(ReportText::FundDisbursements), true),
            (self.t(ReportText::Result), true),
            (self.t(ReportText::AllRealisationGains), true),
            (self.t(ReportText::Exemption), true),
            (self.t(ReportText::UnrealisedSecurities), true),
            (self.t(ReportText::AfterAdjustments), true),
            (self.t(ReportText::ReservedRUR), true),
            (self.t(ReportText::UsedRUR), true),
        ]);
        self.push("<tbody>");
        for y in &p.reconciliation {
            let keys = [("year", y.year.to_string())];
            let t = "reconciliation";
            let mut row = format!("<tr>{}", self.year_th(y.year));
            for (m, f) in [
                (y.result_before_fund, "result_before_fund"),
                (y.disbursed, "disbursed"),
                (y.result, "result"),
                (y.realisation_gains, "realisation_gains"),
                (y.exemption_adjustment, "exemption_adjustment"),
                (y.securities_adjustment, "securities_adjustment"),
                (y.adjusted_result, "adjusted_result"),
                (y.reserve_reservation, "reserve_reservation"),
                (y.reserve_use, "reserve_use"),
            ] {
                row.push_str(&self.money_td(m, t, &keys, f));
            }
            row.push_str("</tr>");
            self.push(&row);
        }
        self.push("</tbody></table>");

        self.out
            .push_str(&format!("<h3>{}</h3>", self.t(ReportText::UnderCurrentLaw)));
        self.para(self.t(ReportText::TheEarmarkedCapitalDoes));
        self.rule_set_table(false);

        self.out.push_str(&format!(
            "<h3>{} {}</h3>",
            self.t(ReportText::UnderTheProposal),
            self.proposal_badge()
        ));
        match self.fund.model {
            FundingModel::EarmarkedEquity => self.para(self.t(ReportText::EsoProposalReading)),
            FundingModel::AnnualAppropriation => {
                self.para(self.t(ReportText::TheESOReport20201ProposesClearer))
            }
        }
        self.rule_set_table(true);

        self.para(self.t(ReportText::TheBalancedBudgetDeficitsBelow));
        self.deficits_table(false);
        self.deficits_table(true);
        self.push("</section>");
    }

    /// One rule set's lines from the result after reserves to the deficits still to restore.
    fn rule_set_table(&mut self, proposal: bool) {
        let p = self.p;
        let (class, t) = if proposal {
            ("reconcile proposed", "reconciliation-proposed")
        } else {
            ("reconcile current", "reconciliation-current")
        };
        self.push(&format!("<table class=\"{class}\">"));
        let mut cols = vec![(self.t(ReportText::Year), false)];
        if proposal {
            cols.extend([
                (self.t(ReportText::FundUsed), true),
                (self.t(ReportText::ReEarmarked), true),
                (self.t(ReportText::SocialInvestmentFund), true),
            ]);
        }
        cols.extend([
            (self.t(ReportText::SpecialReasons), true),
            (self.t(ReportText::BalancedBudgetResult), true),
            (self.t(ReportText::RestoreBy), true),
            (self.t(ReportText::Restored), true),
            (self.t(ReportText::StillToRestore), true),
            (self.t(ReportText::OfWhichOverdue), true),
        ]);
        self.thead(&cols);
        self.push("<tbody>");
        for y in &p.reconciliation {
            let keys = [("year", y.year.to_string())];
            let (prefix, o) = if proposal {
                ("proposed", &y.proposed.outcome)
            } else {
                ("current", &y.current)
            };
            let mut row = format!(
                "<tr{}>{}",
                if o.restore_by.is_some() {
                    " class=\"deficit\""
                } else {
                    ""
                },
                self.year_th(y.year)
            );
            let mut cells = Vec::new();
            if proposal {
                cells.extend([
                    (y.proposed.fund_used, "proposed.fund_used"),
                    (y.proposed.fund_reearmarked, "proposed.fund_reearmarked"),
                    (y.proposed.fund_adjustment, "proposed.fund_adjustment"),
                ]);
            }
            for (m, f) in cells {
                row.push_str(&self.money_td(m, t, &keys, f));
            }
            let field = |name: &str| format!("{prefix}.{name}");
            let special = o.special_reasons_applied;
            row.push_str(&self.money_td(special, t, &keys, &field("special_reasons_applied")));
            row.push_str(&self.money_td(o.balance_result, t, &keys, &field("balance_result")));
            row.push_str(&self.restore_td(o.restore_by, t, &keys, &field("restore_by")));
            for (m, f) in [
                (o.restoration.restored, "restored"),
                (o.restoration.to_restore, "to_restore"),
                (o.restoration.overdue, "overdue"),
            ] {
                row.push_str(&self.money_td(m, t, &keys, &field(f)));
            }
            row.push_str("</tr>");
            self.push(&row);
        }
        self.push("</tbody></table>");
    }

    /// Each deficit of one rule set: its year, amount, restore-by year and what is left.
    fn deficits_table(&mut self, proposal: bool) {
        let p = self.p;
        let (list, t, title) = if proposal {
            (
                &p.deficits.proposed,
                "deficits-proposed",
                format!(
                    "{} {}",
                    e(self.t(ReportText::BalancedBudgetDeficitsUnder)),
                    self.proposal_badge()
                ),
            )
        } else {
            (
                &p.deficits.current,
                "deficits-current",
                e(self.t(ReportText::BalancedBudgetDeficitsUnderCurrent)),
            )
        };
        self.out.push_str(&format!("<h3>{title}</h3>"));
        if list.is_empty() {
            self.para(self.t(ReportText::NoDeficitsToRestore));
            return;
        }
        let last = p.statement.last().map_or(i32::MIN, |y| y.year);
        self.push("<table class=\"deficits\">");
        self.thead(&[
            (self.t(ReportText::YearOfDeficit), false),
            (self.t(ReportText::Deficit), true),
            (self.t(ReportText::RestoreBy), true),
            (self.t(ReportText::Restored), true),
            (self.t(ReportText::Left), true),
        ]);
        self.push("<tbody>");
        for d in list {
            let keys = [("year", d.year.to_string())];
            let overdue = d.overdue_at(last);
            let mut row = format!(
                "<tr{}><th scope=\"row\">{}</th>",
                if overdue { " class=\"deficit\"" } else { "" },
                d.year
            );
            row.push_str(&self.money_td(d.amount, t, &keys, "amount"));
            row.push_str(&self.text_td(
                &d.restore_by.to_string(),
                if overdue { "restore" } else { "" },
                t,
                &keys,
                "restore_by",
            ));
            row.push_str(&self.money_td(d.restored, t, &keys, "restored"));
            row.push_str(&self.money_td(d.left, t, &keys, "left"));
            row.push_str("</tr>");
            self.push(&row);
        }
        self.push("</tbody></table>");
    }

    fn restore_td(&self, year: Option<i32>, table: &str, keys: &Keys<'_>, field: &str) -> String {
        match year {
            Some(y) => self.text_td(&y.to_string(), "restore", table, keys, field),
            None => self.text_td("–", "", table, keys, field),
        }
    }

    fn schedule(&mut self) -> Result<(), Overflow> {
        let fund = self.fund;
        let p = self.p;
        self.section_start("schedule", 4, self.t(ReportText::RepaymentSchedule));
        self.para(self.t(ReportText::TheRepaymentScheduleShowsWhat));

        self.out
            .push_str(&format!("<h3>{}</h3>", self.t(ReportText::PerInitiative)));
        self.push("<table class=\"repayment-summary\">");
        self.thead(&[
            (self.t(ReportText::Initiative), false),
            (self.t(ReportText::BaseTheFundsCost), true),
            (self.t(ReportText::PlannedWithinTheHorizon), true),
            (self.t(ReportText::RepaidActualAndPlan), true),
            (self.t(ReportText::StillDueAfterTheHorizon), true),
        ]);
        self.push("<tbody>");
        for ip in &p.initiatives {
            let Some(ini) = fund.initiatives.get(ip.index) else {
                continue;
            };
            let keys = [("initiative", ini.code.clone())];
            let t = "repayment-summary";
            let row = format!(
                "<tr><td>{}<br/><span class=\"note\">{}</span></td>{}{}{}{}</tr>",
                self.initiative_cell(ini),
                e(&self.repayment_text(&ini.repayment)),
                self.money_td(ip.fund_total, t, &keys, "fund_total"),
                self.money_td(ip.total_planned_repayment(), t, &keys, "planned"),
                self.money_td(ip.total_repaid(), t, &keys, "repaid"),
                self.money_td(ip.outstanding, t, &keys, "outstanding"),
            );
            self.push(&row);
        }
        self.push("</tbody></table>");

        self.out
            .push_str(&format!("<h3>{}</h3>", self.t(ReportText::YearByYear)));
        if p.schedule.rows.is_empty() {
            self.para(self.t(ReportText::NoRepaymentsArePlannedWithin));
        } else {
            let any_closed = p.schedule.rows.iter().any(|r| r.actual.is_some());
            if any_closed {
                // How to read the arrears, so that no one counts them twice (SPEC §4.4).
                let mut fixed = Vec::new();
                let mut from_savings = Vec::new();
                for ip in &p.initiatives {
                    if let Some(ini) = fund.initiatives.get(ip.index) {
                        match crate::engine::ArrearsKind::of(&ini.repayment) {
                            Some(crate::engine::ArrearsKind::OwedInAddition) => {
                                fixed.push(ini.code.as_str())
                            }
                            Some(crate::engine::ArrearsKind::CarriedIntoPlan) => {
                                from_savings.push(ini.code.as_str())
                            }
                            None => {}
                        }
                    }
                }
                if !fixed.is_empty() {
                    let text = text::fixed_plan_arrears(self.lang, &fixed.join(", "));
                    self.para(&text);
                }
                if !from_savings.is_empty() {
                    let text = text::from_savings_arrears(self.lang, &from_savings.join(", "));
                    self.para(&text);
                }
            }
            let mut cols = vec![
                (self.t(ReportText::Year), false),
                (self.t(ReportText::Initiative), false),
                (self.t(ReportText::Payer), false),
                (self.t(ReportText::Planned), true),
            ];
            if any_closed {
                cols.push((self.t(ReportText::ActualHeading), true));
                cols.push((self.t(ReportText::Arrears), true));
            }
            self.push("<table class=\"schedule\">");
            self.thead(&cols);
            self.push("<tbody>");
            let t = "schedule";
            for r in &p.schedule.rows {
                let keys = [
                    ("initiative", r.initiative.clone()),
                    ("payer", r.payer.clone()),
                    ("year", r.year.to_string()),
                ];
                let mut row = format!(
                    "<tr>{}<td><span class=\"code\">{}</span></td><td>{}</td>{}",
                    self.year_th(r.year),
                    e(&r.initiative),
                    self.actor_cell(&r.payer),
                    self.money_td(r.planned, t, &keys, "planned")
                );
                if any_closed {
                    match r.actual {
                        Some(a) => {
                            let arrears = lines::row_arrears(r)?.unwrap_or_default();
                            row.push_str(&self.money_td(a, t, &keys, "actual"));
                            // Less paid than planned stands out like a deficit.
                            row.push_str(&self.money_td_marked(
                                arrears,
                                arrears.0 > 0,
                                t,
                                &keys,
                                "arrears",
                            ));
                        }
                        None => row.push_str("<td></td><td></td>"),
                    }
                }
                row.push_str("</tr>");
                self.push(&row);
            }
            let totals = lines::schedule_totals(&p.schedule)?;
            let mut total = format!(
                "<tr class=\"total\"><th scope=\"row\" colspan=\"3\">{}</th>{}",
                self.t(ReportText::Total),
                self.money_td(totals.planned, "schedule-total", &[], "planned")
            );
            if any_closed {
                total.push_str(&self.money_td(totals.actual, "schedule-total", &[], "actual"));
                total.push_str(&self.money_td(totals.arrears, "schedule-total", &[], "arrears"));
            }
            total.push_str("</tr>");
            self.push(&total);
            self.push("</tbody></table>");
        }
        self.push("</section>");
        Ok(())
    }

    fn appraisal(&mut self) {
        let fund = self.fund;
        let p = self.p;
        self.section_start("appraisal", 5, self.t(ReportText::SocioEconomicAppraisal));
        let rate = self.lang.percent(self.lang.decimal(fund.discount_rate));
        let text = text::appraisal_intro(self.lang, &rate);
        self.para(&text);
        if p.appraisal.is_empty() {
            self.para(self.t(ReportText::NoInitiativeCountsInThis));
            self.push("</section>");
            return;
        }
        self.push("<table class=\"appraisal\">");
        self.thead(&[
            (self.t(ReportText::Initiative), false),
            (self.t(ReportText::Cost), true),
            (self.t(ReportText::Savings), true),
            (self.t(ReportText::OfWhichCashable), true),
            (self.t(ReportText::Repaid), true),
            (self.t(ReportText::NetPresentValue), true),
            (self.t(ReportText::BenefitCost), true),
            (self.t(ReportText::Payback), true),
        ]);
        self.push("<tbody>");
        let t = "appraisal";
        for a in &p.appraisal {
            let keys = [("initiative", a.code.clone())];
            let label = match fund.initiatives.iter().find(|i| i.code == a.code) {
                Some(ini) => self.initiative_cell(ini),
                None => e(&a.code),
            };
            // NPV is shown in whole kronor like every other amount.
            let npv = Money(a.npv.round() as i64);
            let bcr = a
                .bcr
                .map_or_else(|| "–".to_string(), |b| self.lang.ratio(b));
            let bcr_class = if a.bcr.is_some_and(|b| b < 1.0) {
                "neg"
            } else {
                ""
            };
            let payback = a.payback_year.map_or_else(
                || self.t(ReportText::NotWithinHorizon).to_string(),
                |y| y.to_string(),
            );
            let row = format!(
                "<tr><td>{label}</td>{}{}{}{}{}{}{}</tr>",
                self.money_td(a.cost, t, &keys, "cost"),
                self.money_td(a.savings, t, &keys, "savings"),
                self.money_td(a.cashable_savings, t, &keys, "cashable_savings"),
                self.money_td(a.repaid, t, &keys, "repaid"),
                self.money_td(npv, t, &keys, "npv"),
                self.text_td(&bcr, bcr_class, t, &keys, "bcr"),
                self.text_td(&payback, "", t, &keys, "payback_year"),
            );
            self.push(&row);
        }
        self.push("</tbody></table>");
        self.out.push_str(&format!(
            "<p class=\"note\">{}</p>",
            e(self.t(ReportText::CostAndSavingsAreTotals))
        ));
        self.adjusted_appraisal();
        self.push("</section>");
    }

    /// The adjusted appraisal (SPEC §4.7): what each initiative is worth after deadweight,
    /// attribution, drop-off and optimism bias, in what range, how far its savings may fall or
    /// slip before it no longer pays, and whether each committee can repay what it promised.
    fn adjusted_appraisal(&mut self) {
        let fund = self.fund;
        let p = self.p;
        self.out.push_str(&format!(
            "<h3 id=\"appraisal-adjusted\">{}</h3>",
            e(self.t(ReportText::AdjustedAppraisal))
        ));
        self.para(self.t(ReportText::TheAdjustedAppraisalAllows));
        self.push("<table class=\"appraisal adjusted\">");
        self.thead(&[
            (self.t(ReportText::Initiative), false),
            (self.t(ReportText::CostAdjusted), true),
            (self.t(ReportText::SavingsAdjusted), true),
            (self.t(ReportText::NetPresentValueAdjusted), true),
            (self.t(ReportText::Low), true),
            (self.t(ReportText::High), true),
            (self.t(ReportText::BenefitCost), true),
            (self.t(ReportText::Payback), true),
            (self.t(ReportText::DiscountedPayback), true),
            (self.t(ReportText::SwitchingValueSavings), true),
            (self.t(ReportText::SwitchingValueDelay), true),
        ]);
        self.push("<tbody>");
        let t = "appraisal-adjusted";
        let not_within = self.t(ReportText::NotWithinHorizon);
        for a in &p.appraisal {
            let j = &a.adjusted;
            let keys = [("initiative", a.code.clone())];
            let label = match fund.initiatives.iter().find(|i| i.code == a.code) {
                Some(ini) => self.initiative_cell(ini),
                None => e(&a.code),
            };
            let kr = |x: f64| Money(x.round() as i64);
            let bcr = j
                .bcr
                .map_or_else(|| "–".to_string(), |b| self.lang.ratio(b));
            let bcr_class = if j.bcr.is_some_and(|b| b < 1.0) {
                "neg"
            } else {
                ""
            };
            let year = |y: Option<i32>| y.map_or_else(|| not_within.to_string(), |y| y.to_string());
            let share = j.switching.savings_percent.map_or_else(
                || "–".to_string(),
                |x| self.lang.percent(self.lang.ratio(x)),
            );
            let delay = match j.switching.delay_years {
                Some(d) => text::years(self.lang, d),
                None => self.t(ReportText::Over20Years).to_string(),
            };
            let delay_class = if j.switching.delay_years == Some(0) {
                "neg"
            } else {
                ""
            };
            let row = format!(
                "<tr><td>{label}</td>{}{}{}{}{}{}{}{}{}{}</tr>",
                self.money_td(j.cost, t, &keys, "cost"),
                self.money_td(j.savings, t, &keys, "savings"),
                self.money_td(kr(j.npv), t, &keys, "npv"),
                self.money_td(kr(j.npv_low), t, &keys, "npv_low"),
                self.money_td(kr(j.npv_high), t, &keys, "npv_high"),
                self.text_td(&bcr, bcr_class, t, &keys, "bcr"),
                self.text_td(&year(j.payback_year), "", t, &keys, "payback_year"),
                self.text_td(
                    &year(j.discounted_payback_year),
                    "",
                    t,
                    &keys,
                    "discounted_payback_year"
                ),
                self.text_td(&share, "", t, &keys, "savings_percent"),
                self.text_td(&delay, delay_class, t, &keys, "delay_years"),
            );
            self.push(&row);
        }
        self.push("</tbody></table>");

        // The repayment plan against the adjusted cashable savings of each payer.
        let coverage: Vec<(&str, &crate::engine::Coverage)> = p
            .appraisal
            .iter()
            .flat_map(|a| {
                a.adjusted
                    .repayment_coverage
                    .iter()
                    .map(move |c| (a.code.as_str(), c))
            })
            .collect();
        if coverage.is_empty() {
            return;
        }
        self.out.push_str(&format!(
            "<h3 id=\"appraisal-coverage\">{}</h3>",
            e(self.t(ReportText::DoTheAdjustedSavingsCover))
        ));
        self.para(self.t(ReportText::ForEachCommitteeThat));
        self.push("<table class=\"coverage\">");
        self.thead(&[
            (self.t(ReportText::Initiative), false),
            (self.t(ReportText::Payer), false),
            (self.t(ReportText::PlannedRepayment), true),
            (self.t(ReportText::Covered), true),
            (self.t(ReportText::Shortfall), true),
        ]);
        self.push("<tbody>");
        let mut short = Vec::new();
        for (code, c) in &coverage {
            let keys = [("initiative", code.to_string()), ("actor", c.actor.clone())];
            let label = match fund.initiatives.iter().find(|i| i.code == *code) {
                Some(ini) => self.initiative_cell(ini),
                None => e(code),
            };
            let t = "appraisal-coverage";
            let row = format!(
                "<tr><td>{label}</td><td>{}</td>{}{}{}</tr>",
                self.actor_cell(&c.actor),
                self.money_td(c.planned, t, &keys, "planned"),
                self.money_td(c.covered, t, &keys, "covered"),
                self.money_td_marked(c.shortfall, c.shortfall.0 > 0, t, &keys, "shortfall"),
            );
            self.push(&row);
            if c.shortfall.0 > 0 {
                short.push(format!(
                    "{code} – {} ({} kr)",
                    self.actor_label(&c.actor),
                    self.m(c.shortfall)
                ));
            }
        }
        self.push("</tbody></table>");
        if !short.is_empty() {
            let list = self.lang.list(&short);
            let text = text::adjusted_savings_short(self.lang, &list);
            self.out
                .push_str(&format!("<p class=\"callout warn\">{}</p>", e(&text)));
        }
    }

    fn who_gains(&mut self) -> Result<(), Overflow> {
        let fund = self.fund;
        let p = self.p;
        self.section_start("who-gains", 6, self.t(ReportText::WhoPaysWhoGains));
        let holder = self.actor_label(&fund.holder);
        let text = text::who_gains_intro(self.lang, &holder);
        self.para(&text);

        // Totals per actor, in the fund's actor order: the actors the appraisal has figures for.
        let rows: Vec<(String, Money, Money, Money)> =
            crate::figures::who_gains::matrix(fund, p, None)?
                .into_iter()
                .filter(|r| r.appears)
                .map(|r| (r.code, r.cost, r.savings, r.repaid))
                .collect();
        if rows.is_empty() {
            self.para(self.t(ReportText::NoActorHasCosts));
            self.push("</section>");
            return Ok(());
        }
        let chart = Chart {
            id: "chart-who-gains",
            title: self.t(ReportText::CostSavingsAndRepaymentPer),
            categories: rows.iter().map(|r| self.actor_label(&r.0)).collect(),
            series: vec![
                Series {
                    label: self.t(ReportText::CostBorne),
                    values: rows.iter().map(|r| r.1.as_f64()).collect(),
                    color: RED,
                    dashed: false,
                },
                Series {
                    label: self.t(ReportText::SavingsReceived),
                    values: rows.iter().map(|r| r.2.as_f64()).collect(),
                    color: GREEN,
                    dashed: false,
                },
                Series {
                    label: self.t(ReportText::RepaysToTheFund),
                    values: rows.iter().map(|r| r.3.as_f64()).collect(),
                    color: BLUE,
                    dashed: false,
                },
            ],
            lang: self.lang,
        };
        let figure = svg::hbar_chart(&chart);
        self.out.push_str(&format!(
            "<figure>{figure}<figcaption>{}</figcaption></figure>",
            e(chart.title)
        ));

        self.push("<table class=\"who-gains\">");
        self.thead(&[
            (self.t(ReportText::ActorAndInitiative), false),
            (self.t(ReportText::CostBorne), true),
            (self.t(ReportText::SavingsReceived), true),
            (self.t(ReportText::Repays), true),
        ]);
        for (code, c, s, r) in &rows {
            let kind = match fund.actor(code).map(|a| a.kind) {
                Some(crate::model::ActorKind::External) => {
                    format!(
                        " <span class=\"tag\">{}</span>",
                        self.t(ReportText::External)
                    )
                }
                _ => String::new(),
            };
            self.out.push_str(&format!(
                "<tbody class=\"actor\"><tr class=\"group\"><th scope=\"rowgroup\" colspan=\"4\">{}{kind}</th></tr>",
                self.actor_cell(code)
            ));
            for a in &p.appraisal {
                for b in a.by_actor.iter().filter(|b| &b.actor == code) {
                    let keys = [("actor", code.clone()), ("initiative", a.code.clone())];
                    let label = match fund.initiatives.iter().find(|i| i.code == a.code) {
                        Some(ini) => self.initiative_cell(ini),
                        None => e(&a.code),
                    };
                    let row = format!(
                        "<tr><td class=\"indent\">{label}</td>{}{}{}</tr>",
                        self.money_td(b.cost, "who-gains", &keys, "cost"),
                        self.money_td(b.savings, "who-gains", &keys, "savings"),
                        self.money_td(b.repaid, "who-gains", &keys, "repaid"),
                    );
                    self.push(&row);
                }
            }
            let keys = [("actor", code.clone())];
            let row = format!(
                "<tr class=\"total\"><th scope=\"row\" class=\"indent\">{}</th>{}{}{}</tr></tbody>",
                self.t(ReportText::Total),
                self.money_td(*c, "who-gains-total", &keys, "cost"),
                self.money_td(*s, "who-gains-total", &keys, "savings"),
                self.money_td(*r, "who-gains-total", &keys, "repaid"),
            );
            self.push(&row);
        }
        self.push("</table></section>");
        Ok(())
    }

    /// The file check's warnings in the report's language.
    /// Each is prefixed by what it is about (an initiative, an actor …), since the messages
    /// themselves are written for the app, where the row is already in view.
    fn warnings(&self) -> Vec<String> {
        use validate::Location;
        let fund = self.fund;
        validate::validate(fund)
            .warnings()
            .map(|w| {
                let subject = match w.location {
                    Location::Initiative(i) => fund
                        .initiatives
                        .get(i)
                        .map(|ini| format!("{} {}", ini.code, ini.name)),
                    Location::Actor(i) => fund.actors.get(i).map(|a| self.actor_label(&a.code)),
                    Location::Scenario(i) => fund.scenarios.get(i).map(|s| s.name.clone()),
                    Location::Budget(i) => fund
                        .budget
                        .get(i)
                        .map(|b| format!("{} {}", self.t(ReportText::Budget), b.year)),
                    Location::Capital(i) => fund
                        .capital
                        .get(i)
                        .map(|c| format!("{} {}", self.t(ReportText::Capital), c.date)),
                    Location::Fund => None,
                };
                let message = w.message(self.lang == Lang::Sv);
                match subject {
                    Some(s) => format!("{s}: {message}"),
                    None => message.to_string(),
                }
            })
            .collect()
    }

    /// Section 7, only when the cover could not list every warning.
    fn all_warnings(&mut self) {
        let warnings = self.warnings();
        if warnings.len() <= COVER_WARNINGS {
            return;
        }
        self.section_start("warnings", 7, self.t(ReportText::PointsToNote));
        self.para(self.t(ReportText::CheckingTheFundFileGave));
        self.push("<ul class=\"warnings\">");
        for w in &warnings {
            self.out.push_str(&format!("<li>{}</li>", e(w)));
        }
        self.push("</ul></section>");
    }

    fn colophon(&mut self) {
        let text = text::colophon(
            self.lang,
            env!("CARGO_PKG_VERSION"),
            &self.meta.made_on,
            &self.meta.source_file,
        );
        self.out.push_str(&format!(
            "<p class=\"note\" id=\"colophon\">{}</p>",
            e(&text)
        ));
    }
}

/// The style sheet: screen and A4 print. `PAGE_COUNTER` is replaced by the page footer's text
/// in the report's language. Fund text never goes into the style sheet.
const CSS: &str = r#"
:root { --ink: #1a1a1a; --muted: #595959; --rule: #cfcfcf; --neg: #b00020; --accent: #1f4e79; --band: #eef3f8; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
       font-size: 9.5pt; line-height: 1.4; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 12mm 8mm; }
h1 { font-size: 22pt; line-height: 1.15; margin: 0 0 1.5mm; color: var(--accent); }
h2 { font-size: 15pt; margin: 0 0 3mm; padding-bottom: 1mm; color: var(--accent);
     border-bottom: 1.5pt solid var(--accent); break-after: avoid; }
h2 .no { color: var(--muted); font-weight: normal; margin-right: 1.5mm; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2.5mm; max-width: 175mm; }
section { margin-top: 12mm; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8pt; color: var(--muted); margin: 0 0 2mm; }
.org { font-size: 11pt; margin: 0 0 5mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9pt; font-variant-numeric: tabular-nums lining-nums; }
th, td { padding: 0.8mm 1.4mm; border-bottom: 0.5pt solid var(--rule); text-align: left; vertical-align: top; }
thead th { font-size: 8pt; font-weight: 600; vertical-align: bottom; border-bottom: 1pt solid var(--ink); hyphens: manual; }
tbody th { font-weight: normal; white-space: nowrap; }
.num { text-align: right; white-space: nowrap; }
thead th.num { white-space: normal; }
.neg { color: var(--neg); font-weight: 600; }
td.restore { color: var(--neg); font-weight: 700; }
tr.deficit > td, tr.deficit > th { background: #fbe9ec; }
tr.total > td, tr.total > th { font-weight: 600; border-top: 1pt solid var(--ink); }
tr.group > th { background: var(--band); font-weight: 600; padding-top: 1.6mm; }
td.indent, th.indent { padding-left: 5mm; }
tr.sub > td { border-bottom: 0.5pt solid var(--rule); padding-top: 0; }
.code { font-size: 8pt; color: var(--muted); font-weight: 600; }
.tag { font-size: 7pt; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.note, figcaption { font-size: 8pt; color: var(--muted); }
td.rule { font-size: 8pt; }
table.facts { width: auto; min-width: 60%; }
table.facts th { color: var(--muted); font-weight: normal; padding-right: 6mm; white-space: nowrap; }
table.facts td { font-weight: 600; }
table.assumptions td { font-weight: normal; }
.callout { border-left: 3pt solid var(--accent); background: var(--band); padding: 2.5mm 4mm; margin: 3mm 0; break-inside: avoid; }
.callout.warn { border-left-color: var(--neg); background: #fbe9ec; }
.proposal { display: inline-block; border: 0.7pt solid #8a6d00; color: #5c4800; background: #fff6d5;
            padding: 0 1.5mm; border-radius: 1mm; font-size: 7.5pt; font-weight: 600; vertical-align: 0.15em; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 3mm 0 4mm; }
.kpi { border: 0.5pt solid var(--rule); border-top: 2pt solid var(--accent); padding: 2mm 3mm; break-inside: avoid; }
.kpi .label { display: block; font-size: 8pt; line-height: 1.35; color: var(--muted); min-height: 2.7em; }
.kpi .value { display: block; font-size: 14pt; font-weight: 600; white-space: nowrap; font-variant-numeric: tabular-nums; }
ul.warnings { margin: 0 0 3mm; padding-left: 5mm; }
ul.warnings li { margin-bottom: 1mm; }
nav.contents ol { margin: 0 0 3mm; padding-left: 6mm; columns: 2; }
nav.contents a { color: var(--accent); text-decoration: none; }
figure { margin: 3mm 0 4mm; break-inside: avoid; }
figcaption { margin-top: 1mm; }
svg.chart { display: block; width: 100%; height: auto; }
@page { size: A4; margin: 14mm 13mm 16mm 13mm;
        @bottom-right { content: PAGE_COUNTER; font-size: 8pt; color: #595959; } }
@media print {
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; }
  section.sheet { break-before: page; margin-top: 0; }
  tr, .kpi, figure, .callout, tbody.actor { break-inside: avoid; }
  thead { display: table-header-group; }
  nav.contents a { color: inherit; }
}
"#;
