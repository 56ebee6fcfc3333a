//! The initiatives template: a workbook an applicant fills in and [`super::import`] reads back.
//!
//! The first sheet explains, in Swedish and English, what to write where; then one sheet per
//! table of [`super::DATA_SHEETS`] with a frozen heading row, column widths and formats, and
//! data-validation lists (committees and actors from the fund when one is given, cost kinds,
//! repayment types, yes/no) whose values sit on a hidden sheet, so that a long list of
//! committees is not limited by Excel's 255 characters for a list typed into the validation.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatBorder,
    Formula, Workbook, Worksheet, XlsxError,
};

use super::text::{
    ACTORS_HEADING, COMMITTEE_KIND, EXTERNAL_KIND, INSTRUCTIONS_EN, INSTRUCTIONS_SV,
    INSTRUCTIONS_TITLE_EN, INSTRUCTIONS_TITLE_SV,
};
use super::{
    COSTS, ColumnKind, DATA_SHEETS, INITIATIVES, INSTRUCTIONS_SHEET, KIND_LABELS, KRONA_FORMAT,
    LISTS_SHEET, NO, PAYERS, REPAYMENT_TYPES, RepaymentType, SAVINGS, SheetSpec, YES, actor_label,
    kind_label,
};
use crate::model::{ActorKind, FixedRepayment, Fund, Initiative, Repayment};

/// Rows of each data sheet that carry the validation lists and formats.
pub const TEMPLATE_ROWS: u32 = 1_000;

/// Why a template could not be written (only a bug in Sif's layout can cause this).
#[derive(Debug, thiserror::Error)]
#[error("kunde inte skriva arbetsboken / could not write the workbook: {0}")]
pub struct TemplateError(#[from] XlsxError);

/// The template as `.xlsx` bytes. With a fund, the lists offer its committees and actors and
/// the instructions name its horizon; `prefill` writes initiatives into the sheets (a filled
/// template, for a round trip or to hand an initiative back to its applicant).
pub fn template_xlsx(
    fund: Option<&Fund>,
    prefill: &[Initiative],
) -> Result<Vec<u8>, TemplateError> {
    let mut wb = Workbook::new();
    let heading = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border_bottom(FormatBorder::Thin);
    let money = Format::new().set_num_format(KRONA_FORMAT);
    let integer = Format::new().set_num_format("0");

    instructions(wb.add_worksheet(), fund)?;

    for spec in DATA_SHEETS {
        let ws = wb.add_worksheet();
        ws.set_name(spec.sv)?;
        for (c, column) in spec.columns.iter().enumerate() {
            let c = c as u16;
            ws.write_string_with_format(0, c, column.heading(), &heading)?;
            ws.set_column_width(c, column.width)?;
            match column.kind {
                ColumnKind::Money => {
                    ws.set_column_format(c, &money)?;
                }
                ColumnKind::Year | ColumnKind::Percent | ColumnKind::Count => {
                    ws.set_column_format(c, &integer)?;
                }
                ColumnKind::Text | ColumnKind::YesNo => {}
            }
        }
        ws.set_row_height(0, 30)?;
        ws.set_freeze_panes(1, 0)?;
        validations(ws, spec, fund)?;
    }

    lists(wb.add_worksheet(), fund)?;
    fill(&mut wb, prefill)?;
    wb.worksheet_from_index(0)?.set_active(true);
    Ok(wb.save_to_buffer()?)
}

fn instructions(ws: &mut Worksheet, fund: Option<&Fund>) -> Result<(), XlsxError> {
    ws.set_name(INSTRUCTIONS_SHEET)?;
    ws.set_column_width(0, 110)?;
    ws.set_print_fit_to_pages(1, 0);
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let mut row = 0;
    let mut line = |ws: &mut Worksheet, text: &str, f: &Format| -> Result<(), XlsxError> {
        ws.write_string_with_format(row, 0, text, f)?;
        // Spreadsheet programs do not grow a row for wrapped text written by another program:
        // give a long paragraph the lines it needs (about 100 characters a line at width 110).
        let lines = text.chars().count().div_ceil(100).max(1);
        if lines > 1 {
            ws.set_row_height(row, 15.0 * lines as f64)?;
        }
        row += 1;
        Ok(())
    };
    line(ws, INSTRUCTIONS_TITLE_SV, &title)?;
    if let Some(f) = fund {
        line(ws, &super::text::template_fund_line(f), &bold)?;
    }
    line(ws, "", &wrap)?;
    for text in INSTRUCTIONS_SV {
        line(ws, text, &wrap)?;
    }
    line(ws, "", &wrap)?;
    line(ws, INSTRUCTIONS_TITLE_EN, &title)?;
    for text in INSTRUCTIONS_EN {
        line(ws, text, &wrap)?;
    }
    if let Some(f) = fund {
        line(ws, "", &wrap)?;
        line(ws, ACTORS_HEADING, &bold)?;
        for a in &f.actors {
            let kind = match a.kind {
                ActorKind::Committee => COMMITTEE_KIND,
                ActorKind::External => EXTERNAL_KIND,
            };
            line(
                ws,
                &format!("{} ({kind})", actor_label(&a.code, &a.name)),
                &wrap,
            )?;
        }
    }
    Ok(())
}

/// The hidden sheet of list values: committees (A), all actors (B), kinds (C), repayment
/// types (D), yes/no (E).
fn lists(ws: &mut Worksheet, fund: Option<&Fund>) -> Result<(), XlsxError> {
    ws.set_name(LISTS_SHEET)?;
    ws.set_hidden(true);
    let heads = ["Nämnder", "Aktörer", "Slag", "Återföring", "Ja/Nej"];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    if let Some(f) = fund {
        let committees = f.actors.iter().filter(|a| a.kind == ActorKind::Committee);
        for (r, a) in committees.enumerate() {
            ws.write_string(r as u32 + 1, 0, actor_label(&a.code, &a.name))?;
        }
        for (r, a) in f.actors.iter().enumerate() {
            ws.write_string(r as u32 + 1, 1, actor_label(&a.code, &a.name))?;
        }
    }
    for (r, k) in KIND_LABELS.iter().enumerate() {
        ws.write_string(r as u32 + 1, 2, *k)?;
    }
    for (r, t) in REPAYMENT_TYPES.iter().enumerate() {
        ws.write_string(r as u32 + 1, 3, *t)?;
    }
    ws.write_string(1, 4, YES)?;
    ws.write_string(2, 4, NO)?;
    Ok(())
}

fn list_from(column: char, count: usize) -> DataValidation {
    DataValidation::new().allow_list_formula(Formula::new(format!(
        "={LISTS_SHEET}!${column}$2:${column}${}",
        count + 1
    )))
}

fn validations(ws: &mut Worksheet, spec: SheetSpec, fund: Option<&Fund>) -> Result<(), XlsxError> {
    let last = TEMPLATE_ROWS;
    let (first_year, last_year) = fund.map_or((1900, 2200), |f| (f.first_year, f.last_year()));
    let committees = fund.map_or(0, |f| {
        f.actors
            .iter()
            .filter(|a| a.kind == ActorKind::Committee)
            .count()
    });
    let actors = fund.map_or(0, |f| f.actors.len());
    let year = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(first_year, last_year))
        .set_error_title("År / Year")?
        .set_error_message(format!(
            "Ange ett år {first_year}–{last_year}. / Enter a year {first_year}–{last_year}."
        ))?;
    let percent = |max: i32| -> Result<DataValidation, XlsxError> {
        DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(0, max))
            .set_error_title("Procent / Percent")?
            .set_error_message(format!(
                "Ange ett heltal 0–{max}. / Enter a whole number 0–{max}."
            ))
    };
    let amount = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_error_title("Belopp / Amount")?
        .set_error_message("Ange hela kronor, 0 eller mer. / Enter whole kronor, 0 or more.")?;
    // The initiative a row belongs to: a name from the first sheet; a warning only, since a
    // code is accepted too.
    let initiative = DataValidation::new()
        .allow_list_formula(Formula::new(format!(
            "={}!$B$2:$B${}",
            INITIATIVES.sv,
            last + 1
        )))
        .set_error_style(DataValidationErrorStyle::Warning);
    let committee = (committees > 0)
        .then(|| list_from('A', committees).set_error_style(DataValidationErrorStyle::Warning));
    let actor = (actors > 0)
        .then(|| list_from('B', actors).set_error_style(DataValidationErrorStyle::Warning));
    let add = |ws: &mut Worksheet, c: u16, v: &DataValidation| -> Result<(), XlsxError> {
        ws.add_data_validation(1, c, last, c, v)?;
        Ok(())
    };
    match spec.sv {
        s if s == INITIATIVES.sv => {
            if let Some(v) = &committee {
                add(ws, 2, v)?;
            }
            add(ws, 3, &list_from('D', REPAYMENT_TYPES.len()))?;
            add(ws, 4, &percent(100)?)?;
            add(ws, 5, &year)?;
            add(
                ws,
                6,
                &DataValidation::new().allow_whole_number(DataValidationRule::Between(1, 60)),
            )?;
            add(ws, 7, &percent(200)?)?;
        }
        s if s == COSTS.sv => {
            add(ws, 0, &initiative)?;
            add(ws, 1, &year)?;
            add(ws, 2, &list_from('C', KIND_LABELS.len()))?;
            add(ws, 3, &amount)?;
            add(ws, 4, &amount)?;
        }
        s if s == SAVINGS.sv => {
            add(ws, 0, &initiative)?;
            if let Some(v) = &actor {
                add(ws, 1, v)?;
            }
            add(ws, 2, &year)?;
            add(ws, 3, &year)?;
            add(ws, 4, &amount)?;
            add(ws, 5, &list_from('E', 2))?;
            for c in 6..=9 {
                add(ws, c, &percent(100)?)?;
            }
            add(ws, 10, &percent(100)?)?;
            add(
                ws,
                11,
                &DataValidation::new().allow_whole_number(DataValidationRule::Between(100, 300)),
            )?;
        }
        s if s == PAYERS.sv => {
            add(ws, 0, &initiative)?;
            if let Some(v) = &committee {
                add(ws, 1, v)?;
            }
            add(ws, 2, &percent(100)?)?;
        }
        _ => {}
    }
    Ok(())
}

/// Write initiatives into the data sheets, the way an applicant would have typed them.
fn fill(wb: &mut Workbook, initiatives: &[Initiative]) -> Result<(), XlsxError> {
    let money = Format::new().set_num_format(KRONA_FORMAT);
    let (mut costs, mut savings, mut payers) = (1_u32, 1_u32, 1_u32);
    for (i, ini) in initiatives.iter().enumerate() {
        let r = i as u32 + 1;
        let ws = wb.worksheet_from_name(INITIATIVES.sv)?;
        ws.write_string(r, 0, &ini.code)?;
        ws.write_string(r, 1, &ini.name)?;
        ws.write_string(r, 2, &ini.owner)?;
        let kind = match &ini.repayment {
            Repayment::Grant => RepaymentType::Grant,
            Repayment::Fixed(_) => RepaymentType::Fixed,
            Repayment::FromSavings { .. } => RepaymentType::FromSavings,
        };
        ws.write_string(r, 3, kind.label())?;
        match &ini.repayment {
            Repayment::Grant => {}
            Repayment::Fixed(fixed) => {
                ws.write_number(r, 4, fixed.share)?;
                ws.write_number(r, 5, fixed.start)?;
                ws.write_number(r, 6, fixed.instalments)?;
            }
            Repayment::FromSavings { share, start, cap } => {
                ws.write_number(r, 4, *share)?;
                ws.write_number(r, 5, *start)?;
                ws.write_number(r, 7, *cap)?;
            }
        }
        if !ini.note.is_empty() {
            ws.write_string(r, 8, &ini.note)?;
        }
        let ws = wb.worksheet_from_name(COSTS.sv)?;
        for c in &ini.costs {
            ws.write_string(costs, 0, &ini.name)?;
            ws.write_number(costs, 1, c.year)?;
            ws.write_string(costs, 2, kind_label(c.kind))?;
            // Whole kronor up to 10^12 are exact in an f64.
            ws.write_number_with_format(costs, 3, c.fund.0 as f64, &money)?;
            ws.write_number_with_format(costs, 4, c.own.0 as f64, &money)?;
            costs += 1;
        }
        let ws = wb.worksheet_from_name(SAVINGS.sv)?;
        for s in &ini.savings {
            ws.write_string(savings, 0, &ini.name)?;
            ws.write_string(savings, 1, &s.actor)?;
            ws.write_number(savings, 2, s.from)?;
            ws.write_number(savings, 3, s.to)?;
            ws.write_number_with_format(savings, 4, s.amount.0 as f64, &money)?;
            ws.write_string(savings, 5, if s.cashable { YES } else { NO })?;
            let adjustments = [
                (6, s.deadweight, 0),
                (7, s.attribution, 0),
                (8, s.drop_off, 0),
                (9, s.optimism_bias, 0),
                (10, s.low, 100),
                (11, s.high, 100),
            ];
            for (c, v, default) in adjustments {
                if v != default {
                    ws.write_number(savings, c, v)?;
                }
            }
            savings += 1;
        }
        if let Repayment::Fixed(FixedRepayment { payers: list, .. }) = &ini.repayment {
            let ws = wb.worksheet_from_name(PAYERS.sv)?;
            for p in list {
                ws.write_string(payers, 0, &ini.name)?;
                ws.write_string(payers, 1, &p.actor)?;
                ws.write_number(payers, 2, p.weight)?;
                payers += 1;
            }
        }
    }
    Ok(())
}

/// The template as CSV: the first column names the sheet, the rest are that sheet's columns;
/// a heading row per sheet shows them. `;`-separated, as Swedish spreadsheet programs save it.
pub fn template_csv() -> String {
    let mut out = String::from("\u{feff}");
    out.push_str("Blad / Sheet");
    out.push_str(";(kolumner som i arbetsbokens blad / columns as in the workbook's sheets)\r\n");
    for spec in DATA_SHEETS {
        out.push_str(spec.sv);
        for c in spec.columns {
            out.push(';');
            out.push_str(&c.heading());
        }
        out.push_str("\r\n");
    }
    out
}
