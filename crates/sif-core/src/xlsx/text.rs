//! The words of the workbook, Swedish and English, in one place: sheet names, titles, column
//! headings and notes (`lang.t(WorkbookText::…)`).

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
        N1Responsibility => "1 Ansvar", "1 Responsibility";
        N6Project => "6 Projekt", "6 Project";
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_there_in_both_languages() {
        assert_eq!(crate::text::missing(WorkbookText::ALL), []);
    }
}
