//! The four reports (statement, schedule, appraisal, reconcile) as text, CSV and JSON.
//! JSON has exactly the shapes of SPEC §8; text is aligned and formatted the Swedish way.

use serde_json::{Value, json};

use super::Format;
use super::table::{Align, Table, csv_record};
use sif::engine::Projection;
use sif::model::Fund;
use sif::money::{Money, format_sv};

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

fn csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = csv_record(&header.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    for r in rows {
        out.push_str(&csv_record(&r));
    }
    out
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
                    kr(y.closing),
                    kr(y.committed),
                    kr(y.uncommitted),
                ]);
            }
            heading(fund, p, "Fondredovisning") + &t.to_text()
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
        Format::Csv => csv(
            &["initiative", "payer", "year", "planned", "actual"],
            p.schedule.rows.iter().map(|r| {
                vec![
                    r.initiative.clone(),
                    r.payer.clone(),
                    r.year.to_string(),
                    r.planned.0.to_string(),
                    r.actual.map_or_else(String::new, |a| a.0.to_string()),
                ]
            }),
        ),
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
                    Some(a) => (kr(a), kr(Money(row.planned.0 - a.0))),
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

pub fn appraisal(fund: &Fund, p: &Projection, format: Format) -> String {
    match format {
        Format::Json => json_text(json!({
            "discount_rate": fund.discount_rate,
            "initiatives": p.appraisal,
        })),
        Format::Csv => {
            let mut rows = Vec::new();
            for a in &p.appraisal {
                for b in &a.by_actor {
                    rows.push(vec![
                        a.code.clone(),
                        a.cost.0.to_string(),
                        a.savings.0.to_string(),
                        a.cashable_savings.0.to_string(),
                        a.repaid.0.to_string(),
                        format!("{:.2}", a.npv),
                        a.bcr.map_or_else(String::new, |b| format!("{b:.2}")),
                        a.payback_year.map_or_else(String::new, |y| y.to_string()),
                        b.actor.clone(),
                        b.cost.0.to_string(),
                        b.savings.0.to_string(),
                        b.repaid.0.to_string(),
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
                ],
                rows,
            )
        }
        Format::Text => {
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
                    kr(Money(a.npv.round() as i64)),
                    a.bcr
                        .map_or_else(|| "–".to_string(), |b| format!("{b:.2}").replace('.', ",")),
                    opt_year(a.payback_year),
                ]);
            }
            let mut out = heading(fund, p, "Samhällsekonomisk bedömning");
            out.push_str(&format!(
                "Diskonteringsränta {} %\n\n",
                sif::text::decimal(fund.discount_rate).replace('.', ",")
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
            out
        }
    }
}

pub fn reconcile(fund: &Fund, p: &Projection, format: Format) -> String {
    match format {
        Format::Json => json_text(json!({ "years": p.reconciliation })),
        Format::Csv => csv(
            &[
                "year",
                "result_before_fund",
                "disbursed",
                "repaid",
                "result",
                "realisation_gains",
                "current_balance_result",
                "current_restore_by",
                "proposed_fund_used",
                "proposed_fund_reearmarked",
                "proposed_balance_result",
                "proposed_restore_by",
            ],
            p.reconciliation.iter().map(|y| {
                let oy = |v: Option<i32>| v.map_or_else(String::new, |y| y.to_string());
                vec![
                    y.year.to_string(),
                    y.result_before_fund.0.to_string(),
                    y.disbursed.0.to_string(),
                    y.repaid.0.to_string(),
                    y.result.0.to_string(),
                    y.realisation_gains.0.to_string(),
                    y.current.balance_result.0.to_string(),
                    oy(y.current.restore_by),
                    y.proposed.fund_used.0.to_string(),
                    y.proposed.fund_reearmarked.0.to_string(),
                    y.proposed.balance_result.0.to_string(),
                    oy(y.proposed.restore_by),
                ]
            }),
        ),
        Format::Text => {
            let r = Align::Right;
            let mut t = Table::new(&[
                ("År", Align::Left),
                ("Resultat före fond", r),
                ("Utbetalt", r),
                ("Återfört", r),
                ("Resultat", r),
                ("Realisationsvinster", r),
                ("Balanskrav (gällande)", r),
                ("Återställ", r),
                ("Fond använd", r),
                ("Återöronmärkt", r),
                ("Balanskrav (förslag)", r),
                ("Återställ", r),
            ]);
            for y in &p.reconciliation {
                t.push(vec![
                    y.year.to_string(),
                    kr(y.result_before_fund),
                    kr(y.disbursed),
                    kr(y.repaid),
                    kr(y.result),
                    kr(y.realisation_gains),
                    kr(y.current.balance_result),
                    opt_year(y.current.restore_by),
                    kr(y.proposed.fund_used),
                    kr(y.proposed.fund_reearmarked),
                    kr(y.proposed.balance_result),
                    opt_year(y.proposed.restore_by),
                ]);
            }
            heading(fund, p, "Balanskravsutredning")
                + &t.to_text()
                + "\nGällande: balanskravsresultat enligt kommunallagen idag.\n\
                   Förslag: Sifs tolkning av förslaget i ESO 2020:1 – ett förslag, inte gällande rätt.\n"
        }
    }
}
