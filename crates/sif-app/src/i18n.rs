//! Every text the app shows, in Swedish and English, and the number and date formats of each
//! language.
//!
//! Texts are keys of one enum, [`T`], generated with both languages side by side, so a text
//! cannot exist in one language only: the compiler refuses a key without both. Texts with
//! values in them are small functions below. The language is passed explicitly; nothing here
//! is global.

use sif::money::{self, Money};

/// The app's language is Sif's one language type.
pub use sif::text::Lang;

macro_rules! texts {
    ($($key:ident => $sv:literal, $en:literal;)*) => {
        /// A text of the app. `T::X.get(lang)` gives it in that language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $($key,)* }

        impl sif::text::Text for T {
            fn get(self, lang: Lang) -> &'static str {
                T::get(self, lang)
            }
        }

        impl T {
            /// Every text, for the test that checks both languages are present.
            #[allow(dead_code)]
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Sv) => $sv, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    // Menus and shell.
    MenuFile => "Arkiv", "File";
    MenuEdit => "Redigera", "Edit";
    MenuView => "Visa", "View";
    MenuLanguage => "Språk", "Language";
    New => "Ny…", "New…";
    Open => "Öppna…", "Open…";
    OpenRecent => "Öppna senaste", "Open recent";
    NoRecent => "Inga senaste filer", "No recent files";
    Save => "Spara", "Save";
    SaveAs => "Spara som…", "Save as…";
    Quit => "Avsluta", "Quit";
    Undo => "Ångra", "Undo";
    Redo => "Gör om", "Redo";
    Untitled => "Namnlös", "Untitled";
    Unsaved => "Osparade ändringar", "Unsaved changes";
    Scenario => "Scenario", "Scenario";
    BaseScenario => "Grundscenario", "Base scenario";
    IncludeProposed => "Räkna med föreslagna insatser", "Include proposed initiatives";
    // Views.
    ViewOverview => "Översikt", "Overview";
    ViewInitiatives => "Insatser", "Initiatives";
    ViewSettings => "Fondinställningar", "Fund settings";
    ViewProblems => "Problem", "Problems";
    ViewWhoGains => "Vem vinner", "Who gains";
    ViewScenarios => "Scenarier", "Scenarios";
    ViewRepayments => "Återföringar", "Repayments";
    ViewBudget => "Balanskrav", "Balanced budget";
    ViewLedger => "Bokföring", "Ledger";
    ExportFailedTitle => "Exporten misslyckades", "The export failed";
    ImportFailedTitle => "Filen kunde inte läsas in", "The file could not be read";
    ReadActualsFromSie => "Läs in utfall från SIE…", "Read actuals from SIE…";
    ReadInitiativesFromExcel => "Läs in insatser från Excel…", "Read initiatives from Excel…";
    ReadFromExcel => "Läs in från Excel…", "Read from Excel…";
    Apply => "Använd", "Apply";
    // Dialogs.
    NewFundTitle => "Ny fond", "New fund";
    NewFundIntro => "Välj en mall att börja från. Fonden sparas först när du väljer Spara.", "Choose a template to start from. The fund is saved only when you choose Save.";
    EmptyFund => "Tom fond: bara kommunstyrelsen, inga insatser", "Empty fund: only the municipal executive board, no initiatives";
    Create => "Skapa", "Create";
    Cancel => "Avbryt", "Cancel";
    Close => "Stäng", "Close";
    UnsavedTitle => "Osparade ändringar", "Unsaved changes";
    UnsavedQuestion => "Fonden har ändringar som inte är sparade. Vill du spara dem först?", "The fund has changes that are not saved. Do you want to save them first?";
    DontSave => "Spara inte", "Don't save";
    OpenFailedTitle => "Filen kunde inte öppnas", "The file could not be opened";
    SaveFailedTitle => "Filen kunde inte sparas", "The file could not be saved";
    FundFiles => "Fondfiler (.ron)", "Fund files (.ron)";
    // Banners and status.
    ErrorsBlock => "Fonden har fel som måste rättas innan siffrorna kan räknas fram.", "The fund has errors that must be fixed before the figures can be computed.";
    ShowProblems => "Visa problemen", "Show the problems";
    NoFigures => "–", "–";
    NotCounted => "Räknas inte med (föreslagen). Slå på ”Räkna med föreslagna insatser” för att se siffrorna.", "Not counted (proposed). Turn on “Include proposed initiatives” to see the figures.";
    // The shell: lib.rs, imports, what-if, safety, file dialog, help, export, widgets, dialogs.
    // (end of the shell's texts)
    // Overview.
    KeyFigures => "Nyckeltal", "Key figures";
    CapitalIn => "Kapital tillfört", "Capital added";
    Disbursed => "Utbetalt", "Disbursed";
    Repaid => "Återfört", "Repaid";
    ClosedYearShort => "planerat, stängt år", "planned, closed year";
    ArrearsCarried => "Eftersläpningen förs in i planen: återföringen ur besparingar fortsätter tills taket nåtts, så senare års plan har redan vuxit med den. Den ska inte betalas därutöver.", "The arrears are carried into the plan: repayment from savings continues until the cap is reached, so the later years' plan has already grown by them. They are not owed on top.";
    ArrearsOwed => "Eftersläpningen ska betalas utöver planen: de fasta delbetalningarna flyttas inte, så planen för senare år är oförändrad.", "The arrears are owed in addition to the plan: the fixed instalments never move, so the later years' plan is unchanged.";
    Unfunded => "Ofinansierat (belastar fritt eget kapital)", "Unfunded (charged to free equity)";
    UnfundedBars => "Fonden kan inte betala", "The fund cannot pay";
    ClosingBalance => "Fondens saldo vid periodens slut", "Fund balance at the horizon's end";
    UncommittedBalance => "Ej intecknat vid periodens slut", "Uncommitted at the horizon's end";
    InitiativesByStatus => "Insatser per status", "Initiatives by status";
    FundBalance => "Fondens saldo", "Fund balance";
    Uncommitted => "Ej intecknat", "Uncommitted";
    BalanceOverYears => "Fondens saldo över åren", "Fund balance over the years";
    FlowsPerYear => "Utbetalningar och återföringar per år", "Disbursements and repayments per year";
    Warnings => "Varningar", "Warnings";
    NoWarnings => "Inga varningar.", "No warnings.";
    Year => "År", "Year";
    AnnualNote => "Anslagsmodell: det som inte används förfaller vid årets slut, och återföringar går till den allmänna budgeten.", "Annual appropriation: what is unspent lapses at year end, and repayments go to the general budget.";
    // Initiatives table.
    Code => "Kod", "Code";
    Name => "Namn", "Name";
    Owner => "Ägare", "Owner";
    Status => "Status", "Status";
    FundCost => "Fondens kostnad", "Fund cost";
    ExpectedSavings => "Förväntade besparingar", "Expected savings";
    SavingsShort => "Besparingar", "Savings";
    RepaidCol => "Återfört", "Repaid";
    Npv => "Nuvärde", "NPV";
    PaybackYear => "Återbetalningsår", "Payback year";
    Filter => "Filtrera", "Filter";
    SortBy => "Sortera efter", "Sort by";
    FilterHint => "kod, namn eller ägare", "code, name or owner";
    AllStatuses => "Alla statusar", "All statuses";
    StatusFilter => "Visa status", "Show status";
    AddInitiative => "Ny insats", "New initiative";
    Duplicate => "Duplicera", "Duplicate";
    Delete => "Ta bort", "Delete";
    NoInitiativeSelected => "Välj en insats i tabellen för att redigera den.", "Select an initiative in the table to edit it.";
    // Initiative editor.
    Basics => "Grunduppgifter", "Basics";
    Ended => "Avbröts år", "Ended in year";
    Note => "Anteckning", "Note";
    Costs => "Kostnader", "Costs";
    CostYear => "År", "Year";
    CostFund => "Från fonden", "From the fund";
    CostOwn => "Egen budget", "Own budget";
    CostKind => "Slag", "Kind";
    AddCostRow => "Lägg till kostnadsrad", "Add cost row";
    Savings => "Förväntade besparingar", "Expected savings";
    Actor => "Aktör", "Actor";
    From => "Från år", "From year";
    To => "Till år", "To year";
    AmountPerYear => "Belopp per år", "Amount per year";
    Cashable => "Kontant", "Cashable";
    CashableHelp => "Besparingen frigör pengar i budgeten och kan återföras.", "The saving frees budget money and can be repaid.";
    AddSavingsRow => "Lägg till besparingsrad", "Add savings row";
    RepaymentAgreement => "Återföring", "Repayment agreement";
    RepaymentKind => "Avtal", "Agreement";
    Grant => "Bidrag (ingen återföring)", "Grant (no repayment)";
    Fixed => "Fast belopp", "Fixed amount";
    FromSavings => "Ur besparingarna", "From savings";
    ShareOfFundCost => "Andel, % av fondens kostnad", "Share, % of the fund's cost";
    ShareOfCashSavings => "Andel, % av kontanta besparingar", "Share, % of cashable savings";
    StartYear => "Första år", "Start year";
    Instalments => "Antal delbetalningar", "Instalments";
    Cap => "Tak (% av fondens kostnad)", "Cap (% of the fund cost)";
    Payers => "Betalare", "Payers";
    Weight => "Vikt (%)", "Weight (%)";
    AddPayer => "Lägg till betalare", "Add payer";
    SchedulePreview => "Återföringsplan", "Repayment schedule";
    Outstanding => "Återstår efter perioden", "Outstanding after the horizon";
    NoRepayments => "Inga återföringar planerade.", "No repayments planned.";
    Total => "Summa", "Total";
    Appraisal => "Samhällsekonomisk bedömning", "Appraisal";
    TotalCost => "Kostnad (fond och egen)", "Cost (fund and own)";
    CashableSavings => "Varav kontanta besparingar", "Of which cashable savings";
    Bcr => "Nytta/kostnad", "Benefit/cost";
    NoPayback => "inom perioden: nej", "within the horizon: no";
    // The adjusted appraisal (SPEC §4.7).
    Adjustments => "Justeringar", "Adjustments";
    AdjustmentsNone => "inga", "none";
    Deadweight => "Dödvikt (%)", "Deadweight (%)";
    DeadweightHelp => "Den del av effekten som hade uppstått ändå, utan insatsen.", "The part of the outcome that would have happened anyway, without the initiative.";
    Attribution => "Tillskrivning (%)", "Attribution (%)";
    AttributionHelp => "Den del av effekten som beror på andras insatser.", "The part of the outcome that is due to others.";
    DropOff => "Avtagande effekt (%/år)", "Drop-off (%/year)";
    DropOffHelp => "Hur mycket effekten minskar varje år efter det första.", "How much the effect fades each year after the first.";
    OptimismBias => "Optimismjustering (%)", "Optimism bias (%)";
    OptimismBiasHelp => "Avdrag för att besparingsprognoser brukar vara för optimistiska.", "A deduction because savings forecasts tend to be optimistic.";
    RangeLow => "Lågt (%)", "Low (%)";
    RangeLowHelp => "Låg ände av intervallet, i procent av det justerade beloppet (0–100).", "The low end of the range, percent of the adjusted amount (0–100).";
    RangeHigh => "Högt (%)", "High (%)";
    RangeHighHelp => "Hög ände av intervallet, i procent av det justerade beloppet (100–300).", "The high end of the range, percent of the adjusted amount (100–300).";
    AdjustedAppraisal => "Justerad bedömning", "Adjusted appraisal";
    Gross => "Brutto", "Gross";
    Adjusted => "Justerat", "Adjusted";
    NpvRange => "Nuvärde, lågt–högt", "NPV, low–high";
    DiscountedPayback => "Återbetalningsår, diskonterat", "Payback year, discounted";
    SwitchingSavings => "Brytpunkt: besparingarna får falla till", "Switching value: savings may fall to";
    SwitchingDelay => "Brytpunkt: försening som gör nuvärdet negativt", "Switching value: delay that makes the NPV negative";
    AlreadyNegative => "redan negativt", "already negative";
    NoDelayFails => "ingen inom 20 år", "none within 20 years";
    Coverage => "Täcker de justerade kontanta besparingarna återföringen?", "Do the adjusted cashable savings cover the repayment?";
    Covered => "Täckt", "Covered";
    Shortfall => "Brist", "Shortfall";
    ShortfallWarning => "Nämndens justerade kontanta besparingar räcker inte till återföringen; bristen får tas ur nämndens övriga budget. Se över återföringsavtalet ovan.", "The committee's adjusted cashable savings do not cover the repayment; the shortfall must come from the rest of its budget. Review the repayment agreement above.";
    Tornado => "Känslighet per besparingsrad (nuvärde med raden på lågt och högt)", "Sensitivity per savings row (NPV with the row at low and high)";
    AdjustedNpv => "Justerat nuvärde", "Adjusted NPV";
    AppraisalSettingsHelp => "Används bara i den justerade bedömningen; återföringsavtal, fondredovisning och bokföring använder bruttobeloppen.", "Used only in the adjusted appraisal; repayment agreements, the statement and the ledger use the gross figures.";
    CostOptimismBias => "Optimismjustering av kostnader (%)", "Optimism bias on costs (%)";
    DiscountBands => "Diskonteringsintervall (år räknat från första året; före det första gäller fondens ränta)", "Discount bands (years counted from the first year; the fund's rate applies before the first band)";
    BandFromYear => "Från år", "From year";
    AddBand => "Lägg till intervall", "Add band";
    RemoveBand => "Ta bort intervall", "Remove band";
    GreenBookBands => "Green Book: 3,5 % år 0–30, 3,0 % från år 31", "Green Book: 3.5 % years 0–30, 3.0 % from year 31";
    GreenBookHelp => "HM Treasury's Green Book: 3,5 % de första 30 åren, sedan 3,0 %.", "HM Treasury's Green Book: 3.5 % for the first 30 years, then 3.0 %.";
    AdjustedNpvRange => "Justerat nuvärde (lågt – högt)", "Adjusted NPV (low – high)";
    PreviewBlocked => "Förhandsvisningen visas när insatsens fel är rättade.", "The preview appears when the initiative's errors are fixed.";
    IssuesHere => "Problem i den här insatsen", "Problems in this initiative";
    RemoveCostRow => "Ta bort kostnadsrad", "Remove cost row";
    RemoveSavingsRow => "Ta bort besparingsrad", "Remove savings row";
    RemovePayer => "Ta bort betalare", "Remove payer";
    RemoveActor => "Ta bort aktör", "Remove actor";
    RemoveCapital => "Ta bort kapitalhändelse", "Remove capital event";
    Planned => "Planerat", "Planned";
    // Statuses and kinds.
    Proposed => "Föreslagen", "Proposed";
    Approved => "Beslutad", "Approved";
    Completed => "Avslutad", "Completed";
    Terminated => "Avbruten", "Terminated";
    Staff => "Personal", "Staff";
    Services => "Tjänster", "Services";
    Other => "Övrigt", "Other";
    Committee => "Nämnd", "Committee";
    External => "Extern part", "External party";
    Earmark => "Öronmärkning", "Earmark";
    Release => "Återföring till fritt eget kapital", "Release to free equity";
    EarmarkedEquity => "Öronmärkt eget kapital", "Earmarked equity";
    AnnualAppropriation => "Årligt anslag", "Annual appropriation";
    // Settings.
    FundSection => "Fonden", "The fund";
    FundName => "Fondens namn", "Fund name";
    Organisation => "Organisation", "Organisation";
    OrgNumber => "Organisationsnummer", "Organisation number";
    FundingModel => "Finansieringsmodell", "Funding model";
    FirstYear => "Första år", "First year";
    Years => "Antal år", "Number of years";
    DiscountRate => "Diskonteringsränta (%)", "Discount rate (%)";
    BandRate => "Ränta i perioden (%)", "Rate in the band (%)";
    Holder => "Förvaltare", "Holder";
    ClosedThrough => "Stängda år till och med", "Closed through year";
    Actors => "Aktörer", "Actors";
    Kind => "Slag", "Kind";
    AddActor => "Lägg till aktör", "Add actor";
    ActorInUse => "Aktören används och kan inte tas bort.", "The actor is in use and cannot be removed.";
    CapitalEvents => "Kapital", "Capital";
    Date => "Datum", "Date";
    Amount => "Belopp", "Amount";
    AddCapital => "Lägg till kapitalhändelse", "Add capital event";
    BudgetInputs => "Budgetunderlag per år", "Budget inputs per year";
    ResultBeforeFund => "Resultat före fonden", "Result before the fund";
    RealisationGains => "Realisationsvinster", "Realisation gains";
    Scenarios => "Scenarier", "Scenarios";
    ScenarioName => "Namn", "Name";
    SavingsFactor => "Besparingar (%)", "Savings (%)";
    CostFactor => "Kostnader (%)", "Costs (%)";
    Delay => "Förskjutning (år)", "Delay (years)";
    AddScenario => "Lägg till scenario", "Add scenario";
    RemoveScenario => "Ta bort scenario", "Remove scenario";
    Accounts => "Konton", "Accounts";
    AccountsNote => "Kontonumren är platshållare; stäm av dem mot organisationens kontoplan (Kommun-Bas).", "The account numbers are placeholders; check them against the organisation's chart of accounts (Kommun-Bas).";
    AccFundEquity => "Öronmärkt eget kapital", "Earmarked equity";
    AccFreeEquity => "Fritt eget kapital", "Free equity";
    OlderFormatTitle => "Filen är från en äldre Sif", "The file is from an older Sif";
    OlderFormatText => "Filen skrevs av en äldre version av Sif (filformat 1). Den har öppnats med samma siffror som förut och sparas i filformat 2 nästa gång du sparar. Fältet för bankkonto används inte längre: fondens bokföring bokar aldrig banken.", "The file was written by an older version of Sif (file format 1). It has been opened with the same figures as before and will be saved in file format 2 the next time you save. The bank account field is no longer used: the fund's ledger never books the bank.";
    VoucherSeries => "Verifikationsserie", "Voucher series";
    NotAVoucherSeries => "en verifikationsserie får inte vara tom eller innehålla mellanslag eller citattecken", "a voucher series must not be empty or contain spaces or quotes";
    AccInternalIncome => "Interna intäkter", "Internal income";
    AccInternalCost => "Interna kostnader", "Internal costs";
    AccStaff => "Personalkostnader", "Staff costs";
    AccServices => "Köpta tjänster", "Purchased services";
    AccOther => "Övriga kostnader", "Other costs";
    // Problems.
    NoProblems => "Inga fel och inga varningar.", "No errors and no warnings.";
    Error => "Fel", "Error";
    Warning => "Varning", "Warning";
    GoToIt => "Gå dit", "Go there";
    Where => "Var", "Where";
    Problem => "Problem", "Problem";
    IssueKind => "Typ", "Type";
    InitiativeOne => "Insats", "Initiative";
    // The views' own texts (views/*.rs), each view under a comment with its name.
    // (end of the views' texts)
    // Field messages.
    NotAYear => "ange ett år, till exempel 2026", "enter a year, for example 2026";
    NotANumber => "ange ett heltal", "enter a whole number";
    NotAPercent => "ange en procentsats, till exempel 3,5", "enter a percentage, for example 3.5";
    NotADate => "ange ett datum ÅÅÅÅ-MM-DD", "enter a date YYYY-MM-DD";
    NotAnAccount => "ange ett kontonummer (1000–9999)", "enter an account number (1000–9999)";
    CodeTaken => "koden finns redan", "the code is already taken";
    EmptyNotAllowed => "får inte vara tom", "must not be empty";
}

// Texts with values of the shell (lib.rs, imports, what-if, safety, dialogs, export).
// (end of the shell's texts with values)

/// An amount without the unit, grouped the language's way (`1 234 567` / `1,234,567`).
pub fn money(lang: Lang, m: Money) -> String {
    match lang {
        Lang::Sv => money::format_sv(m),
        Lang::En => money::format_en(m),
    }
}

/// An amount with the unit (`1 234 567 kr` / `SEK 1,234,567`).
pub fn money_kr(lang: Lang, m: Money) -> String {
    match lang {
        Lang::Sv => money::format_sv_kr(m),
        Lang::En => money::format_en_kr(m),
    }
}

/// A float amount (an NPV) rounded to whole kronor, for display only.
pub fn money_f64(lang: Lang, v: f64) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    money(lang, Money(v.round() as i64))
}

/// A number with up to `decimals` decimals, the language's decimal mark and minus sign.
pub fn decimal(lang: Lang, v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    match lang {
        Lang::Sv => s.replace('.', ",").replace('-', "\u{2212}"),
        Lang::En => s,
    }
}

/// A percentage as typed in a field: `3,5` / `3.5`, without trailing zeros.
pub fn percent_value(lang: Lang, v: f64) -> String {
    let mut s = format!("{v}");
    if lang == Lang::Sv {
        s = s.replace('.', ",");
    }
    s
}

/// Parse a percentage typed with `,` or `.` as the decimal mark, with or without `%`.
pub fn parse_percent(text: &str) -> Option<f64> {
    let t = text.trim().trim_end_matches('%').trim().replace(',', ".");
    let t = t.replace('\u{2212}', "-");
    let v: f64 = t.parse().ok()?;
    v.is_finite().then_some(v)
}

/// Parse a whole number, allowing spaces and the real minus sign.
pub fn parse_int(text: &str) -> Option<i32> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    t.parse().ok()
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A `YYYY-MM-DD` date for display: ISO in Swedish (as Swedish offices write it),
/// `15 Feb 2025` in English. Text that is not a date is shown as it is.
pub fn date(lang: Lang, iso: &str) -> String {
    match (lang, sif::model::parse_date(iso)) {
        (Lang::En, Some(d)) => d.format("%-d %b %Y").to_string(),
        _ => iso.to_string(),
    }
}

/// Read a date typed as `2025-02-15` or `15 Feb 2025`; returns it as `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<String> {
    let t = text.trim();
    if sif::model::parse_date(t).is_some() {
        return Some(t.to_string());
    }
    let mut parts = t.split_whitespace();
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let day: u32 = d.trim_end_matches('.').parse().ok()?;
    let month = MONTHS_EN
        .iter()
        .position(|name| m.get(..3).is_some_and(|p| name.eq_ignore_ascii_case(p)))?
        + 1;
    let year: i32 = y.parse().ok()?;
    let date = chrono::NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, day)?;
    // Four-digit years only, as the file writes them.
    (0..=9999)
        .contains(&year)
        .then(|| date.format("%Y-%m-%d").to_string())
}

pub fn status(lang: Lang, s: sif::model::Status) -> &'static str {
    use sif::model::Status::*;
    lang.t(match s {
        Proposed => T::Proposed,
        Approved => T::Approved,
        Completed => T::Completed,
        Terminated => T::Terminated,
    })
}

pub fn cost_kind(lang: Lang, k: sif::model::CostKind) -> &'static str {
    use sif::model::CostKind::*;
    lang.t(match k {
        Staff => T::Staff,
        Services => T::Services,
        Other => T::Other,
    })
}

pub fn actor_kind(lang: Lang, k: sif::model::ActorKind) -> &'static str {
    use sif::model::ActorKind::*;
    lang.t(match k {
        Committee => T::Committee,
        External => T::External,
    })
}

pub fn capital_kind(lang: Lang, k: sif::model::CapitalKind) -> &'static str {
    use sif::model::CapitalKind::*;
    lang.t(match k {
        Earmark => T::Earmark,
        Release => T::Release,
    })
}

pub fn funding_model(lang: Lang, m: sif::model::FundingModel) -> &'static str {
    use sif::model::FundingModel::*;
    lang.t(match m {
        EarmarkedEquity => T::EarmarkedEquity,
        AnnualAppropriation => T::AnnualAppropriation,
    })
}

/// "3 errors, 2 warnings" and the like, for the status bar and the navigation.
pub fn problem_count(lang: Lang, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::Sv => format!(
            "{errors} fel, {warnings} {}",
            if warnings == 1 {
                "varning"
            } else {
                "varningar"
            }
        ),
        Lang::En => format!(
            "{errors} {}, {warnings} {}",
            if errors == 1 { "error" } else { "errors" },
            if warnings == 1 { "warning" } else { "warnings" }
        ),
    }
}

/// The name of a remove button of a list row: `Ta bort kostnadsrad 2`.
pub fn remove_label(lang: Lang, what: T, row: usize) -> String {
    format!("{} {}", what.get(lang), row + 1)
}

/// The label of an input for one row of a list, for screen readers and tests:
/// `Från fonden, rad 2` / `From the fund, row 2`.
pub fn row_label(lang: Lang, what: T, row: usize) -> String {
    match lang {
        Lang::Sv => format!("{}, rad {}", what.get(lang), row + 1),
        Lang::En => format!("{}, row {}", what.get(lang), row + 1),
    }
}

pub fn initiatives_shown(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Sv => format!("{shown} av {total} insatser"),
        Lang::En => format!("{shown} of {total} initiatives"),
    }
}

pub fn saved_to(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Sv => format!("Sparad: {file}"),
        Lang::En => format!("Saved: {file}"),
    }
}

pub fn deleted(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Sv => format!("{code} togs bort. Det går att ångra (Redigera, Ångra)."),
        Lang::En => format!("{code} was deleted. It can be undone (Edit, Undo)."),
    }
}

pub fn opened(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Sv => format!("Öppnad: {file}"),
        Lang::En => format!("Opened: {file}"),
    }
}

pub fn errors_in_file(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("Filen öppnades men har {n} fel. Rätta dem under Problem."),
        Lang::En => format!(
            "The file opened but has {n} {}. Fix them under Problems.",
            if n == 1 { "error" } else { "errors" }
        ),
    }
}

pub fn cannot_delete_actor(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Sv => format!("{code} används i fonden och kan inte tas bort."),
        Lang::En => format!("{code} is used in the fund and cannot be removed."),
    }
}

// Texts with values of the views (views/*.rs).
// (end of the views' texts with values)

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for key in T::ALL {
            assert!(!key.get(Lang::Sv).trim().is_empty(), "{key:?} sv");
            assert!(!key.get(Lang::En).trim().is_empty(), "{key:?} en");
            // Swedish letters in an English text are a copy left untranslated.
            assert!(
                !key.get(Lang::En).contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']),
                "{key:?} en"
            );
        }
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        assert_eq!(
            money(Lang::Sv, Money(-1_234_567)),
            "\u{2212}1\u{a0}234\u{a0}567"
        );
        assert_eq!(money(Lang::En, Money(-1_234_567)), "-1,234,567");
        assert_eq!(decimal(Lang::Sv, 1.5, 2), "1,50");
        assert_eq!(date(Lang::En, "2025-02-15"), "15 Feb 2025");
        assert_eq!(date(Lang::Sv, "2025-02-15"), "2025-02-15");
        assert_eq!(parse_percent("3,5 %"), Some(3.5));
        assert_eq!(parse_date("15 Feb 2025").as_deref(), Some("2025-02-15"));
        assert_eq!(parse_date("2025-02-15").as_deref(), Some("2025-02-15"));
        assert_eq!(parse_date("31 Feb 2025"), None);
        assert_eq!(parse_int("−2"), Some(-2));
    }
}
