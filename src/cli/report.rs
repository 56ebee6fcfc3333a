//! The four reports (statement, schedule, appraisal, reconcile) as text, CSV and JSON.
//! JSON has exactly the shapes of SPEC §8; text is aligned and formatted the Swedish way.

use serde_json::{Value, json};

use super::Format;
use super::table::{Align, Table};
use super::text::CliText;
use sif::engine::{Projection, RuleOutcome};
use sif::figures::{lines, repayments};
use sif::model::{Fund, Repayment};
use sif::money::{Money, Overflow, format_sv};
use sif::report::Lang;

fn kr(m: Money) -> String {
    format_sv(m)
}

fn opt_year(y: Option<i32>) -> String {
    y.map_or_else(|| "–".to_string(), |y| y.to_string())
}

fn json_text(v: Value) -> String {
    // Serializing a Value cannot fail.
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// A report as CSV (RFC 4180), through the one CSV writer: text cells are made inert against
/// formulas, numbers are written as they are.
fn csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = sif::text::CsvWriter::new(sif::text::CsvDialect::Rfc4180);
    out.text_record(header);
    for r in rows {
        out.record(&r);
    }
    out.into_string()
}

fn heading(fund: &Fund, p: &Projection, title: &str) -> String {
    let scenario = if p.scenario == "base" {
        "grundscenario".to_string()
    } else {
        format!("scenario {}", p.scenario)
    };
    format!(
        "{title} – {} ({}), {scenario}, belopp i kr\n\n",
        fund.name, fund.organisation
    )
}

pub fn statement(fund: &Fund, p: &Projection, format: Format) -> String {
    match format {
        Format::Json => json_text(json!({
            "fund": fund.name,
            "scenario": p.scenario,
            "years": p.statement,
        })),
        Format::Csv => csv(
            &[
                "year",
                "opening",
                "capital",
                "disbursed",
                "repaid",
                "fund_used",
                "unfunded",
                "closing",
                "committed",
                "uncommitted",
            ],
            p.statement.iter().map(|y| {
                vec![
                    y.year.to_string(),
                    y.opening.0.to_string(),
                    y.capital.0.to_string(),
                    y.disbursed.0.to_string(),
                    y.repaid.0.to_string(),
                    y.fund_used.0.to_string(),
                    y.unfunded.0.to_string(),
                    y.closing.0.to_string(),
                    y.committed.0.to_string(),
                    y.uncommitted.0.to_string(),
                ]
            }),
        ),
        Format::Text => {
            let r = Align::Right;
            let mut t = Table::new(&[
                ("År", Align::Left),
                ("Ingående", r),
                ("Kapital", r),
                ("Utbetalt", r),
                ("Återfört", r),
                ("Ur fonden", r),
                ("Ofinansierat", r),
                ("Utgående", r),
                ("Intecknat", r),
                ("Ointecknat", r),
            ]);
            for y in &p.statement {
                let closed = if p.year_index(y.year).is_some_and(|i| i < p.closed_years) {
                    " (utfall)"
                } else {
                    ""
                };
                t.push(vec![
                    format!("{}{closed}", y.year),
                    kr(y.opening),
                    kr(y.capital),
                    kr(y.disbursed),
                    kr(y.repaid),
                    kr(y.fund_used),
                    kr(y.unfunded),
                    kr(y.closing),
                    kr(y.committed),
                    kr(y.uncommitted),
                ]);
            }
            let mut out = heading(fund, p, "Fondredovisning") + &t.to_text();
            let unfunded: Vec<String> = p
                .statement
                .iter()
                .filter(|y| y.unfunded.0 > 0)
                .map(|y| format!("{} ({} kr)", y.year, kr(y.unfunded)))
                .collect();
            push_if_any(&mut out, &unfunded, |years| {
                format!(
                    "\nOfinansierat: det fonden inte kan betala belastar det fria egna kapitalet: {years}.\n"
                )
            });
            out
        }
    }
}

pub fn schedule(fund: &Fund, p: &Projection, format: Format) -> String {
    let _ = fund;
    match format {
        Format::Json => json_text(json!({
            "rows": p.schedule.rows,
            "outstanding": p.schedule.outstanding,
        })),
        Format::Csv => match repayments::schedule_lines(p, None, None) {
            Ok(lines) => repayments::schedule_csv(
                fund,
                &lines,
                repayments::ScheduleColumns::Core,
                sif::text::CsvDialect::Rfc4180,
            ),
            Err(e) => format!("{e}\n"),
        },
        Format::Text => {
            let r = Align::Right;
            let mut t = Table::new(&[
                ("År", Align::Left),
                ("Insats", Align::Left),
                ("Betalare", Align::Left),
                ("Planerat", r),
                ("Utfall", r),
                ("Eftersläpning", r),
            ]);
            for row in &p.schedule.rows {
                let (actual, arrears) = match row.actual {
                    Some(a) => (
                        kr(a),
                        lines::row_arrears(row)
                            .ok()
                            .flatten()
                            .map(kr)
                            .unwrap_or_default(),
                    ),
                    None => (String::new(), String::new()),
                };
                t.push(vec![
                    row.year.to_string(),
                    row.initiative.clone(),
                    row.payer.clone(),
                    kr(row.planned),
                    actual,
                    arrears,
                ]);
            }
            let mut out = heading(fund, p, "Återföringsplan") + &t.to_text();
            if p.closed_years > 0 {
                out.push_str(&arrears_kinds(fund, p));
            }
            if p.schedule.outstanding.is_empty() {
                out.push_str("\nInget återstår efter periodens slut.\n");
            } else {
                out.push_str("\nÅterstår efter periodens slut:\n");
                let mut o = Table::new(&[("Insats", Align::Left), ("Belopp", r)]);
                for row in &p.schedule.outstanding {
                    o.push(vec![row.initiative.clone(), kr(row.amount)]);
                }
                out.push_str(&o.to_text());
            }
            out
        }
    }
}

/// How each initiative's arrears are to be read (SPEC §4.4), so that no one counts them twice.
fn arrears_kinds(fund: &Fund, p: &Projection) -> String {
    let mut fixed = Vec::new();
    let mut from_savings = Vec::new();
    for ip in &p.initiatives {
        let ini = &fund.initiatives[ip.index];
        match ini.repayment {
            Repayment::Fixed(_) => fixed.push(ini.code.as_str()),
            Repayment::FromSavings { .. } => from_savings.push(ini.code.as_str()),
            Repayment::Grant => {}
        }
    }
    let mut out = String::from("\nEftersläpning = planerat − utfall under stängda år:\n");
    push_if_any(&mut out, &fixed, |codes| {
        format!(
            "  fast plan ({codes}): eftersläpningen ska betalas utöver planen, som inte ändras.\n"
        )
    });
    push_if_any(&mut out, &from_savings, |codes| {
        format!(
            "  ur besparingar ({codes}): eftersläpningen förs in i senare års plan, upp till taket, och ska inte betalas därutöver.\n"
        )
    });
    out
}

/// A line naming the items of a list (joined by commas), when the list has any.
fn push_if_any<S: AsRef<str>>(out: &mut String, items: &[S], line: impl Fn(&str) -> String) {
    if !items.is_empty() {
        let list: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        out.push_str(&line(&list.join(", ")));
    }
}

pub fn appraisal(fund: &Fund, p: &Projection, format: Format) -> String {
    match format {
        Format::Json => json_text(json!({
            "discount_rate": fund.discount_rate,
            "initiatives": p.appraisal,
            "fund": {"by_actor": p.appraisal_by_actor},
        })),
        Format::Csv => appraisal_csv(fund, p),
        Format::Text => appraisal_text(fund, p),
    }
}

fn money_or_empty(m: Option<Money>) -> String {
    m.map_or_else(String::new, |m| m.0.to_string())
}

fn two(x: f64) -> String {
    format!("{x:.2}")
}

fn opt_two(x: Option<f64>) -> String {
    x.map_or_else(String::new, two)
}

fn opt_num<T: ToString>(x: Option<T>) -> String {
    x.map_or_else(String::new, |x| x.to_string())
}

/// One row per initiative and actor: the gross figures of SPEC §4.6 and, after them, the
/// adjusted ones of §4.7 (initiative columns repeated on each of its rows; an actor column is
/// empty where the actor has no such figure).
fn appraisal_csv(fund: &Fund, p: &Projection) -> String {
    let mut rows = Vec::new();
    for a in &p.appraisal {
        let j = &a.adjusted;
        // The actors of either picture, in actor list order.
        let position = |code: &str| fund.actors.iter().position(|x| x.code == code);
        let mut actors: Vec<&str> = a
            .by_actor
            .iter()
            .map(|b| b.actor.as_str())
            .chain(j.by_actor.iter().map(|b| b.actor.as_str()))
            .chain(j.repayment_coverage.iter().map(|c| c.actor.as_str()))
            .collect();
        actors.sort_by_key(|c| position(c));
        actors.dedup();
        for actor in actors {
            let gross = a.by_actor.iter().find(|b| b.actor == actor);
            let adjusted = j.by_actor.iter().find(|b| b.actor == actor);
            let coverage = j.repayment_coverage.iter().find(|c| c.actor == actor);
            rows.push(vec![
                a.code.clone(),
                a.cost.0.to_string(),
                a.savings.0.to_string(),
                a.cashable_savings.0.to_string(),
                a.repaid.0.to_string(),
                two(a.npv),
                opt_two(a.bcr),
                opt_num(a.payback_year),
                actor.to_string(),
                money_or_empty(gross.map(|b| b.cost).or(Some(Money::ZERO))),
                money_or_empty(gross.map(|b| b.savings).or(Some(Money::ZERO))),
                money_or_empty(gross.map(|b| b.repaid).or(Some(Money::ZERO))),
                j.cost.0.to_string(),
                j.savings.0.to_string(),
                j.cashable_savings.0.to_string(),
                two(j.npv),
                two(j.npv_low),
                two(j.npv_high),
                opt_two(j.bcr),
                opt_num(j.payback_year),
                opt_num(j.discounted_payback_year),
                opt_two(j.switching.savings_percent),
                opt_num(j.switching.delay_years),
                money_or_empty(adjusted.map(|b| b.cost).or(Some(Money::ZERO))),
                money_or_empty(adjusted.map(|b| b.savings).or(Some(Money::ZERO))),
                adjusted.map_or_else(|| two(0.0), |b| two(b.npv)),
                money_or_empty(coverage.map(|c| c.planned)),
                money_or_empty(coverage.map(|c| c.covered)),
                money_or_empty(coverage.map(|c| c.shortfall)),
            ]);
        }
    }
    csv(
        &[
            "code",
            "cost",
            "savings",
            "cashable_savings",
            "repaid",
            "npv",
            "bcr",
            "payback_year",
            "actor",
            "actor_cost",
            "actor_savings",
            "actor_repaid",
            "adjusted_cost",
            "adjusted_savings",
            "adjusted_cashable_savings",
            "adjusted_npv",
            "adjusted_npv_low",
            "adjusted_npv_high",
            "adjusted_bcr",
            "adjusted_payback_year",
            "adjusted_discounted_payback_year",
            "switching_savings_percent",
            "switching_delay_years",
            "actor_adjusted_cost",
            "actor_adjusted_savings",
            "actor_adjusted_npv",
            "actor_repayment_planned",
            "actor_repayment_covered",
            "actor_repayment_shortfall",
        ],
        rows,
    )
}

/// A krona figure from a two-decimal present value, for people.
fn kr_f(x: f64) -> String {
    kr(Money(x.round() as i64))
}

fn ratio_sv(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |b| format!("{b:.2}").replace('.', ","))
}

fn rate_sv(r: f64) -> String {
    sif::text::decimal(r).replace('.', ",")
}

/// The discounting in words: one rate, or the bands with the years they cover.
fn discounting_sv(fund: &Fund) -> String {
    let mut bands: Vec<(i32, f64)> = fund
        .appraisal
        .discount_bands
        .iter()
        .map(|b| (b.from_year, b.rate))
        .collect();
    bands.sort_by_key(|b| b.0);
    if bands.is_empty() {
        return format!("{} % alla år", rate_sv(fund.discount_rate));
    }
    let mut parts = Vec::new();
    if bands[0].0 > 0 {
        parts.push(format!(
            "{} % år 0–{}",
            rate_sv(fund.discount_rate),
            bands[0].0 - 1
        ));
    }
    for (k, &(from, rate)) in bands.iter().enumerate() {
        parts.push(match bands.get(k + 1) {
            Some(&(next, _)) => format!("{} % år {from}–{}", rate_sv(rate), next - 1),
            None => format!("{} % från år {from}", rate_sv(rate)),
        });
    }
    parts.join(", ")
}

fn appraisal_text(fund: &Fund, p: &Projection) -> String {
    let r = Align::Right;
    let mut t = Table::new(&[
        ("Insats", Align::Left),
        ("Kostnad", r),
        ("Besparing", r),
        ("varav kontant", r),
        ("Återfört", r),
        ("Nuvärde", r),
        ("Kvot", r),
        ("Betalar sig år", r),
    ]);
    for a in &p.appraisal {
        t.push(vec![
            a.code.clone(),
            kr(a.cost),
            kr(a.savings),
            kr(a.cashable_savings),
            kr(a.repaid),
            kr_f(a.npv),
            ratio_sv(a.bcr),
            opt_year(a.payback_year),
        ]);
    }
    let mut out = heading(fund, p, "Samhällsekonomisk bedömning");
    out.push_str(&format!(
        "Diskonteringsränta {} %\n\n",
        rate_sv(fund.discount_rate)
    ));
    out.push_str(&t.to_text());
    out.push_str("\nVem betalar, vem vinner:\n");
    let mut w = Table::new(&[
        ("Insats", Align::Left),
        ("Aktör", Align::Left),
        ("Bär kostnad", r),
        ("Får besparing", r),
        ("Återför", r),
    ]);
    for a in &p.appraisal {
        for b in &a.by_actor {
            w.push(vec![
                a.code.clone(),
                b.actor.clone(),
                kr(b.cost),
                kr(b.savings),
                kr(b.repaid),
            ]);
        }
    }
    out.push_str(&w.to_text());

    out.push_str(&format!(
        "\nJusterad bedömning (dödvikt, tillskrivning, avtagande effekt och optimismjustering på \
         besparingarna; kostnaderna +{} %; diskontering {}). Bara en bedömning: \
         återföringsavtalet, fondredovisningen och bokföringen använder bruttobeloppen.\n",
        fund.appraisal.cost_optimism_bias,
        discounting_sv(fund)
    ));
    for a in &p.appraisal {
        let j = &a.adjusted;
        let name = fund
            .initiatives
            .iter()
            .find(|i| i.code == a.code)
            .map_or("", |i| i.name.as_str());
        out.push_str(&format!("\n{} {name}\n", a.code));
        let mut g = Table::new(&[("", Align::Left), ("Brutto", r), ("Justerat", r)]);
        g.push(vec!["Kostnad".into(), kr(a.cost), kr(j.cost)]);
        g.push(vec!["Besparing".into(), kr(a.savings), kr(j.savings)]);
        g.push(vec![
            "varav kontant".into(),
            kr(a.cashable_savings),
            kr(j.cashable_savings),
        ]);
        g.push(vec!["Nuvärde".into(), kr_f(a.npv), kr_f(j.npv)]);
        g.push(vec![
            "  lågt – högt".into(),
            String::new(),
            format!("{} – {}", kr_f(j.npv_low), kr_f(j.npv_high)),
        ]);
        g.push(vec!["Kvot".into(), ratio_sv(a.bcr), ratio_sv(j.bcr)]);
        g.push(vec![
            "Betalar sig år".into(),
            opt_year(a.payback_year),
            opt_year(j.payback_year),
        ]);
        g.push(vec![
            "  diskonterat".into(),
            String::new(),
            opt_year(j.discounted_payback_year),
        ]);
        out.push_str(&g.to_text());
        out.push_str(&format!(
            "Brytpunkt: {}; {}.\n",
            match j.switching.savings_percent {
                Some(s) => format!(
                    "nuvärdet blir noll om besparingarna blir {} % av de justerade",
                    format!("{s:.2}").replace('.', ",")
                ),
                None => "inga besparingar att falla".to_string(),
            },
            match j.switching.delay_years {
                Some(0) => "nuvärdet är redan negativt".to_string(),
                Some(1) => "en försening med 1 år gör nuvärdet negativt".to_string(),
                Some(d) => format!("en försening med {d} år gör nuvärdet negativt"),
                None => "inte ens 20 års försening gör nuvärdet negativt".to_string(),
            }
        ));
        if !j.repayment_coverage.is_empty() {
            push_table(
                &mut out,
                "Täcker de justerade kontanta besparingarna återföringen?\n",
                &[
                    ("Nämnd", Align::Left),
                    ("Planerat", r),
                    ("Täckt", r),
                    ("Brist", r),
                ],
                j.repayment_coverage.iter().map(|x| {
                    vec![
                        x.actor.clone(),
                        kr(x.planned),
                        kr(x.covered),
                        kr(x.shortfall),
                    ]
                }),
            );
        }
        if !a.sensitivity.is_empty() {
            push_table(
                &mut out,
                "Känslighet (nuvärde med en rad i taget på lågt och högt):\n",
                &[("Rad", r), ("Aktör", Align::Left), ("Lågt", r), ("Högt", r)],
                a.sensitivity.iter().map(|x| {
                    vec![
                        (x.row + 1).to_string(),
                        x.actor.clone(),
                        kr_f(x.npv_low),
                        kr_f(x.npv_high),
                    ]
                }),
            );
        }
    }
    if !p.appraisal_by_actor.is_empty() {
        push_table(
            &mut out,
            "\nHela fonden per aktör, justerat (nuvärde = nettoeffekt på budgeten):\n",
            &[
                ("Aktör", Align::Left),
                ("Bär kostnad", r),
                ("Får besparing", r),
                ("Nuvärde", r),
            ],
            p.appraisal_by_actor
                .iter()
                .map(|b| vec![b.actor.clone(), kr(b.cost), kr(b.savings), kr_f(b.npv)]),
        );
    }
    out
}

/// A heading line and an aligned table under it.
fn push_table(
    out: &mut String,
    title: &str,
    columns: &[(&str, Align)],
    rows: impl IntoIterator<Item = Vec<String>>,
) {
    out.push_str(title);
    let mut t = Table::new(columns);
    for row in rows {
        t.push(row);
    }
    out.push_str(&t.to_text());
}

/// Fails only if a line of the reconciliation does not fit in an amount.
pub fn reconcile(
    fund: &Fund,
    p: &Projection,
    format: Format,
    lang: Lang,
) -> Result<String, Overflow> {
    Ok(match format {
        Format::Json => json_text(json!({ "years": p.reconciliation })),
        Format::Csv => {
            let header = [
                "year",
                "result_before_fund",
                "disbursed",
                "repaid",
                "result",
                "realisation_gains",
                "exemption_adjustment",
                "securities_adjustment",
                "adjusted_result",
                "reserve_reservation",
                "reserve_use",
                "special_reasons",
            ]
            .map(String::from);
            // Each rule set's outcome, under its prefix.
            let outcome_columns = [
                "special_reasons_applied",
                "balance_result",
                "restore_by",
                "restored",
                "to_restore",
                "overdue",
            ];
            let mut header = header.to_vec();
            header.extend(outcome_columns.map(|c| format!("current_{c}")));
            header.extend(
                ["fund_used", "fund_reearmarked", "fund_adjustment"]
                    .iter()
                    .chain(&outcome_columns)
                    .map(|c| format!("proposed_{c}")),
            );
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            csv(
                &header,
                p.reconciliation.iter().map(|y| {
                    let m = |v: Money| v.0.to_string();
                    let oy = |v: Option<i32>| v.map_or_else(String::new, |y| y.to_string());
                    let outcome = |o: &RuleOutcome| {
                        [
                            m(o.special_reasons_applied),
                            m(o.balance_result),
                            oy(o.restore_by),
                            m(o.restoration.restored),
                            m(o.restoration.to_restore),
                            m(o.restoration.overdue),
                        ]
                    };
                    let q = &y.proposed;
                    let mut row = vec![
                        y.year.to_string(),
                        m(y.result_before_fund),
                        m(y.disbursed),
                        m(y.repaid),
                        m(y.result),
                        m(y.realisation_gains),
                        m(y.exemption_adjustment),
                        m(y.securities_adjustment),
                        m(y.adjusted_result),
                        m(y.reserve_reservation),
                        m(y.reserve_use),
                        m(y.special_reasons),
                    ];
                    row.extend(outcome(&y.current));
                    row.extend([m(q.fund_used), m(q.fund_reearmarked), m(q.fund_adjustment)]);
                    row.extend(outcome(&q.outcome));
                    row
                }),
            )
        }
        Format::Text => reconcile_text(fund, p, lang)?,
    })
}

/// One line of a rule set's outcome, as a figure.
type OutcomeLine = fn(&RuleOutcome) -> Money;

/// The reconciliation as a *förvaltningsberättelse* prints it: one block per year, the lines
/// in the published order, current law and the proposal side by side.
fn reconcile_text(fund: &Fund, p: &Projection, lang: Lang) -> Result<String, Overflow> {
    let l = |key: CliText| lang.t(key).to_string();
    let m = |v: Money| lang.money(v);
    let r = Align::Right;
    let scenario = if p.scenario == "base" {
        l(CliText::BaseScenario)
    } else {
        format!("{} {}", l(CliText::Scenario), p.scenario)
    };
    let mut out = format!(
        "{} – {} ({}), {scenario}, {}\n",
        l(CliText::BalancedBudgetReconciliation),
        fund.name,
        fund.organisation,
        l(CliText::AmountsInSEK)
    );
    let proposal = l(CliText::ProposalSifsReadingOfESO);
    for y in &p.reconciliation {
        let closed = p.year_index(y.year).is_some_and(|i| i < p.closed_years);
        let year = if closed {
            format!("{} ({})", y.year, l(CliText::Actual))
        } else {
            format!("{} ({})", y.year, l(CliText::Budget))
        };
        let mut t = Table::new(&[
            (year.as_str(), Align::Left),
            (lang.t(CliText::CurrentLaw), r),
            (lang.t(CliText::Proposal), r),
        ]);
        let (c, q) = (&y.current, &y.proposed);
        let shown = lines::reconcile_lines(y)?;
        // The lines both rule sets share, down to the reserve.
        for (label, v) in [
            (CliText::ResultForTheYearBefore, y.result_before_fund),
            (CliText::TheFundsDisbursements, shown.disbursed),
            (CliText::ResultForTheYear, y.result),
            (CliText::AllRealisationGains, shown.realisation_gains),
            (
                CliText::CertainRealisationGainsLossesUnder,
                y.exemption_adjustment,
            ),
            (
                CliText::UnrealisedLossesReversalsInSecurities,
                y.securities_adjustment,
            ),
            (
                CliText::ResultAfterBalancedBudgetAdjustments,
                y.adjusted_result,
            ),
            (CliText::ResultReserve, shown.reserve_net),
        ] {
            t.push(vec![l(label), m(v), m(v)]);
        }
        t.push(vec![
            l(CliText::SocialInvestmentFundUsedRe),
            "–".to_string(),
            m(q.fund_adjustment),
        ]);
        // The lines of both rule sets' outcomes, side by side.
        let outcome_lines: [(CliText, OutcomeLine); 6] = [
            (CliText::SpecialReasons, |o| o.special_reasons_applied),
            (CliText::BalancedBudgetResult, |o| o.balance_result),
            (CliText::BalancedBudgetDeficitsFromEarlier, |o| {
                o.restoration.earlier
            }),
            (CliText::Restored, |o| o.restoration.restored),
            (CliText::StillToRestore, |o| o.restoration.to_restore),
            (CliText::OfWhichOverdueMoreThan, |o| o.restoration.overdue),
        ];
        for (label, line) in outcome_lines {
            t.push(vec![l(label), m(line(c)), m(line(&q.outcome))]);
        }
        t.push(vec![
            l(CliText::RestoreBy),
            opt_year(c.restore_by),
            opt_year(q.outcome.restore_by),
        ]);
        out.push('\n');
        out.push_str(&t.to_text());
    }
    out.push_str(&format!(
        "\n{}\n{proposal}.\n",
        l(CliText::CurrentLawTheBalancedBudget)
    ));
    out.push_str(&l(CliText::RepaymentsToTheFundAre));
    Ok(out)
}
