//! The words of the workbook, Swedish and English, in one place: sheet names, titles, column
//! headings and notes (`lang.t(WorkbookText::…)`).

use crate::model::Repayment;
use crate::text::Lang;

crate::texts! {
    /// A text of the workbook: sheet names, headings, notes.
    pub enum WorkbookText {
        Total => "Summa", "Total";
        BaseScenarioAmountsInKronor =>
            "Grundscenario, belopp i kronor",
            "Base scenario, amounts in kronor";
        Scenario => "Scenario", "Scenario";
        AmountsInKronor => "belopp i kronor", "amounts in kronor";
        TheFundPaysOnlyWhat =>
            "Fonden betalar bara det den har; resten (ofinansierat) belastar fritt eget kapital.",
            "The fund pays only what it holds; the rest (unfunded) is charged to free equity.";
        AnnualAppropriationWhatIsUnspent =>
            "Årliga anslag: det som inte används förfaller vid årets slut, och återföringar går till den allmänna budgeten.",
            "Annual appropriation: what is unspent lapses at year end, and repayments go to the general budget.";
        FundSheet => "Fonden", "Fund statement";
        FixedOwedInAddition => "Fast: skuld utöver planen", "Fixed: owed in addition to the plan";
        FromSavingsCarriedInto =>
            "Ur besparingar: förs in i planen",
            "From savings: carried into the plan";
        Repayments => "Återbetalningar", "Repayments";
        ActualAndArrearsPlannedActual =>
            "Utfall och eftersläpning (planerat − utfall) gäller stängda år. Fast återbetalning: eftersläpningen är skuld utöver planen. Ur besparingar: den förs in i senare års plan, upp till taket.",
            "Actual and arrears (planned − actual) are for closed years. Fixed repayment: arrears are owed in addition to the plan. From savings: they are carried into later years' plan, up to the cap.";
        Outstanding => "Utestående", "Outstanding";
        Appraisal => "Kalkyl", "Appraisal";
        DiscountRate => "Kalkylränta", "Discount rate";
        GrossTheSavingsAsExpected =>
            "Brutto: besparingarna som de förväntas",
            "Gross: the savings as expected";
        AdjustedAppraisalAfterDeadweightAttribution =>
            "Justerad kalkyl: efter dödvikt, tillskrivning, avtagande effekt och optimismjustering, med lågt–högt intervall och brytpunkter",
            "Adjusted appraisal: after deadweight, attribution, drop-off and optimism bias, with the low–high range and switching values";
        RepaymentCoverageCanEachCommittee =>
            "Återföringens täckning: kan varje nämnd betala det den lovat? (en brist pekar på återföringsavtalet)",
            "Repayment coverage: can each committee repay what it promised? (a shortfall points to the repayment agreement)";
        SensitivityEachSavingsRowAlone =>
            "Känslighet: varje besparingsrad ensam på sitt låga och höga värde (rad räknas från 0)",
            "Sensitivity: each savings row alone at its low and high value (rows counted from 0)";
        TheWholeFundPerActor =>
            "Hela fonden per aktör, justerat (nettonuvärde för aktörens budget)",
            "The whole fund per actor, adjusted (net present budget impact)";
        Committee => "nämnd", "committee";
        External => "extern", "external";
        WhoGains => "Vem vinner", "Who gains";
        TheFundsCostsAreBorne =>
            "Fondens kostnader bärs av fondens förvaltare, egna kostnader av ägaren.",
            "The fund's costs are borne by the fund's holder, own costs by the owner.";
        PerActor => "Per aktör", "Per actor";
        ProposalSifsReadingOfESO =>
            "Förslag: Sifs tolkning av ESO 2020:1, inte gällande rätt",
            "Proposal: Sif's reading of ESO 2020:1, not law";
        ANegativeBalanceResultMust =>
            "Ett negativt balanskravsresultat ska återställas inom tre år (KL 11 kap. 12 §); varje regelverk har sina egna underskott.",
            "A negative balance result must be restored within three years (KL 11 kap. 12 §); each rule set keeps its own deficits.";
        DeficitsFromBeforeTheHorizon =>
            "Ej återställda underskott från före horisonten",
            "Deficits from before the horizon still to restore";
        BalancedBudget => "Balanskrav", "Balanced budget";
        CurrentLaw => "Gällande rätt", "Current law";
        Plan => "plan", "plan";
        ActualBasis => "utfall", "actual";
        Vouchers => "Verifikationer", "Vouchers";
        TheFundsVouchers => "Fondens verifikationer", "The fund's vouchers";
        ClosedYearsWithActualFigures =>
            "Stängda år med utfall, öppna år med plan; samma verifikationer som SIE- och CSV-exporten.",
            "Closed years with actual figures, open years with the plan; the same vouchers as the SIE and CSV exports.";
        WholeAccount => "hela kontot", "whole account";
        Dim1Responsibility => "1 Ansvar", "1 Responsibility";
        Dim6Project => "6 Projekt", "6 Project";
        ClosedYearThePlan =>
            "stängt år: planen som budget mot utfallet",
            "closed year: the plan as budget against the outcome";
        Budget => "Budget", "Budget";
        TheSameRowsAsPBUDGET =>
            "Samma rader som #PBUDGET i SIE 4E-exporten: kontot som helhet, sedan varje ansvar (dimension 1) och varje projekt (dimension 6); varje rad för sig, så summera inte över dimensionerna.",
            "The same rows as #PBUDGET in the SIE 4E export: the account as a whole, then each responsibility (dimension 1) and each project (dimension 6); each row stands alone, so do not add across dimensions.";
        EarmarkedEquity => "Öronmärkt eget kapital", "Earmarked equity";
        AnnualAppropriation => "Årliga anslag", "Annual appropriation";
        Base => "grundscenario", "base";
        Counted => "räknas med", "counted";
        NotCounted => "räknas inte", "not counted";
        Settings => "Inställningar", "Settings";
        EveryAmountInTheWorkbook =>
            "Alla belopp i arbetsboken kommer från Sifs beräkning; summor är värden, inte formler.",
            "Every amount in the workbook comes from Sif's computation; totals are values, not formulas.";
        Year => "År", "Year";
        OpeningBalance => "Ingående saldo", "Opening balance";
        Capital => "Kapital", "Capital";
        Disbursed => "Utbetalt", "Disbursed";
        Repaid => "Återfört", "Repaid";
        PaidByTheFund => "Betalt av fonden", "Paid by the fund";
        Unfunded => "Ofinansierat", "Unfunded";
        ClosingBalance => "Utgående saldo", "Closing balance";
        Committed => "Åtaganden", "Committed";
        Uncommitted => "Ej intecknat", "Uncommitted";
        Initiative => "Insats", "Initiative";
        Name => "Namn", "Name";
        Payer => "Betalare", "Payer";
        Planned => "Planerat", "Planned";
        Actual => "Utfall", "Actual";
        Arrears => "Eftersläpning", "Arrears";
        KindOfArrears => "Eftersläpningens art", "Kind of arrears";
        OutstandingAfterTheHorizon =>
            "Utestående efter horisonten",
            "Outstanding after the horizon";
        Cost => "Kostnad", "Cost";
        Savings => "Besparingar", "Savings";
        CashableSavings => "Hämtbara besparingar", "Cashable savings";
        NetPresentValue => "Nuvärde", "Net present value";
        BenefitCostRatio => "Nytta/kostnad", "Benefit-cost ratio";
        PaybackYear => "Återbetalningsår", "Payback year";
        CostAdjusted => "Kostnad, justerad", "Cost, adjusted";
        SavingsAdjusted => "Besparingar, justerade", "Savings, adjusted";
        CashableSavingsAdjusted => "Hämtbara besparingar, justerade", "Cashable savings, adjusted";
        NetPresentValueAdjusted => "Nuvärde, justerat", "Net present value, adjusted";
        NetPresentValueLow => "Nuvärde, lågt", "Net present value, low";
        NetPresentValueHigh => "Nuvärde, högt", "Net present value, high";
        BenefitCostRatioAdjusted => "Nytta/kostnad, justerad", "Benefit-cost ratio, adjusted";
        DiscountedPaybackYear => "Återbetalningsår, diskonterat", "Discounted payback year";
        SwitchingValueShare =>
            "Brytpunkt: andel av besparingarna, %",
            "Switching value: share of the savings, %";
        SwitchingValueDelayYears => "Brytpunkt: fördröjning, år", "Switching value: delay, years";
        PlannedRepayment => "Planerad återföring", "Planned repayment";
        CoveredByAdjustedCashableSavings =>
            "Täckt av justerade hämtbara besparingar",
            "Covered by adjusted cashable savings";
        Shortfall => "Brist", "Shortfall";
        SavingsRow => "Besparingsrad", "Savings row";
        Actor => "Aktör", "Actor";
        NetPresentValueRowLow => "Nuvärde, raden låg", "Net present value, row low";
        NetPresentValueRowHigh => "Nuvärde, raden hög", "Net present value, row high";
        NetPresentValueToTheActor => "Nuvärde för aktören", "Net present value to the actor";
        BearsCost => "Bär kostnad", "Bears cost";
        GainsSavings => "Får besparing", "Gains savings";
        Repays => "Betalar tillbaka", "Repays";
        Kind => "Slag", "Kind";
        ResultBeforeTheFund => "Resultat före fonden", "Result before the fund";
        FundDisbursements => "Fondens utbetalningar", "Fund disbursements";
        RepaymentsInternal => "Återföringar (interna)", "Repayments (internal)";
        ResultForTheYear => "Årets resultat", "Result for the year";
        RealisationGains => "Realisationsvinster", "Realisation gains";
        ExemptionAdjustment => "Undantagsmöjlighet", "Exemption adjustment";
        SecuritiesAdjustment => "Värdepapper", "Securities adjustment";
        AdjustedResult => "Resultat efter balanskravsjusteringar", "Adjusted result";
        ReservedToTheReserve => "Till resultatutjämningsreserv", "Reserved to the reserve";
        UsedFromTheReserve => "Från resultatutjämningsreserv", "Used from the reserve";
        FundUsed => "Fondmedel som används", "Fund used";
        ReEarmarked => "Återförs till fonden", "Re-earmarked";
        TheFundsLine => "Fondens rad", "The fund's line";
        Basis => "Grund", "Basis";
        Series => "Serie", "Series";
        Voucher => "Verifikation", "Voucher";
        Date => "Datum", "Date";
        Text => "Text", "Text";
        Account => "Konto", "Account";
        AccountName => "Kontonamn", "Account name";
        Responsibility => "Ansvar", "Responsibility";
        Project => "Projekt", "Project";
        Debit => "Debet", "Debit";
        Credit => "Kredit", "Credit";
        Dimension => "Dimension", "Dimension";
        Object => "Objekt", "Object";
        ObjectName => "Objektnamn", "Object name";
        YearTotal => "Summa år", "Year total";
        Setting => "Inställning", "Setting";
        Value => "Värde", "Value";
        FundStatement => "Fondens utveckling", "Fund statement";
        RepaymentSchedule => "Återbetalningsplan", "Repayment schedule";
        SocioEconomicAppraisalPerInitiative =>
            "Samhällsekonomisk kalkyl per insats",
            "Socio-economic appraisal per initiative";
        WhoPaysWhoGains => "Vem betalar, vem vinner", "Who pays, who gains";
        BalancedBudgetReconciliation => "Balanskravsutredning", "Balanced-budget reconciliation";
        ThePlanAsBudget =>
            "Planen som budget per konto och månad",
            "The plan as budget by account and month";
        TheFundsSettings =>
            "Fondens inställningar och scenariot",
            "The fund's settings and the scenario";
        Fund => "Fond", "Fund";
        Organisation => "Organisation", "Organisation";
        OrganisationNumber => "Organisationsnummer", "Organisation number";
        FundingModel => "Finansiering", "Funding model";
        Holder => "Förvaltare", "Holder";
        ClosedThrough => "Stängt till och med", "Closed through";
        ProposedInitiatives => "Föreslagna insatser", "Proposed initiatives";
        Rules => "Regler", "Rules";
        FirstYear => "Första år", "First year";
        LastYear => "Sista år", "Last year";
        SavingsFactor => "Besparingar, %", "Savings factor, %";
        CostFactor => "Kostnader, %", "Cost factor, %";
        DelayYears => "Fördröjning, år", "Delay, years";
        AccountFundEquity => "Konto: fondens eget kapital", "Account: fund equity";
        AccountFreeEquity => "Konto: fritt eget kapital", "Account: free equity";
        AccountInternalIncome => "Konto: interna intäkter", "Account: internal income";
        AccountInternalCost => "Konto: interna kostnader", "Account: internal cost";
        SpecialReasons => "Synnerliga skäl", "Special reasons";
        BalanceResult => "Balanskravsresultat", "Balance result";
        RestoreBy => "Återställs senast", "Restore by";
        Restored => "Återställt", "Restored";
        StillToRestore => "Kvar att återställa", "Still to restore";
        Overdue => "Förfallet", "Overdue";
        // The months, as the budget sheet's column headings.
        Jan => "jan", "Jan";
        Feb => "feb", "Feb";
        Mar => "mar", "Mar";
        Apr => "apr", "Apr";
        May => "maj", "May";
        Jun => "jun", "Jun";
        Jul => "jul", "Jul";
        Aug => "aug", "Aug";
        Sep => "sep", "Sep";
        Oct => "okt", "Oct";
        Nov => "nov", "Nov";
        Dec => "dec", "Dec";
    }
}

/// The months, January first.
pub const MONTHS: [WorkbookText; 12] = [
    WorkbookText::Jan,
    WorkbookText::Feb,
    WorkbookText::Mar,
    WorkbookText::Apr,
    WorkbookText::May,
    WorkbookText::Jun,
    WorkbookText::Jul,
    WorkbookText::Aug,
    WorkbookText::Sep,
    WorkbookText::Oct,
    WorkbookText::Nov,
    WorkbookText::Dec,
];

/// A proposed repayment in a few words, for the import's preview:
/// `Fast 100 % från 2027, 3 delbetalningar (SOC 60 %, UTB 40 %)`.
pub fn repayment_in_brief(lang: Lang, r: &Repayment) -> String {
    match r {
        Repayment::Grant => crate::sv_en!(lang, "Bidrag", "Grant"),
        Repayment::Fixed(fixed) => {
            let (share, start, instalments) = (fixed.share, fixed.start, fixed.instalments);
            let payers = fixed
                .payers
                .iter()
                .map(|p| format!("{} {} %", p.actor, p.weight))
                .collect::<Vec<_>>()
                .join(", ");
            crate::sv_en!(
                lang,
                "Fast {share} % från {start}, {instalments} delbetalningar ({payers})",
                "Fixed {share} % from {start}, {instalments} instalments ({payers})"
            )
        }
        Repayment::FromSavings { share, start, cap } => crate::sv_en!(
            lang,
            "Ur besparingar {share} % från {start}, tak {cap} %",
            "From savings {share} % from {start}, cap {cap} %"
        ),
    }
}

/// The template's instructions sheet, which says everything in Swedish and then in English
/// (an applicant's workbook has one sheet for both): the titles, the paragraphs, and the heading
/// and kinds of the fund's list of actors.
pub const INSTRUCTIONS_TITLE_SV: &str = "Ansökan till den sociala investeringsfonden";
pub const INSTRUCTIONS_TITLE_EN: &str = "Application to the social-investment fund";
pub const INSTRUCTIONS_SV: [&str; 9] = [
    "Fyll i en rad per insats på bladet Insatser: namn, ägande nämnd och hur fonden ska få tillbaka pengarna (återföring).",
    "  • Kod kan lämnas tom; Sif ger insatsen nästa lediga kod.",
    "  • Återföring: Bidrag (inget betalas tillbaka), Fast (Andel % av fondens kostnad i Delbetalningar lika delar från Startår, fördelat på bladet Återbetalare; utan rader där betalar ägaren allt) eller Ur besparingar (varje nämnd betalar Andel % av sina hämtbara besparingar varje år från Startår tills Tak % av fondens kostnad är återbetalt; tomt tak = 100).",
    "Kostnader: en rad per år och kostnadsslag (Personal, Tjänster, Övrigt), med beloppet från fonden och från nämndens egen budget.",
    "Besparingar: en rad per aktör och period; beloppet gäller varje år från och med Från år till och med Till år. Hämtbar = Ja när besparingen frigör pengar i budgeten (bara då kan den betalas tillbaka).",
    "  • Frivilligt, för den riskjusterade kalkylen: Dödvikt % (skulle ha hänt ändå), Tillskrivning % (beror på andra), Avtagande % (effekten minskar per år), Optimism % (överskattning), och ett intervall Låg % (0–100) och Hög % (100–300). Tomt = 0, respektive 100 för Låg och Hög.",
    "Kolumnen Insats på bladen Kostnader, Besparingar och Återbetalare anger insatsens namn (eller kod) från bladet Insatser; med en enda insats kan den lämnas tom.",
    "Skriv belopp i hela kronor (1 200 000 eller 1 200 000 kr), år som 2027 och procent som heltal (50). Skriv värden, inte formler, och slå inte ihop celler. Ändra inte bladens namn eller kolumnernas ordning.",
    "Läs in den ifyllda mallen med: sif import FOND.ron --initiatives MALL.xlsx (förhandsvisning), och lägg till --apply för att spara. Insatserna blir Föreslagna; inget läses in om någon cell är fel.",
];
pub const INSTRUCTIONS_EN: [&str; 9] = [
    "Write one row per initiative on the sheet Insatser (Initiatives): its name, the committee that owns it and how the fund is repaid (Återföring).",
    "  • The code (Kod) may be left empty; Sif gives the initiative the next free code.",
    "  • Repayment: Bidrag (a grant, nothing is repaid), Fast (fixed: Share % of the fund's cost in equal Instalments from the Start year, split over the sheet Återbetalare (Payers); without rows the owner pays all) or Ur besparingar (from savings: each committee repays Share % of its cashable savings each year from the Start year until Cap % of the fund's cost is repaid; an empty cap is 100).",
    "Kostnader (Costs): one row per year and kind (Personal = staff, Tjänster = services, Övrigt = other), with the amount paid by the fund and by the committee's own budget.",
    "Besparingar (Savings): one row per actor and period; the amount is per year, every year from the From year to the To year. Hämtbar (cashable) = Ja (yes) when the saving frees budget money (only then can it be repaid).",
    "  • Optional, for the risk-adjusted appraisal: Deadweight % (would have happened anyway), Attribution % (due to others), Drop-off % (the effect fades each year), Optimism bias %, and a range Low % (0–100) and High % (100–300). Empty = 0, or 100 for Low and High.",
    "The column Insats (Initiative) on the sheets Costs, Savings and Payers names the initiative (or its code) from the sheet Insatser; with a single initiative it may be left empty.",
    "Write amounts in whole kronor (1200000 or 1 200 000 kr), years as 2027 and percentages as whole numbers (50). Type values, not formulas, and do not merge cells. Do not rename the sheets or reorder the columns.",
    "Read the filled template with: sif import FUND.ron --initiatives TEMPLATE.xlsx (a preview), and add --apply to save. The initiatives come in as Proposed; nothing is read if any cell is wrong.",
];
/// The fund a template is made for, under the title: its name, organisation and years.
pub fn template_fund_line(f: &crate::model::Fund) -> String {
    format!(
        "{} – {}, år {}–{}",
        f.name,
        f.organisation,
        f.first_year,
        f.last_year()
    )
}
pub const ACTORS_HEADING: &str = "Nämnder och aktörer / Committees and actors";
pub const COMMITTEE_KIND: &str = "nämnd / committee";
pub const EXTERNAL_KIND: &str = "extern / external";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_there_in_both_languages() {
        assert_eq!(crate::text::missing(WorkbookText::ALL), []);
    }
}
