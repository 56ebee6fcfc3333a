//! The printable report (`sif report`, `sif::report::html`): every figure it shows is the
//! engine's, in the right language's number format; fund texts cannot become markup; and the
//! file renders in headless Chromium without errors (this test fails, never skips, when
//! Chromium is missing: CI installs Debian's `chromium`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use sif::engine::{Options, Projection, project};
use sif::model::{Fund, Status};
use sif::money::{Money, parse_money};
use sif::report::{self, Lang, ReportMeta};
use sif::store;

// ---- a small reader for the report's figure cells -----------------------------------------

/// Undo the report's escaping.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The attributes of the start tag that begins at `html[start]` (which is `<`), and the index
/// just after its `>`.
fn parse_tag(html: &str, start: usize) -> (BTreeMap<String, String>, usize) {
    let end = start + html[start..].find('>').expect("a tag ends");
    let inner = &html[start + 1..end];
    let mut attrs = BTreeMap::new();
    let mut rest = inner.split_once(' ').map_or("", |(_, r)| r);
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].trim().to_string();
        let after = &rest[eq + 2..];
        let close = after.find('"').expect("attribute value ends");
        attrs.insert(name, unescape(&after[..close]));
        rest = &after[close + 1..];
    }
    (attrs, end + 1)
}

/// Every element with a `data-field`: a key built from its data attributes, and its text.
fn figures(html: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut from = 0;
    while let Some(found) = html[from..].find(" data-") {
        let at = from + found;
        let start = html[..at].rfind('<').expect("inside a tag");
        let (attrs, content_start) = parse_tag(html, start);
        from = content_start;
        if !attrs.contains_key("data-field") {
            continue;
        }
        let content_end = content_start + html[content_start..].find("</").expect("closed");
        let text = unescape(&html[content_start..content_end]);
        let key = figure_key(
            &attrs
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix("data-")?, v.as_str())))
                .collect::<Vec<_>>(),
        );
        assert!(
            out.insert(key.clone(), text).is_none(),
            "two cells claim the figure {key}"
        );
    }
    out
}

/// `table|field|k=v|k=v` with the keys sorted.
fn figure_key(pairs: &[(&str, &str)]) -> String {
    let map: BTreeMap<&str, &str> = pairs.iter().copied().collect();
    let mut key = format!(
        "{}|{}",
        map.get("table").copied().unwrap_or(""),
        map.get("field").copied().unwrap_or("")
    );
    for (k, v) in &map {
        if *k != "table" && *k != "field" {
            key.push_str(&format!("|{k}={v}"));
        }
    }
    key
}

/// What the engine says, collected as (key, expected) pairs.
#[derive(Default)]
struct Expected {
    money: Vec<(String, Money)>,
    text: Vec<(String, String)>,
}

impl Expected {
    fn money(&mut self, table: &str, keys: &[(&str, String)], field: &str, m: Money) {
        self.money.push((key(table, keys, field), m));
    }
    fn text(&mut self, table: &str, keys: &[(&str, String)], field: &str, t: String) {
        self.text.push((key(table, keys, field), t));
    }
}

fn key(table: &str, keys: &[(&str, String)], field: &str) -> String {
    let mut pairs: Vec<(&str, &str)> = vec![("table", table), ("field", field)];
    pairs.extend(keys.iter().map(|(k, v)| (*k, v.as_str())));
    figure_key(&pairs)
}

fn sum(items: impl IntoIterator<Item = Money>) -> Money {
    Money(items.into_iter().map(|m| m.0).sum())
}

/// Every figure the report must show, straight from the projection.
fn expected_figures(fund: &Fund, p: &Projection, lang: Lang) -> Expected {
    let mut x = Expected::default();
    for y in &p.statement {
        let k = [("year", y.year.to_string())];
        for (f, m) in [
            ("opening", y.opening),
            ("capital", y.capital),
            ("disbursed", y.disbursed),
            ("repaid", y.repaid),
            ("fund_used", y.fund_used),
            ("unfunded", y.unfunded),
            ("closing", y.closing),
            ("committed", y.committed),
            ("uncommitted", y.uncommitted),
        ] {
            x.money("statement", &k, f, m);
        }
    }
    let restore = |r: Option<i32>| r.map_or_else(|| "–".to_string(), |y| y.to_string());
    for y in &p.reconciliation {
        let k = [("year", y.year.to_string())];
        let t = "reconciliation";
        for (f, m) in [
            ("result_before_fund", y.result_before_fund),
            ("disbursed", y.disbursed),
            ("result", y.result),
            ("realisation_gains", y.realisation_gains),
            ("exemption_adjustment", y.exemption_adjustment),
            ("securities_adjustment", y.securities_adjustment),
            ("adjusted_result", y.adjusted_result),
            ("reserve_reservation", y.reserve_reservation),
            ("reserve_use", y.reserve_use),
        ] {
            x.money(t, &k, f, m);
        }
        for (t, prefix, special, balance, restore_by, rest) in [
            (
                "reconciliation-current",
                "current",
                y.current.special_reasons_applied,
                y.current.balance_result,
                y.current.restore_by,
                y.current.restoration,
            ),
            (
                "reconciliation-proposed",
                "proposed",
                y.proposed.outcome.special_reasons_applied,
                y.proposed.outcome.balance_result,
                y.proposed.outcome.restore_by,
                y.proposed.outcome.restoration,
            ),
        ] {
            let f = |name: &str| format!("{prefix}.{name}");
            x.money(t, &k, &f("special_reasons_applied"), special);
            x.money(t, &k, &f("balance_result"), balance);
            x.text(t, &k, &f("restore_by"), restore(restore_by));
            x.money(t, &k, &f("restored"), rest.restored);
            x.money(t, &k, &f("to_restore"), rest.to_restore);
            x.money(t, &k, &f("overdue"), rest.overdue);
        }
        let t = "reconciliation-proposed";
        for (f, m) in [
            ("proposed.fund_used", y.proposed.fund_used),
            ("proposed.fund_reearmarked", y.proposed.fund_reearmarked),
            ("proposed.fund_adjustment", y.proposed.fund_adjustment),
        ] {
            x.money(t, &k, f, m);
        }
    }
    for (t, list) in [
        ("deficits-current", &p.deficits.current),
        ("deficits-proposed", &p.deficits.proposed),
    ] {
        for d in list {
            let k = [("year", d.year.to_string())];
            x.money(t, &k, "amount", d.amount);
            x.text(t, &k, "restore_by", d.restore_by.to_string());
            x.money(t, &k, "restored", d.restored);
            x.money(t, &k, "left", d.left);
        }
    }
    for r in &p.schedule.rows {
        let k = [
            ("initiative", r.initiative.clone()),
            ("payer", r.payer.clone()),
            ("year", r.year.to_string()),
        ];
        x.money("schedule", &k, "planned", r.planned);
        if let Some(a) = r.actual {
            x.money("schedule", &k, "actual", a);
            x.money("schedule", &k, "arrears", Money(r.planned.0 - a.0));
        }
    }
    if !p.schedule.rows.is_empty() {
        x.money(
            "schedule-total",
            &[],
            "planned",
            sum(p.schedule.rows.iter().map(|r| r.planned)),
        );
        if p.schedule.rows.iter().any(|r| r.actual.is_some()) {
            let actual = sum(p.schedule.rows.iter().filter_map(|r| r.actual));
            let planned_closed = sum(p
                .schedule
                .rows
                .iter()
                .filter(|r| r.actual.is_some())
                .map(|r| r.planned));
            x.money("schedule-total", &[], "actual", actual);
            x.money(
                "schedule-total",
                &[],
                "arrears",
                Money(planned_closed.0 - actual.0),
            );
        }
    }
    for ip in &p.initiatives {
        let code = fund.initiatives[ip.index].code.clone();
        let k = [("initiative", code.clone())];
        x.money("repayment-summary", &k, "fund_total", ip.fund_total);
        x.money(
            "repayment-summary",
            &k,
            "planned",
            ip.total_planned_repayment(),
        );
        x.money("repayment-summary", &k, "repaid", ip.total_repaid());
        let outstanding = p
            .schedule
            .outstanding
            .iter()
            .find(|o| o.initiative == code)
            .map_or(Money::ZERO, |o| o.amount);
        x.money("repayment-summary", &k, "outstanding", outstanding);
        x.money(
            "initiatives",
            &k,
            "fund_cost",
            sum(ip.fund_cost.iter().copied()),
        );
    }
    for a in &p.appraisal {
        let k = [("initiative", a.code.clone())];
        x.money("appraisal", &k, "cost", a.cost);
        x.money("appraisal", &k, "savings", a.savings);
        x.money("appraisal", &k, "cashable_savings", a.cashable_savings);
        x.money("appraisal", &k, "repaid", a.repaid);
        x.money("appraisal", &k, "npv", Money(a.npv.round() as i64));
        let bcr = a.bcr.map_or_else(
            || "–".to_string(),
            |b| match lang {
                Lang::Sv => format!("{b:.2}").replace('.', ","),
                Lang::En => format!("{b:.2}"),
            },
        );
        x.text("appraisal", &k, "bcr", bcr);
        let payback = a.payback_year.map_or_else(
            || match lang {
                Lang::Sv => "ej inom perioden".to_string(),
                Lang::En => "not within horizon".to_string(),
            },
            |y| y.to_string(),
        );
        x.text("appraisal", &k, "payback_year", payback);

        // The adjusted appraisal (SPEC §4.7): the range, the paybacks, the switching values.
        let j = &a.adjusted;
        let t = "appraisal-adjusted";
        x.money(t, &k, "cost", j.cost);
        x.money(t, &k, "savings", j.savings);
        x.money(t, &k, "npv", Money(j.npv.round() as i64));
        x.money(t, &k, "npv_low", Money(j.npv_low.round() as i64));
        x.money(t, &k, "npv_high", Money(j.npv_high.round() as i64));
        assert!(j.npv_low <= j.npv && j.npv <= j.npv_high, "{}", a.code);
        let two = |b: f64| match lang {
            Lang::Sv => format!("{b:.2}").replace('.', ","),
            Lang::En => format!("{b:.2}"),
        };
        x.text(t, &k, "bcr", j.bcr.map_or_else(|| "–".to_string(), two));
        let year = |y: Option<i32>| {
            y.map_or_else(
                || match lang {
                    Lang::Sv => "ej inom perioden".to_string(),
                    Lang::En => "not within horizon".to_string(),
                },
                |y| y.to_string(),
            )
        };
        x.text(t, &k, "payback_year", year(j.payback_year));
        x.text(
            t,
            &k,
            "discounted_payback_year",
            year(j.discounted_payback_year),
        );
        let share = j.switching.savings_percent.map_or_else(
            || "–".to_string(),
            |v| match lang {
                Lang::Sv => format!("{}\u{a0}%", two(v)),
                Lang::En => format!("{}%", two(v)),
            },
        );
        x.text(t, &k, "savings_percent", share);
        let delay = match (j.switching.delay_years, lang) {
            (Some(d), Lang::Sv) => format!("{d} år"),
            (Some(1), Lang::En) => "1 year".to_string(),
            (Some(d), Lang::En) => format!("{d} years"),
            (None, Lang::Sv) => "över 20 år".to_string(),
            (None, Lang::En) => "over 20 years".to_string(),
        };
        x.text(t, &k, "delay_years", delay);
        for c in &j.repayment_coverage {
            let k = [("initiative", a.code.clone()), ("actor", c.actor.clone())];
            x.money("appraisal-coverage", &k, "planned", c.planned);
            x.money("appraisal-coverage", &k, "covered", c.covered);
            x.money("appraisal-coverage", &k, "shortfall", c.shortfall);
            assert_eq!(c.covered.0 + c.shortfall.0, c.planned.0);
        }
    }
    for actor in &fund.actors {
        let rows: Vec<_> = p
            .appraisal
            .iter()
            .flat_map(|a| {
                a.by_actor
                    .iter()
                    .filter(|b| b.actor == actor.code)
                    .map(move |b| (a.code.clone(), b))
            })
            .collect();
        for (code, b) in &rows {
            let k = [("actor", actor.code.clone()), ("initiative", code.clone())];
            x.money("who-gains", &k, "cost", b.cost);
            x.money("who-gains", &k, "savings", b.savings);
            x.money("who-gains", &k, "repaid", b.repaid);
        }
        if !rows.is_empty() {
            let k = [("actor", actor.code.clone())];
            x.money(
                "who-gains-total",
                &k,
                "cost",
                sum(rows.iter().map(|r| r.1.cost)),
            );
            x.money(
                "who-gains-total",
                &k,
                "savings",
                sum(rows.iter().map(|r| r.1.savings)),
            );
            x.money(
                "who-gains-total",
                &k,
                "repaid",
                sum(rows.iter().map(|r| r.1.repaid)),
            );
        }
    }
    let st = &p.statement;
    x.money("kpi", &[], "capital", sum(st.iter().map(|y| y.capital)));
    x.money("kpi", &[], "disbursed", sum(st.iter().map(|y| y.disbursed)));
    x.money("kpi", &[], "repaid", sum(st.iter().map(|y| y.repaid)));
    x.money("kpi", &[], "closing", st.last().unwrap().closing);
    x.money(
        "kpi",
        &[],
        "lowest_uncommitted",
        st.iter().map(|y| y.uncommitted).min().unwrap(),
    );
    x.money(
        "kpi",
        &[],
        "outstanding",
        sum(p.schedule.outstanding.iter().map(|o| o.amount)),
    );
    x
}

fn meta(lang: Lang) -> ReportMeta {
    ReportMeta {
        lang,
        source_file: "fonder/exempel.ron".to_string(),
        made_on: "2026-03-14".to_string(),
    }
}

/// A money cell's text is the language's format: `−1 234` with no-break spaces in Swedish,
/// `-1,234` in English.
fn assert_number_format(text: &str, lang: Lang, key: &str) {
    let (sep, minus) = match lang {
        Lang::Sv => ('\u{a0}', '\u{2212}'),
        Lang::En => (',', '-'),
    };
    let body = text.strip_prefix(minus).unwrap_or(text);
    let groups: Vec<&str> = body.split(sep).collect();
    let ok = !groups.is_empty()
        && groups[0].len() <= 3
        && !groups[0].is_empty()
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    assert!(ok, "{key}: “{text}” is not a {lang:?} amount");
}

/// Check the report of one fund under one scenario against the engine, figure by figure.
fn check_figures(name: &str, fund: &Fund, options: &Options, lang: Lang) -> String {
    let p = project(fund, options).unwrap();
    let html = report::html(fund, &p, &meta(lang)).unwrap();
    let shown = figures(&html);
    let x = expected_figures(fund, &p, lang);
    let what = format!("{name}, scenario {}, {lang:?}", p.scenario);
    for (k, m) in &x.money {
        let text = shown
            .get(k)
            .unwrap_or_else(|| panic!("{what}: the report does not show {k}"));
        assert_number_format(text, lang, k);
        assert_eq!(parse_money(text).unwrap(), *m, "{what}: {k} shows “{text}”");
    }
    for (k, t) in &x.text {
        assert_eq!(shown.get(k), Some(t), "{what}: {k}");
    }
    // No other figures: every figure cell is one the engine accounts for (plus the cover's and
    // the assumptions' text fields).
    let known: std::collections::HashSet<&String> = x
        .money
        .iter()
        .map(|(k, _)| k)
        .chain(x.text.iter().map(|(k, _)| k))
        .collect();
    let extra: Vec<&String> = shown
        .keys()
        .filter(|k| !known.contains(k))
        .filter(|k| !k.starts_with("cover|") && !k.starts_with("assumptions|"))
        .collect();
    assert!(
        extra.is_empty(),
        "{what}: figures the test does not know: {extra:?}"
    );
    assert_eq!(
        shown.get("cover|made_on").map(String::as_str),
        Some("2026-03-14")
    );
    assert_eq!(
        shown.get("cover|source_file").map(String::as_str),
        Some("fonder/exempel.ron")
    );
    html
}

fn sample(name: &str) -> Fund {
    let s = sif::samples::SAMPLES
        .iter()
        .find(|s| s.name == name)
        .unwrap();
    store::parse_str(s.text, s.name).unwrap()
}

#[test]
fn every_figure_matches_the_engine_for_every_sample_scenario_and_language() {
    for s in sif::samples::SAMPLES {
        let fund = store::parse_str(s.text, s.name).unwrap();
        let mut scenarios = vec![None];
        scenarios.extend(fund.scenarios.iter().map(|sc| Some(sc.name.as_str())));
        for scenario in scenarios {
            for include_proposed in [false, true] {
                let options = Options::named(&fund, scenario, include_proposed).unwrap();
                for lang in [Lang::Sv, Lang::En] {
                    check_figures(s.name, &fund, &options, lang);
                }
            }
        }
    }
}

#[test]
fn the_pessimistic_scenario_is_stated_with_its_assumptions() {
    let fund = sample("exempelkommun");
    let options = Options::named(&fund, Some("Pessimistiskt"), false).unwrap();
    let html = check_figures("exempelkommun", &fund, &options, Lang::Sv);
    let shown = figures(&html);
    assert_eq!(shown["assumptions|scenario"], "Pessimistiskt");
    assert_eq!(shown["assumptions|savings_factor"], "60\u{a0}% av planen");
    assert_eq!(shown["assumptions|cost_factor"], "110\u{a0}% av planen");
    assert_eq!(shown["assumptions|delay"], "1 år");
    assert!(
        shown["assumptions|include_proposed"].starts_with("Räknas inte"),
        "{}",
        shown["assumptions|include_proposed"]
    );
    assert!(shown["cover|scenario"].starts_with("Pessimistiskt"));
    // P103 is proposed: not counted, and said so.
    assert!(html.contains("id=\"not-counted\""));
    assert!(!html.contains("data-initiative=\"P103\""));

    let with = Options::named(&fund, Some("Pessimistiskt"), true).unwrap();
    let html = check_figures("exempelkommun", &fund, &with, Lang::En);
    let shown = figures(&html);
    assert!(shown["assumptions|include_proposed"].starts_with("Counted"));
    assert!(html.contains("data-initiative=\"P103\""));
    assert!(!html.contains("id=\"not-counted\""));
}

#[test]
fn negative_balance_results_are_highlighted_with_their_restore_by_year() {
    let fund = sample("exempelkommun");
    let p = project(&fund, &Options::default()).unwrap();
    let negative: Vec<_> = p
        .reconciliation
        .iter()
        .filter(|y| y.current.balance_result.0 < 0)
        .collect();
    assert!(!negative.is_empty(), "the sample has a deficit year");
    let html = report::html(&fund, &p, &meta(Lang::Sv)).unwrap();
    for y in negative {
        let cell = format!(
            "<td class=\"num neg\" data-table=\"reconciliation-current\" data-year=\"{}\" data-field=\"current.balance_result\">",
            y.year
        );
        assert!(html.contains(&cell), "{} is not shown as negative", y.year);
        let restore = format!(
            "<td class=\"num restore\" data-table=\"reconciliation-current\" data-year=\"{}\" data-field=\"current.restore_by\">{}</td>",
            y.year,
            y.year + 3
        );
        assert!(html.contains(&restore), "{}: no restore-by year", y.year);
        assert!(html.contains(&format!("{} (återställs senast {})", y.year, y.year + 3)));
    }
    // The proposed rules are labelled as Sif's reading, not law, in both languages.
    assert!(html.contains("Sifs tolkning av ESO 2020:1, inte gällande rätt"));
    let en = report::html(&fund, &p, &meta(Lang::En)).unwrap();
    assert!(en.contains("Sif&#39;s reading of ESO 2020:1, not law"));
    assert!(en.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\""));
    assert!(html.contains("lang=\"sv\""));
}

#[test]
fn the_report_is_self_contained_and_has_every_section() {
    let fund = sample("uppfoljning");
    let p = project(&fund, &Options::default()).unwrap();
    let html = report::html(&fund, &p, &meta(Lang::Sv)).unwrap();
    for id in [
        "summary",
        "at-a-glance",
        "assumptions",
        "statement",
        "reconciliation",
        "schedule",
        "appraisal",
        "who-gains",
        "colophon",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "no section {id}");
    }
    assert_eq!(html.matches("<svg ").count(), 3, "three charts");
    assert!(!html.contains("<script"));
    assert!(!html.contains("src="));
    assert!(!html.contains("<link"));
    // The only addresses are the XML namespaces: nothing is fetched from anywhere.
    assert_eq!(
        html.matches("http").count(),
        html.matches("xmlns=\"http").count()
    );
    assert!(html.contains("@page"));
    // Closed years are marked as actual figures; arrears are shown.
    assert!(html.contains("2025 <span class=\"tag\">utfall</span>"));
    assert!(html.contains("data-field=\"arrears\""));
}

/// A fund whose every text tries to become markup.
fn hostile_fund() -> Fund {
    let mut fund = sample("exempelkommun");
    fund.name = "<script>alert(\"namn\")</script> & 'Fond'".to_string();
    fund.organisation = "</title><b>Kommun</b>".to_string();
    fund.org_number = Some("\"><svg onload=alert(1)>".to_string());
    fund.actors[1].name = "Soc<ial> & \"nämnd\"".to_string();
    fund.initiatives[0].code = "P<1>&\"".to_string();
    fund.initiatives[0].name = "<img src=x onerror=alert(1)>".to_string();
    fund.initiatives[0].note = "]]> <!-- --> \u{1} </td></tr>".to_string();
    fund.capital[0].note = "</td></tr></table><p>".to_string();
    fund.scenarios[0].name = "Pess<imist>&".to_string();
    fund
}

fn hostile_report(lang: Lang) -> String {
    let fund = hostile_fund();
    let report = sif::validate::validate(&fund);
    assert!(!report.has_errors(), "{:?}", report.issues);
    let options = Options::named(&fund, Some("Pess<imist>&"), false).unwrap();
    let p = project(&fund, &options).unwrap();
    let meta = ReportMeta {
        lang,
        source_file: "C:\\fonder\\<iframe src=\"x\">.ron".to_string(),
        made_on: "2026-03-14".to_string(),
    };
    report::html(&fund, &p, &meta).unwrap()
}

#[test]
fn fund_texts_are_escaped_everywhere() {
    for lang in [Lang::Sv, Lang::En] {
        let html = hostile_report(lang);
        for raw in [
            "<script",
            "<img",
            "<b>",
            "<svg onload",
            "<ial>",
            "<imist>",
            "<iframe",
            "</title><b>",
            "P<1>",
            "]]>",
            "<!--",
            "\u{1}",
        ] {
            assert!(!html.contains(raw), "{lang:?}: “{raw}” reached the markup");
        }
        assert!(
            html.contains(
                "&lt;script&gt;alert(&quot;namn&quot;)&lt;/script&gt; &amp; &#39;Fond&#39;"
            )
        );
        assert!(html.contains("Soc&lt;ial&gt; &amp; &quot;nämnd&quot;"));
        // The hostile code still finds its figures.
        let shown = figures(&html);
        assert!(shown.contains_key("appraisal|cost|initiative=P<1>&\""));
        assert_eq!(
            shown["cover|source_file"],
            "C:\\fonder\\<iframe src=\"x\">.ron"
        );
        // Every tag is one the report writes: a start tag never begins with text from the fund.
        let tags: std::collections::BTreeSet<&str> = html
            .split('<')
            .skip(1)
            .map(|t| t.split([' ', '>', '/', '\n']).next().unwrap_or(""))
            .collect();
        let allowed = [
            "",
            "!DOCTYPE",
            "html",
            "head",
            "meta",
            "title",
            "style",
            "body",
            "header",
            "p",
            "h1",
            "h2",
            "h3",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "section",
            "div",
            "span",
            "strong",
            "ul",
            "li",
            "nav",
            "ol",
            "a",
            "figure",
            "figcaption",
            "svg",
            "line",
            "rect",
            "text",
            "polyline",
            "circle",
            "br",
        ];
        for t in &tags {
            assert!(allowed.contains(t), "{lang:?}: unexpected tag <{t}>");
        }
    }
}

// ---- headless Chromium ------------------------------------------------------------------------

fn chromium() -> PathBuf {
    if let Some(p) = std::env::var_os("SIF_CHROMIUM").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    panic!(
        "headless Chromium is needed for this test and was not found: install Debian's \
         `chromium` (listed in .ci/packages.txt) or set SIF_CHROMIUM"
    );
}

/// Render a file with headless Chromium; the DOM it built and what it logged.
fn render(browser: &Path, file: &Path, profile: &Path) -> (String, String) {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("Chromium starts");
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "Chromium failed on {}:\n{log}",
        file.display()
    );
    (dom, log)
}

#[test]
fn reports_render_in_headless_chromium_without_errors() {
    let browser = chromium();
    let dir = tempfile::tempdir().unwrap();
    let mut pages: Vec<(String, String)> = Vec::new();
    for s in sif::samples::SAMPLES {
        let fund = store::parse_str(s.text, s.name).unwrap();
        for lang in [Lang::Sv, Lang::En] {
            let p = project(&fund, &Options::default()).unwrap();
            pages.push((
                format!("{}-{lang:?}", s.name),
                report::html(&fund, &p, &meta(lang)).unwrap(),
            ));
        }
    }
    pages.push(("hostile".to_string(), hostile_report(Lang::Sv)));

    // As HTML: what people open; as XHTML: Chromium's strict XML parser, which stops at the
    // first unescaped character or unclosed element. Two browsers at a time, each with its own
    // profile.
    let jobs: Vec<(&str, &str, &str)> = pages
        .iter()
        .flat_map(|(name, html)| ["html", "xhtml"].map(|ext| (name.as_str(), html.as_str(), ext)))
        .collect();
    let rendered: Vec<(String, String, String)> = std::thread::scope(|scope| {
        let halves: Vec<_> = jobs
            .chunks(jobs.len().div_ceil(2))
            .enumerate()
            .map(|(k, chunk)| {
                let (browser, dir) = (&browser, dir.path());
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|(name, html, ext)| {
                            let file = dir.join(format!("{name}.{ext}"));
                            std::fs::write(&file, html).unwrap();
                            let (dom, log) =
                                render(browser, &file, &dir.join(format!("profile-{k}")));
                            (format!("{name}.{ext}"), dom, log)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        halves.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(rendered.len(), jobs.len());
    for (file, dom, log) in &rendered {
        let (name, ext) = file.rsplit_once('.').unwrap();
        {
            let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
            assert!(
                console.is_empty(),
                "{name}.{ext}: console messages: {console:?}"
            );
            assert!(
                !dom.contains("parsererror"),
                "{name}.{ext} does not parse:\n{dom}"
            );
            assert!(!dom.contains("<script"), "{name}.{ext}");
            for id in [
                "summary",
                "assumptions",
                "statement",
                "reconciliation",
                "schedule",
                "appraisal",
                "who-gains",
            ] {
                assert!(
                    dom.contains(&format!("id=\"{id}\"")),
                    "{name}.{ext}: no {id}"
                );
            }
            assert_eq!(dom.matches("<svg").count(), 3, "{name}.{ext}: three charts");
            assert!(dom.contains("data-field=\"closing\""), "{name}.{ext}");
            if name == "hostile" {
                assert!(
                    dom.contains("&lt;script&gt;alert(\"namn\")&lt;/script&gt;"),
                    "{dom}"
                );
                assert!(!dom.contains("<img"));
            }
        }
    }
}

/// `sif report` writes HTML with the date from SOURCE_DATE_EPOCH, and PDF through Chromium.
#[test]
fn the_command_line_writes_html_and_pdf() {
    let browser = chromium();
    let dir = tempfile::tempdir().unwrap();
    let fund_file = dir.path().join("fond.ron");
    std::fs::write(&fund_file, sif::samples::template("uppfoljning").unwrap()).unwrap();
    let sif = env!("CARGO_BIN_EXE_sif");

    let html_file = dir.path().join("rapport.html");
    let out = Command::new(sif)
        .args(["report"])
        .arg(&fund_file)
        .args(["--lang", "en", "-o"])
        .arg(&html_file)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&html_file).unwrap();
    let shown = figures(&html);
    assert_eq!(shown["cover|made_on"], "2026-01-01");
    assert_eq!(shown["cover|source_file"], fund_file.display().to_string());
    assert!(html.contains("lang=\"en\""));

    // Standard output, and the same bytes again for the same date.
    let out = Command::new(sif)
        .args(["report"])
        .arg(&fund_file)
        .args(["--lang", "en", "-o", "-"])
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), html);

    // An unknown scenario is refused with exit code 2 and a clear message.
    let out = Command::new(sif)
        .args(["report"])
        .arg(&fund_file)
        .args(["--scenario", "Saknas", "-o"])
        .arg(dir.path().join("x.html"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Saknas"));

    let pdf_file = dir.path().join("rapport.pdf");
    let out = Command::new(sif)
        .args(["report"])
        .arg(&fund_file)
        .arg("-o")
        .arg(&pdf_file)
        .env("SIF_CHROMIUM", &browser)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = std::fs::read(&pdf_file).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = String::from_utf8_lossy(&pdf);
    let pages = text
        .match_indices("/Count ")
        .filter_map(|(i, _)| {
            text[i + 7..]
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse::<u32>()
                .ok()
        })
        .max()
        .unwrap_or(0);
    assert!(
        (4..=20).contains(&pages),
        "an A4 report of a few pages, not {pages}"
    );

    // Without a browser, PDF fails with a clear message and writes nothing.
    let none = dir.path().join("none.pdf");
    let out = Command::new(sif)
        .args(["report"])
        .arg(&fund_file)
        .arg("-o")
        .arg(&none)
        .env("SIF_CHROMIUM", dir.path().join("no-such-browser"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PDF"));
    assert!(!none.exists());
}

#[test]
fn a_proposed_initiative_counts_only_when_asked() {
    let fund = sample("exempelkommun");
    let proposed = fund
        .initiatives
        .iter()
        .find(|i| i.status == Status::Proposed)
        .unwrap();
    for include in [false, true] {
        let p = project(&fund, &Options::named(&fund, None, include).unwrap()).unwrap();
        let html = report::html(&fund, &p, &meta(Lang::Sv)).unwrap();
        let appraised = html.contains(&format!(
            "data-table=\"appraisal\" data-initiative=\"{}\"",
            proposed.code
        ));
        assert_eq!(appraised, include);
    }
}

#[test]
fn a_large_generated_fund_reports_every_figure_and_lists_every_warning() {
    let fund = sif::generate::generate_fund(&sif::generate::GenerateParams {
        initiatives: 40,
        years: 20,
        actors: 10,
        seed: 7,
    });
    let check = sif::validate::validate(&fund);
    assert!(!check.has_errors());
    let warnings = check.warning_count();
    assert!(warnings > 5, "the generated fund has warnings to list");
    let html = check_figures("generated", &fund, &Options::default(), Lang::En);
    // The cover lists five and points to section 7, which lists them all.
    let cover = &html[..html.find("id=\"assumptions\"").unwrap()];
    let listed = &cover[cover.find("<ul class=\"warnings\">").unwrap()..];
    assert_eq!(
        listed[..listed.find("</ul>").unwrap()]
            .matches("<li>")
            .count(),
        5
    );
    assert!(cover.contains(&format!("and {} more", warnings - 5)));
    let appendix = &html[html.find("id=\"warnings\"").expect("section 7")..];
    assert_eq!(appendix.matches("<li>").count(), warnings);
}

#[test]
fn an_empty_fund_and_an_annual_appropriation_report_cleanly() {
    let empty = Fund::empty("Ny fond", "Kommun", 2026);
    let html = check_figures("empty", &empty, &Options::default(), Lang::Sv);
    assert!(html.contains("Ingen insats räknas i detta scenario."));
    assert!(html.contains("Fondfilen har inga budgetsiffror"));

    let mut pot = sample("exempelkommun");
    pot.model = sif::model::FundingModel::AnnualAppropriation;
    let html = check_figures("appropriation", &pot, &Options::default(), Lang::En);
    assert!(html.contains("The fund is an annual appropriation."));
    assert!(html.contains("so in Sif&#39;s reading the proposal changes nothing here"));
}

#[test]
fn the_adjusted_appraisal_its_range_and_a_coverage_shortfall_are_in_the_report() {
    // The region: R3's adjusted cashable savings do not cover its agreed repayment.
    let fund = sample("region");
    let p = project(&fund, &Options::default()).unwrap();
    let r3 = p.appraisal.iter().find(|a| a.code == "R3").unwrap();
    let short: i64 = r3
        .adjusted
        .repayment_coverage
        .iter()
        .map(|c| c.shortfall.0)
        .sum();
    assert!(short > 0, "the sample has a shortfall");
    for (lang, heading, warning) in [
        (
            Lang::Sv,
            "Justerad bedömning",
            "Varning: de justerade besparingarna räcker inte till den planerade återföringen för R3",
        ),
        (
            Lang::En,
            "Adjusted appraisal",
            "Warning: the adjusted savings do not cover the planned repayment for R3",
        ),
    ] {
        let html = report::html(&fund, &p, &meta(lang)).unwrap();
        assert!(html.contains(heading), "{lang:?}");
        assert!(html.contains(warning), "{lang:?}");
        assert!(html.contains("data-table=\"appraisal-coverage\" data-initiative=\"R3\""));
        // The shortfall is marked.
        let at = html
            .find("data-initiative=\"R3\" data-actor=")
            .and_then(|i| html[i..].find("data-field=\"shortfall\"").map(|k| i + k))
            .unwrap();
        let cell_start = html[..at].rfind("<td").unwrap();
        assert!(html[cell_start..at].contains("neg"), "{lang:?}");
    }
    // Without any shortfall, no warning.
    let fund = sample("uppfoljning");
    let p = project(&fund, &Options::default()).unwrap();
    if p.appraisal
        .iter()
        .flat_map(|a| &a.adjusted.repayment_coverage)
        .all(|c| c.shortfall.0 == 0)
    {
        let html = report::html(&fund, &p, &meta(Lang::Sv)).unwrap();
        assert!(!html.contains("Varning: de justerade besparingarna"));
    }
}
