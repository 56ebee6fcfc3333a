//! Balanced budget (*balanskravsutredning*), the finance officers' view: SPEC §5 per year,
//! current law and the proposed rules side by side.
//!
//! One row per year: the budget inputs (editable in place; a year without an entry is added to
//! `budget` when first typed in), the fund's flows and the year's result, then the
//! balanced-budget result under current law and under the proposed rules. A negative result
//! is red with the year by which it must be restored (KL 11 kap. 12 §). Every line is
//! explained in plain words below the table, and the chosen year is told as a short story.
//! The proposed rules are always labelled as Sif's reading of ESO 2020:1, not law.
//!
//! Every figure is the engine's (`Projection::reconciliation`); nothing is computed here.

use eframe::egui::{self, Color32, Id, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use sif::engine::ReconcileYear;
use sif::model::{BudgetYear, Fund, FundingModel};
use sif::money::Money;

use super::{ViewCtx, errors_banner};
use crate::app::command::{Command, Edit};
use crate::app::i18n::{self, Lang};
use crate::app::state::UiState;
use crate::app::widgets::{self, Name, choice, form_label, money_field, section};

#[derive(Debug, Default)]
pub struct BudgetState {
    /// The year told in words (`None`: the first year with a negative result, else the first
    /// open year).
    pub explain: Option<i32>,
}

/// The tint of the current-law columns.
const CURRENT_TINT: Color32 = Color32::from_rgba_premultiplied(24, 70, 130, 40);
/// The tint of the proposal's columns.
const PROPOSED_TINT: Color32 = Color32::from_rgba_premultiplied(120, 80, 0, 30);

/// A line of the reconciliation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    ResultBeforeFund,
    Disbursed,
    Repaid,
    Result,
    RealisationGains,
    CurrentBalance,
    FundUsed,
    FundReearmarked,
    ProposedBalance,
}

impl Line {
    pub const ALL: [Line; 9] = [
        Line::ResultBeforeFund,
        Line::Disbursed,
        Line::Repaid,
        Line::Result,
        Line::RealisationGains,
        Line::CurrentBalance,
        Line::FundUsed,
        Line::FundReearmarked,
        Line::ProposedBalance,
    ];

    /// The line's name, as the figures are read by and the explanations list it.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Line::ResultBeforeFund => lang.pick("Resultat före fonden", "Result before the fund"),
            Line::Disbursed => lang.pick("Utbetalt från fonden", "Paid out by the fund"),
            Line::Repaid => lang.pick("Återfört till fonden", "Repaid to the fund"),
            Line::Result => lang.pick("Årets resultat", "Result for the year"),
            Line::RealisationGains => lang.pick("Realisationsvinster", "Realisation gains"),
            Line::CurrentBalance => lang.pick(
                "Balanskravsresultat enligt gällande rätt",
                "Balanced-budget result under current law",
            ),
            Line::FundUsed => lang.pick(
                "Fondmedel som används (förslaget)",
                "Fund money used (proposal)",
            ),
            Line::FundReearmarked => lang.pick(
                "Öronmärks på nytt (förslaget)",
                "Earmarked again (proposal)",
            ),
            Line::ProposedBalance => lang.pick(
                "Balanskravsresultat enligt förslaget",
                "Balanced-budget result under the proposal",
            ),
        }
    }

    /// The column heading, with the sign that says how the line counts.
    fn header(self, lang: Lang) -> &'static str {
        match self {
            Line::ResultBeforeFund => lang.pick("Resultat före fonden", "Result before the fund"),
            Line::Disbursed => lang.pick("− Utbetalt från fonden", "− Paid out by the fund"),
            Line::Repaid => lang.pick("+ Återfört till fonden", "+ Repaid to the fund"),
            Line::Result => lang.pick("= Årets resultat", "= Result for the year"),
            Line::RealisationGains => lang.pick("− Realisations-\nvinster", "− Realisation gains"),
            Line::CurrentBalance => lang.pick(
                "Gällande rätt:\n= Balanskravs-\nresultat",
                "Current law:\n= Balanced-\nbudget result",
            ),
            Line::FundUsed => lang.pick(
                "Förslaget:\n+ Fondmedel som används",
                "Proposal:\n+ Fund money used",
            ),
            Line::FundReearmarked => lang.pick(
                "Förslaget:\n− Öronmärks på nytt",
                "Proposal:\n− Earmarked again",
            ),
            Line::ProposedBalance => lang.pick(
                "Förslaget:\n= Balanskravs-\nresultat",
                "Proposal:\n= Balanced-\nbudget result",
            ),
        }
    }

    /// What the line means, in plain words.
    pub fn explanation(self, lang: Lang, model: FundingModel) -> &'static str {
        match self {
            Line::ResultBeforeFund => lang.pick(
                "Kommunens budgeterade resultat för året – för ett stängt år det redovisade – utan fondens flöden. Skriv in det i tabellen (eller under Fondinställningar); ett år utan siffra räknas som 0.",
                "The organisation's budgeted result for the year – for a closed year the reported one – without the fund's flows. Type it into the table (or under Fund settings); a year without a figure counts as 0.",
            ),
            Line::Disbursed => lang.pick(
                "Det fonden betalar ut till insatserna under året. Pengarna går till verksamhet – personal och tjänster – så de är kostnader som sänker kommunens resultat.",
                "What the fund pays out to the initiatives in the year. The money is spent on activity – staff and services – so it is a cost that lowers the organisation's result.",
            ),
            Line::Repaid => lang.pick(
                "Det nämnderna återför till fonden. I praktiken minskas deras budgetramar, och de lägre kostnaderna höjer resultatet.",
                "What the committees repay to the fund. In practice their budget frames are cut, and the lower costs raise the result.",
            ),
            Line::Result => lang.pick(
                "Resultat före fonden minus det som betalas ut plus det som återförs. Överföringar mellan fonden och nämnderna tar ut varandra och syns inte här.",
                "The result before the fund less what is paid out plus what is repaid. Transfers between the fund and the committees cancel out and do not show here.",
            ),
            Line::RealisationGains => lang.pick(
                "Vinster när anläggningstillgångar säljs. De får inte räknas in i balanskravsresultatet och dras därför av.",
                "Gains on selling fixed assets. They may not count in the balanced-budget result, so they are taken out.",
            ),
            Line::CurrentBalance => lang.pick(
                "Gällande rätt: årets resultat minus realisationsvinsterna. Det öronmärkta kapitalet hjälper inte – varje krona fonden betalar ut sänker balanskravsresultatet som vilken kostnad som helst. Ett negativt resultat ska återställas inom de tre följande åren (kommunallagen 11 kap. 12 §); tabellen visar senast vilket år.",
                "Current law: the result for the year less realisation gains. The earmarked capital does not help – every krona the fund pays out lowers the balanced-budget result like any other cost. A negative result must be restored within the three following years (Local Government Act, ch. 11 § 12); the table shows by which year.",
            ),
            Line::FundUsed => match model {
                FundingModel::EarmarkedEquity => lang.pick(
                    "Förslaget (Sifs tolkning av ESO 2020:1, inte gällande rätt): det fonden betalar ut och kan täcka med sitt öronmärkta egna kapital (ingående saldo plus årets kapital) redovisas på en egen rad och belastar inte balanskravsresultatet – som när en resultatreserv används.",
                    "The proposal (Sif's reading of ESO 2020:1, not law): what the fund pays out and can cover from its earmarked equity (opening balance plus the year's capital) is shown on its own line and does not burden the balanced-budget result – the way using a result reserve does.",
                ),
                FundingModel::AnnualAppropriation => lang.pick(
                    "Förslaget (Sifs tolkning av ESO 2020:1, inte gällande rätt) gäller fonder med öronmärkt eget kapital. Den här fonden är ett årligt anslag utan öronmärkt eget kapital, så raden är 0.",
                    "The proposal (Sif's reading of ESO 2020:1, not law) concerns funds of earmarked equity. This fund is an annual appropriation with no earmarked equity, so the line is 0.",
                ),
            },
            Line::FundReearmarked => lang.pick(
                "Förslaget: det som återförs till fonden öronmärks på nytt och räknas därför bort, som en reservering. För ett årligt anslag är raden 0.",
                "The proposal: what is repaid to the fund is earmarked again and so taken out, the way a reservation is. For an annual appropriation the line is 0.",
            ),
            Line::ProposedBalance => lang.pick(
                "Förslaget: balanskravsresultatet enligt gällande rätt plus fondmedel som används minus det som öronmärks på nytt. Samma regel om återställande inom tre år gäller. Detta är Sifs tolkning av ett förslag, inte lag.",
                "The proposal: the balanced-budget result under current law plus fund money used less what is earmarked again. The same three-year restoring rule applies. This is Sif's reading of a proposal, not law.",
            ),
        }
    }

    fn value(self, r: &ReconcileYear) -> Money {
        match self {
            Line::ResultBeforeFund => r.result_before_fund,
            Line::Disbursed => r.disbursed,
            Line::Repaid => r.repaid,
            Line::Result => r.result,
            Line::RealisationGains => r.realisation_gains,
            Line::CurrentBalance => r.current.balance_result,
            Line::FundUsed => r.proposed.fund_used,
            Line::FundReearmarked => r.proposed.fund_reearmarked,
            Line::ProposedBalance => r.proposed.balance_result,
        }
    }

    fn tint(self) -> Option<Color32> {
        match self {
            Line::CurrentBalance => Some(CURRENT_TINT),
            Line::FundUsed | Line::FundReearmarked | Line::ProposedBalance => Some(PROPOSED_TINT),
            _ => None,
        }
    }
}

/// The label of the proposal, everywhere it appears.
pub fn proposal_label(lang: Lang) -> &'static str {
    lang.pick(
        "Förslag – Sifs tolkning av ESO 2020:1, inte gällande rätt",
        "Proposal – Sif's reading of ESO 2020:1, not law",
    )
}

/// The name a figure is read by: "2027, Balanskravsresultat enligt gällande rätt: −600 000".
pub fn figure_name(lang: Lang, year: i32, line: Line, value: &str) -> String {
    format!("{year}, {}: {value}", line.name(lang))
}

/// The name of a restore-by year: "2027, återställs senast enligt gällande rätt: 2030".
pub fn restore_name(lang: Lang, year: i32, proposal: bool, restore_by: i32) -> String {
    let rules = if proposal {
        lang.pick("enligt förslaget", "under the proposal")
    } else {
        lang.pick("enligt gällande rätt", "under current law")
    };
    format!(
        "{year}, {} {rules}: {restore_by}",
        lang.pick("återställs senast", "to be restored by")
    )
}

/// The budget inputs with one year's figures set; a year without an entry gets one, in year
/// order (SPEC §3: a missing year counts as zeros).
pub fn with_budget_year(
    budget: &[BudgetYear],
    year: i32,
    result_before_fund: Option<Money>,
    realisation_gains: Option<Money>,
) -> Vec<BudgetYear> {
    let mut budget = budget.to_vec();
    match budget.iter_mut().find(|b| b.year == year) {
        Some(b) => {
            if let Some(m) = result_before_fund {
                b.result_before_fund = m;
            }
            if let Some(m) = realisation_gains {
                b.realisation_gains = m;
            }
        }
        None => {
            let at = budget.partition_point(|b| b.year < year);
            budget.insert(
                at,
                BudgetYear {
                    year,
                    result_before_fund: result_before_fund.unwrap_or(Money::ZERO),
                    realisation_gains: realisation_gains.unwrap_or(Money::ZERO),
                },
            );
        }
    }
    budget
}

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    egui::ScrollArea::vertical()
        .id_salt("budget_view")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(lang.pick(
                "Balanskravsutredning",
                "Balanced-budget reconciliation",
            ));
            ui.label(lang.pick(
                "Hur fonden påverkar kommunens balanskravsresultat, år för år – enligt gällande rätt och enligt förslaget i ESO-rapporten 2020:1, sida vid sida.",
                "How the fund affects the organisation's balanced-budget result, year by year – under current law and under the proposal of the ESO report 2020:1, side by side.",
            ));
            if errors_banner(ui, cx, out) {
                return;
            }
            let Some(p) = &cx.analysis.projection else {
                return;
            };
            if cx.fund.budget.is_empty() {
                ui.add_space(4.0);
                ui.label(RichText::new(lang.pick(
                    "Fondfilen har inga budgetsiffror ännu, så resultat före fonden räknas som 0 och tabellen visar bara fondens egen påverkan. Skriv in kommunens resultat i tabellen.",
                    "The fund file has no budget figures yet, so the result before the fund counts as 0 and the table shows only the fund's own effect. Type the organisation's result into the table.",
                )).color(widgets::warn_color(ui)));
            }
            conclusions_ui(ui, lang, &p.reconciliation);
            legend_ui(ui, lang);
            table_ui(ui, cx, st, &p.reconciliation, p.closed_years, out);
            story_ui(ui, cx, st, &p.reconciliation, p.closed_years);
            lines_ui(ui, cx);
        });
}

fn deficits(rows: &[ReconcileYear], proposal: bool) -> Vec<(i32, i32)> {
    rows.iter()
        .filter_map(|r| {
            let restore = if proposal {
                r.proposed.restore_by
            } else {
                r.current.restore_by
            };
            restore.map(|by| (r.year, by))
        })
        .collect()
}

fn deficits_text(lang: Lang, list: &[(i32, i32)]) -> String {
    if list.is_empty() {
        return lang
            .pick(
                "balanskravsresultatet är inte negativt något år.",
                "the balanced-budget result is not negative in any year.",
            )
            .to_string();
    }
    let items: Vec<String> = list
        .iter()
        .map(|(y, by)| match lang {
            Lang::Sv => format!("{y} (återställs senast {by})"),
            Lang::En => format!("{y} (to be restored by {by})"),
        })
        .collect();
    let joined = match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), lang.pick("och", "and"))
        }
        _ => items.join(""),
    };
    match lang {
        Lang::Sv => format!("balanskravsresultatet är negativt {joined}."),
        Lang::En => format!("the balanced-budget result is negative in {joined}."),
    }
}

fn conclusions_ui(ui: &mut Ui, lang: Lang, rows: &[ReconcileYear]) {
    ui.add_space(6.0);
    for proposal in [false, true] {
        let list = deficits(rows, proposal);
        let who = if proposal {
            format!("{}:", proposal_label(lang))
        } else {
            lang.pick("Enligt gällande rätt:", "Under current law:")
                .to_string()
        };
        let text = format!("{who} {}", deficits_text(lang, &list));
        let rich = if list.is_empty() {
            RichText::new(&text)
        } else {
            RichText::new(&text)
                .color(widgets::error_color(ui))
                .strong()
        };
        ui.label(rich).accessible_name(text.clone());
    }
}

fn chip(ui: &mut Ui, tint: Color32, text: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, tint);
    ui.painter().rect_stroke(
        rect,
        2.0,
        egui::Stroke::new(1.0, ui.visuals().weak_text_color()),
        egui::StrokeKind::Inside,
    );
    ui.label(text);
}

fn legend_ui(ui: &mut Ui, lang: Lang) {
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        chip(
            ui,
            CURRENT_TINT,
            lang.pick(
                "Gällande rätt (kommunallagen)",
                "Current law (Local Government Act)",
            ),
        );
        ui.add_space(16.0);
        chip(ui, PROPOSED_TINT, proposal_label(lang));
    });
    ui.add_space(4.0);
}

/// Paint a column's tint behind a cell.
fn tint_cell(ui: &Ui, tint: Option<Color32>) {
    if let Some(t) = tint {
        let gap = ui.spacing().item_spacing.x / 2.0;
        ui.painter()
            .rect_filled(ui.max_rect().expand2(egui::vec2(gap, 2.0)), 0.0, t);
    }
}

fn table_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    st: &mut UiState,
    rows: &[ReconcileYear],
    closed_years: usize,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let fund = cx.fund;
    let body_height = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = body_height * 2.0 + 8.0;
    let widths: [f32; 9] = [110.0, 94.0, 94.0, 98.0, 110.0, 112.0, 100.0, 96.0, 112.0];
    let mut new_budget: Option<Vec<BudgetYear>> = None;
    ui.scope(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        super::repayments::widgets_framed(ui);
        let mut table = TableBuilder::new(ui)
            .id_salt("reconciliation")
            .striped(true)
            .vscroll(false)
            .cell_layout(egui::Layout::top_down(egui::Align::RIGHT))
            .column(Column::exact(52.0));
        for w in widths {
            table = table.column(Column::exact(w));
        }
        table
            .header(body_height * 3.0 + 8.0, |mut header| {
                header.col(|ui| {
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::BOTTOM), |ui| {
                        ui.strong(lang.pick("År", "Year"));
                    });
                });
                for line in Line::ALL {
                    header.col(|ui| {
                        tint_cell(ui, line.tint());
                        ui.with_layout(egui::Layout::bottom_up(egui::Align::RIGHT), |ui| {
                            ui.add(
                                egui::Label::new(RichText::new(line.header(lang)).strong()).wrap(),
                            )
                            .on_hover_text(line.explanation(lang, fund.model));
                        });
                    });
                }
            })
            .body(|mut body| {
                for (y, r) in rows.iter().enumerate() {
                    let closed = y < closed_years;
                    body.row(row_height, |mut row| {
                        row.col(|ui| {
                            ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                                ui.add_space(4.0);
                                ui.strong(r.year.to_string());
                                if closed {
                                    ui.label(
                                        RichText::new(lang.pick("utfall", "actual")).weak().small(),
                                    );
                                }
                            });
                        });
                        for line in Line::ALL {
                            row.col(|ui| {
                                tint_cell(ui, line.tint());
                                match line {
                                    Line::ResultBeforeFund | Line::RealisationGains => {
                                        let gains = line == Line::RealisationGains;
                                        let name = format!("{} {}", line.name(lang), r.year);
                                        let id = Id::unique(("budget_view", gains, r.year));
                                        ui.add_space(1.0);
                                        if let Some(m) = money_field(
                                            ui,
                                            &mut st.fields,
                                            id,
                                            Name::Text(&name),
                                            lang,
                                            line.value(r),
                                            !gains,
                                            line_width(line, &widths) - 4.0,
                                        ) {
                                            let (result, gain) = if gains {
                                                (None, Some(m))
                                            } else {
                                                (Some(m), None)
                                            };
                                            new_budget = Some(with_budget_year(
                                                &fund.budget,
                                                r.year,
                                                result,
                                                gain,
                                            ));
                                        }
                                    }
                                    Line::CurrentBalance | Line::ProposedBalance => {
                                        let proposal = line == Line::ProposedBalance;
                                        let restore = if proposal {
                                            r.proposed.restore_by
                                        } else {
                                            r.current.restore_by
                                        };
                                        balance_cell(ui, lang, r, line, proposal, restore);
                                    }
                                    _ => {
                                        let m = line.value(r);
                                        let text = i18n::money(lang, m);
                                        let rich = if m.is_zero() {
                                            RichText::new("–").weak()
                                        } else {
                                            RichText::new(&text)
                                        };
                                        ui.add_space(4.0);
                                        ui.label(rich).accessible_name(figure_name(
                                            lang, r.year, line, &text,
                                        ));
                                    }
                                }
                            });
                        }
                    });
                }
            });
    });
    if let Some(budget) = new_budget
        && budget != fund.budget
    {
        out.push(Command::Edit(Edit::Budget(budget)));
    }
}

fn line_width(line: Line, widths: &[f32; 9]) -> f32 {
    let i = Line::ALL.iter().position(|l| *l == line).unwrap_or(0);
    widths[i]
}

/// A balanced-budget result: red and bold when negative, with its restore-by year below.
fn balance_cell(
    ui: &mut Ui,
    lang: Lang,
    r: &ReconcileYear,
    line: Line,
    proposal: bool,
    restore: Option<i32>,
) {
    let m = line.value(r);
    let text = i18n::money(lang, m);
    ui.with_layout(egui::Layout::top_down(egui::Align::RIGHT), |ui| {
        ui.add_space(4.0);
        let rich = if m.0 < 0 {
            RichText::new(&text)
                .strong()
                .color(widgets::error_color(ui))
        } else {
            RichText::new(&text).strong()
        };
        ui.label(rich)
            .accessible_name(figure_name(lang, r.year, line, &text));
        if let Some(by) = restore {
            let note = match lang {
                Lang::Sv => format!("återställ senast {by}"),
                Lang::En => format!("restore by {by}"),
            };
            ui.label(RichText::new(note).small().color(widgets::error_color(ui)))
                .accessible_name(restore_name(lang, r.year, proposal, by));
        }
    });
}

/// The year to tell in words by default: the first with a negative result, else the first
/// open year, else the first.
fn default_story_year(rows: &[ReconcileYear], closed_years: usize) -> Option<i32> {
    rows.iter()
        .find(|r| r.current.restore_by.is_some() || r.proposed.restore_by.is_some())
        .or_else(|| rows.get(closed_years))
        .or_else(|| rows.first())
        .map(|r| r.year)
}

/// One year of the reconciliation, told in plain words.
pub fn story(lang: Lang, model: FundingModel, r: &ReconcileYear, closed: bool) -> Vec<String> {
    let kr = |m: Money| i18n::money_kr(lang, m);
    let year = r.year;
    let mut out = Vec::new();
    out.push(match lang {
        Lang::Sv => format!(
            "{year}{}: Resultatet före fonden är {}. Fonden betalar ut {}, som sänker resultatet, och får tillbaka {} i återföringar, som höjer det. Årets resultat blir {}.{}",
            if closed { " (stängt år, utfall)" } else { "" },
            kr(r.result_before_fund),
            kr(r.disbursed),
            kr(r.repaid),
            kr(r.result),
            if r.realisation_gains.is_zero() {
                String::new()
            } else {
                format!(" Realisationsvinster på {} räknas bort.", kr(r.realisation_gains))
            }
        ),
        Lang::En => format!(
            "{year}{}: The result before the fund is {}. The fund pays out {}, which lowers the result, and receives {} in repayments, which raise it. The result for the year is {}.{}",
            if closed { " (closed year, actual figures)" } else { "" },
            kr(r.result_before_fund),
            kr(r.disbursed),
            kr(r.repaid),
            kr(r.result),
            if r.realisation_gains.is_zero() {
                String::new()
            } else {
                format!(" Realisation gains of {} are taken out.", kr(r.realisation_gains))
            }
        ),
    });
    let restore = |by: Option<i32>| match (lang, by) {
        (Lang::Sv, Some(by)) => format!(
            " Det är negativt och ska återställas senast {by} (kommunallagen 11 kap. 12 §)."
        ),
        (Lang::En, Some(by)) => format!(
            " It is negative and must be restored by {by} (Local Government Act, ch. 11 § 12)."
        ),
        (Lang::Sv, None) => " Det är inte negativt.".to_string(),
        (Lang::En, None) => " It is not negative.".to_string(),
    };
    out.push(match lang {
        Lang::Sv => format!(
            "Enligt gällande rätt blir balanskravsresultatet {}.{}",
            kr(r.current.balance_result),
            restore(r.current.restore_by)
        ),
        Lang::En => format!(
            "Under current law the balanced-budget result is {}.{}",
            kr(r.current.balance_result),
            restore(r.current.restore_by)
        ),
    });
    out.push(match (lang, model) {
        (Lang::Sv, FundingModel::EarmarkedEquity) => format!(
            "Enligt förslaget (Sifs tolkning av ESO 2020:1, inte gällande rätt) belastar de {} som fonden täcker med öronmärkt eget kapital inte resultatet, och de {} som återförs öronmärks på nytt och räknas bort. Balanskravsresultatet blir då {}.{}",
            kr(r.proposed.fund_used),
            kr(r.proposed.fund_reearmarked),
            kr(r.proposed.balance_result),
            restore(r.proposed.restore_by)
        ),
        (Lang::En, FundingModel::EarmarkedEquity) => format!(
            "Under the proposal (Sif's reading of ESO 2020:1, not law) the {} the fund covers from earmarked equity does not burden the result, and the {} repaid is earmarked again and taken out. The balanced-budget result is then {}.{}",
            kr(r.proposed.fund_used),
            kr(r.proposed.fund_reearmarked),
            kr(r.proposed.balance_result),
            restore(r.proposed.restore_by)
        ),
        (Lang::Sv, FundingModel::AnnualAppropriation) => format!(
            "Fonden är ett årligt anslag utan öronmärkt eget kapital, så förslaget (Sifs tolkning av ESO 2020:1, inte gällande rätt) ändrar ingenting: balanskravsresultatet blir {}.{}",
            kr(r.proposed.balance_result),
            restore(r.proposed.restore_by)
        ),
        (Lang::En, FundingModel::AnnualAppropriation) => format!(
            "The fund is an annual appropriation with no earmarked equity, so the proposal (Sif's reading of ESO 2020:1, not law) changes nothing: the balanced-budget result is {}.{}",
            kr(r.proposed.balance_result),
            restore(r.proposed.restore_by)
        ),
    });
    out
}

fn story_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    st: &mut UiState,
    rows: &[ReconcileYear],
    closed_years: usize,
) {
    let lang = cx.lang;
    let Some(default) = default_story_year(rows, closed_years) else {
        return;
    };
    let year = st
        .budget
        .explain
        .filter(|y| rows.iter().any(|r| r.year == *y))
        .unwrap_or(default);
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(lang.pick("Året i ord", "The year in words"))
                .strong()
                .size(16.0),
        );
        ui.add_space(12.0);
        let label = form_label(ui, lang.pick("År att förklara", "Year to explain"));
        let options: Vec<(i32, String)> =
            rows.iter().map(|r| (r.year, r.year.to_string())).collect();
        if let Some(y) = choice(
            ui,
            "budget_story_year",
            Name::By(label),
            &year,
            &options,
            80.0,
        ) {
            st.budget.explain = Some(y);
        }
    });
    let Some((i, r)) = rows.iter().enumerate().find(|(_, r)| r.year == year) else {
        return;
    };
    for (k, text) in story(lang, cx.fund.model, r, i < closed_years)
        .into_iter()
        .enumerate()
    {
        let negative = match k {
            1 => r.current.restore_by.is_some(),
            2 => r.proposed.restore_by.is_some(),
            _ => false,
        };
        let rich = if negative {
            RichText::new(text).color(widgets::error_color(ui))
        } else {
            RichText::new(text)
        };
        ui.add(egui::Label::new(rich).wrap());
    }
}

fn lines_ui(ui: &mut Ui, cx: &ViewCtx<'_>) {
    let lang = cx.lang;
    section(
        ui,
        lang.pick("Så räknas raderna", "How each line is computed"),
    );
    let fund: &Fund = cx.fund;
    let text_width = (ui.available_width().min(1000.0) - 300.0).max(260.0);
    egui::Grid::new("reconciliation_lines")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for line in Line::ALL {
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    if let Some(t) = line.tint() {
                        ui.painter().rect_filled(rect, 2.0, t);
                    }
                    ui.strong(line.name(lang));
                });
                ui.scope(|ui| {
                    ui.set_max_width(text_width);
                    ui.add(egui::Label::new(line.explanation(lang, fund.model)).wrap());
                });
                ui.end_row();
            }
        });
}
