//! The repayments read model (SPEC §4.4): per payer and year what is planned, what the fund
//! received and the arrears in closed years, per initiative the same over the horizon, and the
//! figures of one initiative's closed year beside its plan. The app's Återföringar view shows
//! these; every sum is checked here once, so no view adds money up.

use crate::engine::{PayerFlow, Projection};
use crate::model::{Fund, Initiative, Status};
use crate::money::{Money, Overflow, checked_sum};
use crate::text::{CsvDialect, CsvWriter};

/// Which initiatives and payers are summed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RepaymentFilter {
    /// Only this payer (an index into `fund.actors`).
    pub payer: Option<usize>,
    /// Initiatives whose code or name contains this text (case-insensitive).
    pub text: String,
    pub status: Option<Status>,
    /// Only initiatives with arrears in closed years.
    pub only_arrears: bool,
}

/// One payer's (or all payers') repayments per horizon year, with their sums.
#[derive(Debug, Clone, PartialEq)]
pub struct PayerYears {
    /// An index into `fund.actors`; `None` for the total of all payers.
    pub actor: Option<usize>,
    pub planned: Vec<Money>,
    /// What the fund receives: the actual amount in closed years, the plan after.
    pub received: Vec<Money>,
    /// Planned − received in each closed year (`None` in open years).
    pub arrears: Vec<Option<Money>>,
    planned_total: Money,
    actual_total: Money,
    arrears_total: Money,
}

impl PayerYears {
    fn new(actor: Option<usize>, years: usize) -> PayerYears {
        PayerYears {
            actor,
            planned: vec![Money::ZERO; years],
            received: vec![Money::ZERO; years],
            arrears: vec![None; years],
            planned_total: Money::ZERO,
            actual_total: Money::ZERO,
            arrears_total: Money::ZERO,
        }
    }

    fn add_flow(&mut self, flow: &PayerFlow) -> Result<(), Overflow> {
        for (slot, v) in self.planned.iter_mut().zip(&flow.planned) {
            *slot = slot.checked_add(*v)?;
        }
        for (slot, v) in self.received.iter_mut().zip(&flow.received) {
            *slot = slot.checked_add(*v)?;
        }
        Ok(())
    }

    /// The sums and the arrears, once every flow is in.
    fn finish(&mut self, closed: usize) -> Result<(), Overflow> {
        let n = closed.min(self.planned.len()).min(self.received.len());
        self.planned_total = checked_sum(self.planned.iter().copied())?;
        self.actual_total = checked_sum(self.received[..n].iter().copied())?;
        let planned_closed = checked_sum(self.planned[..n].iter().copied())?;
        self.arrears_total = planned_closed.checked_sub(self.actual_total)?;
        for (y, slot) in self.arrears.iter_mut().enumerate().take(n) {
            *slot = Some(self.planned[y].checked_sub(self.received[y])?);
        }
        Ok(())
    }

    /// Planned over the whole horizon.
    pub fn planned_total(&self) -> Money {
        self.planned_total
    }

    /// Actually received over the closed years.
    pub fn actual_total(&self) -> Money {
        self.actual_total
    }

    /// Planned − actual over the closed years.
    pub fn arrears_total(&self) -> Money {
        self.arrears_total
    }
}

/// One initiative of the list: its figures for the chosen payers.
#[derive(Debug, Clone, PartialEq)]
pub struct InitiativeRow {
    /// An index into `fund.initiatives`.
    pub index: usize,
    pub planned: Money,
    pub actual: Money,
    pub arrears: Money,
    /// Not reached by the horizon's end (the whole initiative's, not split by payer).
    pub outstanding: Money,
}

/// The figures of the chosen initiatives.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub first_year: i32,
    pub years: usize,
    pub closed: usize,
    /// The payers, in actor order.
    pub payers: Vec<PayerYears>,
    /// All payers together.
    pub total: PayerYears,
    pub rows: Vec<InitiativeRow>,
    /// Σ outstanding of the chosen initiatives.
    pub outstanding: Money,
    /// What the whole fund received over the horizon (the fund statement's `repaid`),
    /// whatever the filter.
    pub fund_repaid: Money,
}

impl Summary {
    pub fn year(&self, y: usize) -> i32 {
        self.first_year
            .saturating_add(i32::try_from(y).unwrap_or(i32::MAX))
    }
}

/// Σ planned − Σ received of one flow over the closed years.
fn flow_arrears(f: &PayerFlow, closed: usize) -> Result<Money, Overflow> {
    let n = closed.min(f.planned.len()).min(f.received.len());
    checked_sum(f.planned[..n].iter().copied())?
        .checked_sub(checked_sum(f.received[..n].iter().copied())?)
}

/// The payer × year grid and the initiative list for the filter.
pub fn aggregate(
    fund: &Fund,
    p: &Projection,
    filter: &RepaymentFilter,
) -> Result<Summary, Overflow> {
    let years = p.statement.len();
    let closed = p.closed_years.min(years);
    let needle = filter.text.trim().to_lowercase();
    let mut by_actor: Vec<Option<PayerYears>> = vec![None; fund.actors.len()];
    let mut all = PayerYears::new(None, years);
    let mut rows = Vec::new();
    let mut outstanding = Money::ZERO;
    for ip in &p.initiatives {
        let Some(ini) = fund.initiatives.get(ip.index) else {
            continue;
        };
        if filter.status.is_some_and(|s| s != ini.status) {
            continue;
        }
        if !needle.is_empty()
            && !ini.code.to_lowercase().contains(&needle)
            && !ini.name.to_lowercase().contains(&needle)
        {
            continue;
        }
        let flows: Vec<&PayerFlow> = ip
            .repayments
            .iter()
            .filter(|f| filter.payer.is_none_or(|a| f.actor == a))
            .collect();
        if filter.payer.is_some() && flows.is_empty() {
            continue;
        }
        let mut row = InitiativeRow {
            index: ip.index,
            planned: Money::ZERO,
            actual: Money::ZERO,
            arrears: Money::ZERO,
            outstanding: ip.outstanding,
        };
        for f in &flows {
            row.planned = row
                .planned
                .checked_add(checked_sum(f.planned.iter().copied())?)?;
            let n = closed.min(f.received.len());
            row.actual = row
                .actual
                .checked_add(checked_sum(f.received[..n].iter().copied())?)?;
            row.arrears = row.arrears.checked_add(flow_arrears(f, closed)?)?;
        }
        if filter.only_arrears && row.arrears.0 <= 0 {
            continue;
        }
        for f in &flows {
            if let Some(slot) = by_actor.get_mut(f.actor) {
                slot.get_or_insert_with(|| PayerYears::new(Some(f.actor), years))
                    .add_flow(f)?;
            }
            all.add_flow(f)?;
        }
        outstanding = outstanding.checked_add(ip.outstanding)?;
        rows.push(row);
    }
    let mut payers: Vec<PayerYears> = by_actor.into_iter().flatten().collect();
    for payer in &mut payers {
        payer.finish(closed)?;
    }
    all.finish(closed)?;
    Ok(Summary {
        first_year: p.first_year,
        years,
        closed,
        payers,
        total: all,
        rows,
        outstanding,
        fund_repaid: checked_sum(p.statement.iter().map(|y| y.repaid))?,
    })
}

/// One line of the repayment schedule as Sif exports it: an initiative, a payer and a year, or
/// (with `year` `None`) what an initiative still owes after the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleLine {
    /// An index into `fund.initiatives`.
    pub initiative: usize,
    /// An index into `fund.actors`; `None` on an outstanding line (not split by payer).
    pub payer: Option<usize>,
    pub year: Option<i32>,
    pub planned: Option<Money>,
    /// What the fund received, in closed years only.
    pub actual: Option<Money>,
    /// planned − actual, in closed years only.
    pub arrears: Option<Money>,
    /// Not reached by the horizon's end (SPEC §4.4), on an outstanding line only.
    pub outstanding: Option<Money>,
}

/// The repayment schedule of the chosen initiatives (`None`: every initiative that counts),
/// for one payer or all.
///
/// One line per initiative, payer and year where something is planned or was paid, sorted by
/// year, then initiative (file order), then payer (actor order) — the rows of the projection's
/// schedule. Then, when no payer is chosen, one line per initiative with an amount still due
/// after the horizon (it is not split by payer: a repayment from savings has no fixed payer
/// shares).
pub fn schedule_lines(
    p: &Projection,
    initiatives: Option<&[usize]>,
    payer: Option<usize>,
) -> Result<Vec<ScheduleLine>, Overflow> {
    let inis: Vec<_> = match initiatives {
        None => p.initiatives.iter().collect(),
        Some(chosen) => {
            let mut chosen = chosen.to_vec();
            chosen.sort_unstable();
            chosen.dedup();
            chosen.iter().filter_map(|&i| p.initiative(i)).collect()
        }
    };
    let mut out = Vec::new();
    for y in 0..p.statement.len() {
        let year = p
            .first_year
            .saturating_add(i32::try_from(y).unwrap_or(i32::MAX));
        let closed = y < p.closed_years;
        for ip in &inis {
            for flow in ip
                .repayments
                .iter()
                .filter(|f| payer.is_none_or(|a| f.actor == a))
            {
                let planned = flow.planned.get(y).copied().unwrap_or(Money::ZERO);
                let actual = closed.then(|| flow.received.get(y).copied().unwrap_or(Money::ZERO));
                if planned.0 <= 0 && actual.is_none_or(|a| a.0 <= 0) {
                    continue;
                }
                let arrears = match actual {
                    Some(a) => Some(planned.checked_sub(a)?),
                    None => None,
                };
                out.push(ScheduleLine {
                    initiative: ip.index,
                    payer: Some(flow.actor),
                    year: Some(year),
                    planned: Some(planned),
                    actual,
                    arrears,
                    outstanding: None,
                });
            }
        }
    }
    if payer.is_none() {
        for ip in inis.iter().filter(|ip| ip.outstanding.0 > 0) {
            out.push(ScheduleLine {
                initiative: ip.index,
                payer: None,
                year: None,
                planned: None,
                actual: None,
                arrears: None,
                outstanding: Some(ip.outstanding),
            });
        }
    }
    Ok(out)
}

/// The columns of the schedule CSV, English names (the RFC 4180 dialect and `sif schedule`).
pub const SCHEDULE_HEADER_EN: [&str; 9] = [
    "initiative",
    "initiative_name",
    "payer",
    "payer_name",
    "year",
    "planned",
    "actual",
    "arrears",
    "outstanding_after_horizon",
];

/// The same columns with Swedish names (the Swedish dialect is for Swedish spreadsheet
/// programs, so its header is Swedish too, like the ledger CSV's).
pub const SCHEDULE_HEADER_SV: [&str; 9] = [
    "Insats",
    "Insatsens namn",
    "Betalare",
    "Betalarens namn",
    "År",
    "Planerat",
    "Utfall",
    "Eftersläpning",
    "Återstår efter perioden",
];

/// Which of the schedule's columns a CSV has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleColumns {
    /// All nine, with the names, the arrears and the outstanding lines (the app's export).
    All,
    /// `initiative, payer, year, planned, actual`, the schedule lines only: the columns of
    /// `sif schedule --format csv`, which scripts read.
    Core,
}

impl ScheduleColumns {
    /// Positions in [`SCHEDULE_HEADER_EN`].
    fn indices(self) -> &'static [usize] {
        match self {
            ScheduleColumns::All => &[0, 1, 2, 3, 4, 5, 6, 7, 8],
            ScheduleColumns::Core => &[0, 2, 4, 5, 6],
        }
    }
}

/// The schedule of [`schedule_lines`] as CSV, the header in the dialect's language. Amounts are
/// whole kronor without grouping; text cells are protected against formula injection.
pub fn schedule_csv(
    fund: &Fund,
    lines: &[ScheduleLine],
    columns: ScheduleColumns,
    dialect: CsvDialect,
) -> String {
    let mut out = CsvWriter::new(dialect);
    let header = match dialect {
        CsvDialect::Rfc4180 => SCHEDULE_HEADER_EN,
        CsvDialect::Swedish => SCHEDULE_HEADER_SV,
    };
    let indices = columns.indices();
    out.text_record(indices.iter().map(|&i| header[i]));
    let initiative = |i: usize| fund.initiatives.get(i);
    let actor = |a: Option<usize>| a.and_then(|a| fund.actors.get(a));
    for line in lines {
        if columns == ScheduleColumns::Core && line.year.is_none() {
            continue;
        }
        for &column in indices {
            let money = |m: Option<Money>| m.map(|m| m.0);
            match column {
                0 => out.text(initiative(line.initiative).map_or("", |i| i.code.as_str())),
                1 => out.text(initiative(line.initiative).map_or("", |i| i.name.as_str())),
                2 => out.text(actor(line.payer).map_or("", |a| a.code.as_str())),
                3 => out.text(actor(line.payer).map_or("", |a| a.name.as_str())),
                4 => write_opt(&mut out, line.year.map(i64::from)),
                5 => write_opt(&mut out, money(line.planned)),
                6 => write_opt(&mut out, money(line.actual)),
                7 => write_opt(&mut out, money(line.arrears)),
                _ => write_opt(&mut out, money(line.outstanding)),
            }
        }
        out.end_record();
    }
    out.into_string()
}

fn write_opt(out: &mut CsvWriter, n: Option<i64>) {
    match n {
        Some(n) => out.number(n),
        None => out.empty(),
    }
}

/// One payer's line of an initiative's closed year.
#[derive(Debug, Clone, PartialEq)]
pub struct PayerYear {
    /// An index into `fund.actors`.
    pub actor: usize,
    pub planned: Money,
    pub actual: Money,
    /// planned − actual.
    pub arrears: Money,
}

/// One initiative's closed year beside its plan, for entering the actual figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosedYear {
    pub year: i32,
    /// The planned fund cost of the year (the scenario applied, SPEC §4.2–4.3).
    pub fund_planned: Money,
    /// The actual fund cost recorded for the year (0 when none, SPEC §4.3).
    pub fund_recorded: Money,
    /// recorded − planned: above 0 over plan, below under.
    pub fund_variance: Money,
    /// How far the recorded cost is under the plan (planned − recorded), 0 when it is not.
    pub fund_under_plan: Money,
    pub payers: Vec<PayerYear>,
    /// The initiative's arrears over every closed year, all payers.
    pub arrears_all_closed: Money,
}

/// The figures of `ini`'s closed year `year` (an initiative that counts in `p`), or `None` when
/// the year is outside the horizon or the initiative does not count.
pub fn closed_year(
    p: &Projection,
    ini: &Initiative,
    index: usize,
    year: i32,
) -> Result<Option<ClosedYear>, Overflow> {
    let (Some(ip), Some(y)) = (p.initiative(index), p.year_index(year)) else {
        return Ok(None);
    };
    let fund_planned = match ip.planned_fund_cost_by_kind.get(y) {
        Some(kinds) => checked_sum(kinds.iter().copied())?,
        None => Money::ZERO,
    };
    let fund_recorded = checked_sum(
        ini.actuals
            .iter()
            .filter(|a| a.year == year)
            .map(|a| a.fund),
    )?;
    let mut payers = Vec::new();
    let mut arrears_all_closed = Money::ZERO;
    for f in &ip.repayments {
        let planned = f.planned.get(y).copied().unwrap_or(Money::ZERO);
        let actual = f.received.get(y).copied().unwrap_or(Money::ZERO);
        payers.push(PayerYear {
            actor: f.actor,
            planned,
            actual,
            arrears: planned.checked_sub(actual)?,
        });
        arrears_all_closed = arrears_all_closed.checked_add(flow_arrears(f, p.closed_years)?)?;
    }
    Ok(Some(ClosedYear {
        year,
        fund_planned,
        fund_recorded,
        fund_variance: fund_recorded.checked_sub(fund_planned)?,
        fund_under_plan: fund_planned.checked_sub(fund_recorded)?.max(Money::ZERO),
        payers,
        arrears_all_closed,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Options, project};
    use crate::model::Scenario;

    fn uppfoljning() -> Fund {
        crate::store::parse_str(crate::samples::SAMPLES[1].text, "uppfoljning").unwrap()
    }

    fn with_costs(fund: &Fund, cost_factor: i32) -> Projection {
        let scenario = Scenario {
            cost_factor,
            ..Scenario::base()
        };
        project(
            fund,
            &Options {
                scenario,
                include_proposed: false,
            },
        )
        .unwrap()
    }

    #[test]
    fn the_plan_of_a_closed_year_comes_from_the_cost_rows() {
        let fund = uppfoljning();
        // M2 planned 800 000 in 2025 and spent 900 000.
        let m2 = &fund.initiatives[1];
        let y = closed_year(&with_costs(&fund, 100), m2, 1, 2025)
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                y.fund_planned,
                y.fund_recorded,
                y.fund_variance,
                y.fund_under_plan
            ),
            (Money(800_000), Money(900_000), Money(100_000), Money::ZERO)
        );
        let y = closed_year(&with_costs(&fund, 110), m2, 1, 2025)
            .unwrap()
            .unwrap();
        assert_eq!(y.fund_planned, Money(880_000));
        // M3 ended in 2025: nothing is planned after.
        let p = with_costs(&fund, 100);
        let m3 = &fund.initiatives[2];
        if let Some(y) = closed_year(&p, m3, 2, 2026).unwrap() {
            assert_eq!(y.fund_planned, Money::ZERO);
        }
    }

    #[test]
    fn the_grid_sums_agree_with_the_engine() {
        let fund = uppfoljning();
        let p = with_costs(&fund, 100);
        let s = aggregate(&fund, &p, &RepaymentFilter::default()).unwrap();
        let planned: i64 = p.schedule.rows.iter().map(|r| r.planned.0).sum();
        assert_eq!(s.total.planned_total(), Money(planned));
        let actual: i64 = p
            .schedule
            .rows
            .iter()
            .filter_map(|r| r.actual)
            .map(|m| m.0)
            .sum();
        assert_eq!(s.total.actual_total(), Money(actual));
        let closed_planned: i64 = p
            .schedule
            .rows
            .iter()
            .filter(|r| r.actual.is_some())
            .map(|r| r.planned.0)
            .sum();
        assert_eq!(s.total.arrears_total(), Money(closed_planned - actual));
        let by_year: i64 = s.total.arrears.iter().flatten().map(|m| m.0).sum();
        assert_eq!(by_year, closed_planned - actual);
        assert_eq!(
            s.fund_repaid,
            Money(p.statement.iter().map(|y| y.repaid.0).sum())
        );
    }

    #[test]
    fn the_schedule_lines_are_the_engine_rows_with_arrears_and_both_csvs_agree() {
        for sample in crate::samples::SAMPLES {
            let fund = crate::store::parse_str(sample.text, sample.name).unwrap();
            let p = project(&fund, &Options::default()).unwrap();
            let lines = schedule_lines(&p, None, None).unwrap();
            let rows: Vec<_> = lines.iter().filter(|l| l.year.is_some()).collect();
            assert_eq!(rows.len(), p.schedule.rows.len(), "{}", sample.name);
            for (l, r) in rows.iter().zip(&p.schedule.rows) {
                assert_eq!(fund.initiatives[l.initiative].code, r.initiative);
                assert_eq!(
                    l.payer.map(|a| fund.actors[a].code.as_str()),
                    Some(&*r.payer)
                );
                assert_eq!(
                    (l.year, l.planned, l.actual),
                    (Some(r.year), Some(r.planned), r.actual)
                );
                assert_eq!(l.arrears.map(|m| m.0), r.actual.map(|a| r.planned.0 - a.0));
            }
            let outstanding: Vec<_> = lines.iter().filter_map(|l| l.outstanding).collect();
            let expected: Vec<_> = p.schedule.outstanding.iter().map(|o| o.amount).collect();
            assert_eq!(outstanding, expected);
            // The core CSV is the first, third, fifth, sixth and seventh column of the full one,
            // without the outstanding lines.
            let all = schedule_csv(&fund, &lines, ScheduleColumns::All, CsvDialect::Rfc4180);
            let core = schedule_csv(&fund, &lines, ScheduleColumns::Core, CsvDialect::Rfc4180);
            let mut full = csv::Reader::from_reader(all.as_bytes());
            let mut short = csv::Reader::from_reader(core.as_bytes());
            assert_eq!(
                short.headers().unwrap(),
                &csv::StringRecord::from(vec!["initiative", "payer", "year", "planned", "actual"])
            );
            let picked: Vec<Vec<String>> = full
                .records()
                .map(|r| r.unwrap())
                .filter(|r| !r[4].is_empty())
                .map(|r| [0, 2, 4, 5, 6].iter().map(|&i| r[i].to_string()).collect())
                .collect();
            let short: Vec<Vec<String>> = short
                .records()
                .map(|r| r.unwrap().iter().map(str::to_string).collect())
                .collect();
            assert_eq!(picked, short);
        }
    }

    #[test]
    fn the_grid_adds_up_to_the_engine_figures() {
        let fund = uppfoljning();
        let p = crate::engine::project(&fund, &crate::engine::Options::default()).unwrap();
        let s = aggregate(&fund, &p, &RepaymentFilter::default()).unwrap();
        assert_eq!(s.closed, 3);
        // Per year, all payers together receive what the fund statement says.
        for (y, sy) in p.statement.iter().enumerate() {
            assert_eq!(s.total.received[y], sy.repaid);
        }
        // The arrears are the engine's, payer by payer.
        for payer in &s.payers {
            let engine: i64 = p
                .initiatives
                .iter()
                .flat_map(|ip| &ip.repayments)
                .filter(|f| Some(f.actor) == payer.actor)
                .map(|f| f.arrears(p.closed_years).0)
                .sum();
            assert_eq!(payer.arrears_total().0, engine);
        }
        // A payer filter keeps that payer's initiatives and rows only.
        let soc = fund.actor_index("SOC").unwrap();
        let only = aggregate(
            &fund,
            &p,
            &RepaymentFilter {
                payer: Some(soc),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(only.payers.len(), 1);
        assert_eq!(only.payers[0].actor, Some(soc));
        assert!(
            only.rows.iter().all(|r| r.index != 2),
            "M3 is repaid by FHN"
        );
    }
}
