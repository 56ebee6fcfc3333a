//! The words of the printable report and its SVG charts, Swedish and English, in one place:
//! fixed texts in [`ReportText`] (`lang.t(ReportText::…)`), texts with values in the functions
//! below.

use std::fmt::Display;

use crate::model::FixedRepayment;
use crate::text::Lang;

crate::texts! {
    /// A text of the printable report or its charts.
    pub enum ReportText {
        BaseScenario => "Grundscenario", "Base scenario";
        Actual => "utfall", "actual";
        ProposalSifsReadingOfESO =>
            "Förslag – Sifs tolkning av ESO 2020:1, inte gällande rätt",
            "Proposal – Sif's reading of ESO 2020:1, not law";
        NoneEveryYearShows => "Inga – alla år visar plan", "None – every year shows the plan";
        ActualFiguresLaterYearsShow =>
            "utfall; senare år visar plan",
            "actual figures; later years show the plan";
        ThePlansSavingsAndCosts =>
            "planens besparingar och kostnader, utan fördröjning",
            "the plan's savings and costs, no delay";
        Proposed => "Förslag", "Proposed";
        Approved => "Beslutad", "Approved";
        Completed => "Avslutad", "Completed";
        TerminatedIn => "Avbruten", "Terminated in";
        Terminated => "Avbruten", "Terminated";
        GrantNoRepayment => "Bidrag – ingen återföring", "Grant – no repayment";
        FundReport => "fondrapport", "fund report";
        PageNumberCss =>
            "\"Sida \" counter(page) \" av \" counter(pages)",
            "\"Page \" counter(page) \" of \" counter(pages)";
        OrgNo => "org.nr", "org. no.";
        ReportSocialInvestmentFund =>
            "Rapport · social investeringsfond",
            "Report · social-investment fund";
        Scenario => "Scenario", "Scenario";
        Horizon => "Period", "Horizon";
        MadeOn => "Framtagen", "Made on";
        FundFile => "Fondfil", "Fund file";
        Amounts => "Belopp", "Amounts";
        WholeSwedishKronorSEK => "hela kronor", "whole Swedish kronor (SEK)";
        ClosedYears => "Stängda år", "Closed years";
        AtAGlance => "I korthet", "At a glance";
        CapitalIntoTheFundOver =>
            "Kapital till fonden under perioden",
            "Capital into the fund over the horizon";
        PaidOutToInitiatives => "Utbetalt till insatser", "Paid out to initiatives";
        RepaidToTheFund => "Återfört till fonden", "Repaid to the fund";
        UnderCurrentLawNoDeficit =>
            "Enligt gällande rätt är balanskravsresultatet inte negativt något år.",
            "Under current law the balanced-budget result is not negative in any year.";
        UnderTheProposalNoDeficit =>
            "Enligt förslaget är det inte negativt något år.",
            "Under the proposal it is not negative in any year.";
        BalancedBudget => "Balanskravet.", "Balanced budget.";
        PointsToNote => "Att observera", "Points to note";
        Assumptions => "Antaganden", "Assumptions";
        FundStatement => "Fondredovisning", "Fund statement";
        BalancedBudgetReconciliation => "Balanskravsutredning", "Balanced-budget reconciliation";
        RepaymentSchedule => "Återföringsplan", "Repayment schedule";
        SocioEconomicAppraisal => "Samhällsekonomisk bedömning", "Socio-economic appraisal";
        WhoPaysWhoGains => "Vem betalar, vem vinner", "Who pays, who gains";
        Contents => "Innehåll", "Contents";
        AllAmountsAreInWhole =>
            "Alla belopp är i hela kronor. Negativa belopp har minustecken och är röda. År med utfall är markerade; övriga år visar plan.",
            "All amounts are in whole Swedish kronor. Negative amounts have a minus sign and are red. Years with actual figures are marked; other years show the plan.";
        TheFiguresInThisReport =>
            "Siffrorna i rapporten bygger på fondfilen och på scenariot nedan. Ett scenario räknar om planens besparingar och kostnader med en procentsats och kan skjuta besparingarna några år framåt. Utfall för stängda år räknas aldrig om.",
            "The figures in this report rest on the fund file and the scenario below. A scenario scales the plan's savings and costs by a percentage and can move the savings some years later. Actual figures for closed years are never scaled.";
        NoInitiativeHasStatusProposed =>
            "Inga insatser har status Förslag",
            "No initiative has status Proposed";
        CountedInitiativesWithStatusProposed =>
            "Räknas med – insatser med status Förslag ingår i siffrorna",
            "Counted – initiatives with status Proposed are in the figures";
        EarmarkedEquityTheBalanceCarries =>
            "Öronmärkt eget kapital – saldot följer med från år till år",
            "Earmarked equity – the balance carries over from year to year";
        AnnualAppropriationWhat =>
            "Årligt anslag – det som inte används förfaller vid årets slut",
            "Annual appropriation – what is not spent lapses at the year's end";
        SavingsCounted => "Besparingar räknas till", "Savings counted at";
        OfThePlan => "av planen", "of the plan";
        CostsCounted => "Kostnader räknas till", "Costs counted at";
        SavingsComeLater => "Besparingarna kommer senare med", "Savings come later by";
        ProposedInitiatives => "Insatser som är förslag", "Proposed initiatives";
        Funding => "Finansiering", "Funding";
        Administered => "Förvaltas av", "Administered by";
        DiscountRate => "Diskonteringsränta", "Discount rate";
        CapitalIntoAndOut => "Kapital till och från fonden", "Capital into and out of the fund";
        NoCapitalIsRecorded => "Inget kapital är registrerat.", "No capital is recorded.";
        Date => "Datum", "Date";
        Kind => "Slag", "Kind";
        Amount => "Belopp", "Amount";
        DecisionNote => "Beslut / anteckning", "Decision / note";
        Earmarking => "Öronmärkning", "Earmarking";
        TheYearsAppropriation => "Årets anslag", "The year's appropriation";
        ReleasedToFreeEquity => "Återförs till fritt eget kapital", "Released to free equity";
        InitiativesCounted => "Insatser som räknas", "Initiatives counted";
        NoInitiativeCountsInThis =>
            "Ingen insats räknas i detta scenario.",
            "No initiative counts in this scenario.";
        Initiative => "Insats", "Initiative";
        Owner => "Ägare", "Owner";
        Status => "Status", "Status";
        FromTheFund => "Från fonden", "From the fund";
        Repayment => "Återföring", "Repayment";
        FromTheFundTheFunds =>
            "Från fonden: fondens kostnad under perioden i detta scenario, med utfall för stängda år.",
            "From the fund: the fund's cost over the horizon in this scenario, with actual figures for closed years.";
        NotCounted => "Räknas inte:", "Not counted:";
        TheFundStatementShows =>
            "Fondredovisningen visar fondens pengar år för år. Ingående saldo är förra årets utgående saldo. Kapital är årets öronmärkning, minus det som förs tillbaka till fritt eget kapital. Utbetalt är det fonden betalar till insatserna; återfört är det nämnderna betalar tillbaka. Intecknat är vad redan räknade insatser kommer att kosta fonden under senare år, och ointecknat är det som återstår när det är betalt. Ett negativt ointecknat saldo betyder att fonden har lovat bort mer än den har.",
            "The fund statement shows the fund's money year by year. The opening balance is last year's closing balance. Capital is the year's earmarking, less anything released to free equity. Paid out is what the fund pays to the initiatives; repaid is what the committees pay back. Committed is what the counted initiatives will cost the fund in later years, and uncommitted is what is left once that is paid. A negative uncommitted balance means the fund has promised more than it has.";
        TheFundIsAnAnnual =>
            "Fonden är ett årligt anslag. Kapital är årets anslag och utbetalt är det som betalas till insatserna; det som inte används förfaller vid årets slut (positivt utgående saldo), och ett negativt saldo betyder att anslaget överskrids. Återföringar går till kommunens budget i stort: de visas men läggs inte till saldot. Intecknat är vad räknade insatser kommer att kosta under senare år.",
            "The fund is an annual appropriation. Capital is the year's appropriation and paid out is what goes to the initiatives; what is not spent lapses at the year's end (a positive closing balance), and a negative balance means the appropriation is overspent. Repayments go to the general budget: they are shown but not added to the balance. Committed is what the counted initiatives will cost in later years.";
        FundBalanceAndUncommittedBalance =>
            "Fondens saldo och ointecknat saldo per år",
            "Fund balance and uncommitted balance per year";
        FundBalanceClosing => "Fondens saldo (utgående)", "Fund balance (closing)";
        UncommittedBalance => "Ointecknat saldo", "Uncommitted balance";
        PaidOutAndRepaidPer => "Utbetalt och återfört per år", "Paid out and repaid per year";
        Year => "År", "Year";
        Opening => "Ingående saldo", "Opening";
        Capital => "Kapital", "Capital";
        PaidOut => "Utbetalt", "Paid out";
        Repaid => "Återfört", "Repaid";
        OutOfTheFund => "Ur fonden", "From the fund";
        Unfunded => "Ofinansierat", "Unfunded";
        Closing => "Utgående saldo", "Closing";
        Committed => "Intecknat", "Committed";
        Uncommitted => "Ointecknat", "Uncommitted";
        TheReconciliationFollowsTheLayout =>
            "Balanskravsutredningen följer förvaltningsberättelsens uppställning. Resultat före fonden är kommunens budgeterade eller redovisade resultat utan fondens utbetalningar, som det står i fondfilen. Fondens utbetalningar är kostnader som sänker resultatet. Återföringar till fonden är interna ramminskningar som tar ut varandra och ändrar inte resultatet; besparingarna som gör dem möjliga finns redan i resultatet före fonden.",
            "The reconciliation follows the layout of the management report. Result before the fund is the organisation's budgeted or reported result without the fund's disbursements, as entered in the fund file. The fund's disbursements are costs that lower the result. Repayments to the fund are internal frame cuts that cancel out and do not change the result; the savings that make them possible are already in the result before the fund.";
        TheFundFileHas =>
            "Fondfilen har inga budgetsiffror, så resultat före fond räknas som 0 och tabellerna visar bara fondens egen påverkan.",
            "The fund file has no budget figures, so the result before the fund counts as 0 and the tables show only the fund's own effect.";
        ResultBeforeTheFund => "Resultat före fond", "Result before the fund";
        FundDisbursements => "− Fondens utbetalningar", "− Fund disbursements";
        Result => "= Årets resultat", "= Result";
        AllRealisationGains => "− Samtliga realisations\u{AD}vinster", "− All realisation gains";
        Exemption => "± Undantags\u{AD}möjlighet", "± Exemption";
        UnrealisedSecurities => "± Orealiserat i värde\u{AD}papper", "± Unrealised, securities";
        AfterAdjustments => "= Efter balanskravs\u{AD}justeringar", "= After adjustments";
        ReservedRUR => "− Reservering RUR", "− Reserved (RUR)";
        UsedRUR => "+ Använt RUR", "+ Used (RUR)";
        UnderCurrentLaw => "Enligt gällande rätt", "Under current law";
        TheEarmarkedCapitalDoes =>
            "Det öronmärkta kapitalet hjälper inte: varje krona fonden betalar ut sänker balanskravsresultatet som vilken kostnad som helst. Synnerliga skäl täcker bara ett underskott. Ett negativt balanskravsresultat ska återställas inom de tre följande åren (kommunallagen 11 kap. 12 §); ett överskott återställer de äldsta underskotten först.",
            "The earmarked capital does not help: every krona the fund pays out lowers the balanced-budget result like any other cost. Special reasons cover only a deficit. A negative balanced-budget result must be restored within the three following years (Local Government Act, ch. 11 § 12); a surplus restores the oldest deficits first.";
        UnderTheProposal => "Enligt förslaget", "Under the proposal";
        EsoProposalReading =>
            "ESO-rapporten 2020:1 (Med framtiden för sig) föreslår tydligare regler i kommunallagen för sociala investeringar men anger inte deras lydelse. Sif läser förslaget så här: fonden behandlas som en resultatreserv för sociala investeringar. Det fonden använder, minus det som återförs, får täcka ett underskott; återföringar utöver det avsätts bara ur ett överskott. Detta är ett förslag och Sifs tolkning av det – inte gällande rätt.",
            "The ESO report 2020:1 (Med framtiden för sig) proposes clearer rules in the Local Government Act for social investments but does not give their wording. Sif reads the proposal like this: the fund is treated as a result reserve for social investments. What the fund uses, less what is repaid, may cover a deficit; repayments beyond that are set aside only out of a surplus. This is a proposal and Sif's reading of it – not law.";
        TheESOReport20201ProposesClearer =>
            "ESO-rapporten 2020:1 föreslår tydligare regler för sociala investeringar som finansieras med öronmärkt eget kapital. Den här fonden är ett årligt anslag utan öronmärkt eget kapital, så i Sifs tolkning ändrar förslaget ingenting här. Detta är ett förslag och Sifs tolkning av det – inte gällande rätt.",
            "The ESO report 2020:1 proposes clearer rules for social investments financed from earmarked equity. This fund is an annual appropriation with no earmarked equity, so in Sif's reading the proposal changes nothing here. This is a proposal and Sif's reading of it – not law.";
        TheBalancedBudgetDeficitsBelow =>
            "Balanskravsunderskotten nedan är de som ska återställas, med vad som återställts och vad som är kvar vid periodens slut.",
            "The balanced-budget deficits below are those to be restored, with what was restored and what is left at the end of the horizon.";
        FundUsed => "Fonden använd", "Fund used";
        ReEarmarked => "Återförd till fonden", "Re-earmarked";
        SocialInvestmentFund => "± Social investerings\u{AD}fond", "± Social investment fund";
        SpecialReasons => "+ Synnerliga skäl", "+ Special reasons";
        BalancedBudgetResult => "= Balanskravs\u{AD}resultat", "= Balanced-budget result";
        RestoreBy => "Återställ senast", "Restore by";
        Restored => "Återställt", "Restored";
        StillToRestore => "Kvar att återställa", "Still to restore";
        OfWhichOverdue => "varav försenat", "of which overdue";
        BalancedBudgetDeficitsUnder =>
            "Balanskravsunderskott enligt förslaget",
            "Balanced-budget deficits under the proposal";
        BalancedBudgetDeficitsUnderCurrent =>
            "Balanskravsunderskott enligt gällande rätt",
            "Balanced-budget deficits under current law";
        NoDeficitsToRestore => "Inga underskott att återställa.", "No deficits to restore.";
        YearOfDeficit => "Underskottsår", "Year of deficit";
        Deficit => "Underskott", "Deficit";
        Left => "Kvar", "Left";
        TheRepaymentScheduleShowsWhat =>
            "Återföringsplanen visar vad nämnderna ska betala tillbaka till fonden, år för år, enligt insatsernas avtal. I praktiken sker det genom att nämndens budgetram minskas. Underlaget för återföringen är fondens planerade kostnad för insatsen i detta scenario. För stängda år visas också utfallet och eftersläpningen (planerat minus utfall). Det som inte hinner återföras inom perioden visas som återstående.",
            "The repayment schedule shows what the committees are to pay back to the fund, year by year, under each initiative's agreement. In practice this is done by cutting the committee's budget frame. Repayment is based on the fund's planned cost for the initiative in this scenario. For closed years the actual figure and the arrears (planned less actual) are shown too. What is not repaid within the horizon is shown as still due.";
        PerInitiative => "Per insats", "Per initiative";
        BaseTheFundsCost => "Underlag (fondens kostnad)", "Base (the fund's cost)";
        PlannedWithinTheHorizon => "Planerat inom perioden", "Planned within the horizon";
        RepaidActualAndPlan => "Återfört (utfall och plan)", "Repaid (actual and plan)";
        StillDueAfterTheHorizon => "Återstår efter perioden", "Still due after the horizon";
        YearByYear => "År för år", "Year by year";
        NoRepaymentsArePlannedWithin =>
            "Inga återföringar är planerade inom perioden.",
            "No repayments are planned within the horizon.";
        Payer => "Betalare", "Payer";
        Planned => "Planerat", "Planned";
        ActualHeading => "Utfall", "Actual";
        Arrears => "Eftersläpning", "Arrears";
        Total => "Summa", "Total";
        Cost => "Kostnad", "Cost";
        Savings => "Besparing", "Savings";
        OfWhichCashable => "varav kontant", "of which cashable";
        NetPresentValue => "Nuvärde", "Net present value";
        BenefitCost => "Nytta–kostnad", "Benefit–cost";
        Payback => "Återbetald år", "Payback";
        NotWithinHorizon => "ej inom perioden", "not within horizon";
        CostAndSavingsAreTotals =>
            "Kostnad och besparing är summor över hela perioden i detta scenario. Kontant besparing frigör pengar i en nämnds budget och kan återföras; övriga besparingar är samhällsekonomiska vinster. Nuvärdet är avrundat till hela kronor.",
            "Cost and savings are totals over the whole horizon in this scenario. A cashable saving frees money in a committee's budget and can be repaid; other savings are socio-economic gains. The net present value is rounded to whole kronor.";
        AdjustedAppraisal => "Justerad bedömning", "Adjusted appraisal";
        TheAdjustedAppraisalAllows =>
            "Den justerade bedömningen tar hänsyn till det som brukar göra besparingskalkyler för optimistiska: dödvikt (den del av effekten som hade kommit ändå), tillskrivning (den del som beror på andra), avtagande effekt (effekten minskar år för år) och optimismjustering (både besparingar och kostnader). Lågt och högt visar nuvärdet när varje besparing antas på sitt låga respektive höga värde. Brytpunkten för besparingarna är den andel av de justerade besparingarna vid vilken nuvärdet blir noll; brytpunkten för fördröjning är det antal år besparingarna kan komma senare innan nuvärdet blir negativt (0 när det redan är negativt). Återföringsavtal, fondredovisning, bokföring och balanskrav räknar fortfarande med bruttobeloppen.",
            "The adjusted appraisal allows for what usually makes savings estimates optimistic: deadweight (the part of the outcome that would have happened anyway), attribution (the part due to others), drop-off (the effect fades year by year) and optimism bias (on savings and costs alike). Low and high show the net present value with every saving at its low or its high value. The savings switching value is the share of the adjusted savings at which the net present value is zero; the delay switching value is how many years later the savings may come before the net present value turns negative (0 when it already is). The repayment agreement, the fund statement, the ledger and the balanced-budget reconciliation still use the gross figures.";
        CostAdjusted => "Kostnad, justerad", "Cost, adjusted";
        SavingsAdjusted => "Besparing, justerad", "Savings, adjusted";
        NetPresentValueAdjusted => "Nuvärde, justerat", "Net present value, adjusted";
        Low => "Lågt", "Low";
        High => "Högt", "High";
        DiscountedPayback => "Diskonterat återbetald år", "Discounted payback";
        SwitchingValueSavings => "Brytpunkt, besparingar", "Switching value, savings";
        SwitchingValueDelay => "Brytpunkt, fördröjning", "Switching value, delay";
        Over20Years => "över 20 år", "over 20 years";
        DoTheAdjustedSavingsCover =>
            "Täcker de justerade besparingarna återföringen?",
            "Do the adjusted savings cover the repayments?";
        ForEachCommitteeThat =>
            "För varje nämnd som ska återföra: den planerade återföringen, den del av den som nämndens justerade kontanta besparingar från insatsen täcker år för år, och bristen.",
            "For each committee that is to repay: the planned repayment, the part of it that the committee's adjusted cashable savings from the initiative cover year by year, and the shortfall.";
        PlannedRepayment => "Planerad återföring", "Planned repayment";
        Covered => "Täckt", "Covered";
        Shortfall => "Brist", "Shortfall";
        NoActorHasCosts =>
            "Ingen aktör har kostnader eller besparingar i detta scenario.",
            "No actor has costs or savings in this scenario.";
        CostSavingsAndRepaymentPer =>
            "Kostnad, besparing och återföring per aktör, hela perioden",
            "Cost, savings and repayment per actor, whole horizon";
        CostBorne => "Bär kostnad", "Cost borne";
        SavingsReceived => "Får besparing", "Savings received";
        RepaysToTheFund => "Återför till fonden", "Repaid to the fund";
        ActorAndInitiative => "Aktör och insats", "Actor and initiative";
        Repays => "Återför", "Repays";
        External => "extern", "external";
        Budget => "Budget", "Budget";
        CheckingTheFundFileGave =>
            "Kontrollen av fondfilen gav dessa varningar. De hindrar inte beräkningarna, men bör ses över.",
            "Checking the fund file gave these warnings. They do not stop the calculations, but should be looked at.";
        MillionKronor => "mnkr", "SEK m";
        ThousandKronor => "tkr", "SEK k";
        Kronor => "kr", "SEK";
    }
}

/// A number of years: `3 år`, `1 year`, `3 years`.
pub fn years(lang: Lang, n: i32) -> String {
    match lang {
        Lang::Sv => format!("{n} år"),
        Lang::En if n == 1 => "1 year".to_string(),
        Lang::En => format!("{n} years"),
    }
}

/// The scenario's factors and delay, when they differ from the plan.
pub fn scenario_summary(lang: Lang, savings: &str, costs: &str, delay: &str) -> String {
    crate::sv_en!(
        lang,
        "besparingar {savings}, kostnader {costs}, besparingar {delay} senare",
        "savings {savings}, costs {costs}, savings {delay} later"
    )
}

/// A fixed repayment agreement.
pub fn fixed_repayment(lang: Lang, share: &str, fixed: &FixedRepayment, payers: &str) -> String {
    let (instalments, start) = (fixed.instalments, fixed.start);
    crate::sv_en!(
        lang,
        "Fast: {share} av fondens kostnad i {instalments} årliga delar från {start}; betalare {payers}",
        "Fixed: {share} of the fund's cost in {instalments} yearly instalments from {start}; payers {payers}"
    )
}

/// A repayment out of savings.
pub fn from_savings_repayment(lang: Lang, share: &str, start: impl Display, cap: &str) -> String {
    crate::sv_en!(
        lang,
        "Ur besparingar: {share} av nämndernas kontanta besparingar varje år från {start}, högst {cap} av fondens kostnad",
        "From savings: {share} of the committees' cashable savings each year from {start}, up to {cap} of the fund's cost"
    )
}

/// The cover's figure for an earmarked fund's closing balance.
pub fn fund_balance_at_end(lang: Lang, year: impl Display) -> String {
    crate::sv_en!(
        lang,
        "Fondens saldo vid slutet av {year}",
        "Fund balance at the end of {year}"
    )
}

/// The cover's figure for an appropriation's closing balance.
pub fn appropriation_balance(lang: Lang, year: impl Display) -> String {
    crate::sv_en!(
        lang,
        "Anslagets saldo {year}",
        "Appropriation balance {year}"
    )
}

/// The cover's lowest uncommitted balance and its year.
pub fn lowest_uncommitted(lang: Lang, year: impl Display) -> String {
    crate::sv_en!(
        lang,
        "Lägsta ointecknade saldo ({year})",
        "Lowest uncommitted balance ({year})"
    )
}

/// The cover's repayment still due after the horizon.
pub fn still_due_after(lang: Lang, year: impl Display) -> String {
    crate::sv_en!(
        lang,
        "Återstår att återföra efter {year}",
        "Repayment still due after {year}"
    )
}

/// A deficit year and the year it must be restored by.
pub fn deficit_year(lang: Lang, year: impl Display, restore_by: impl Display) -> String {
    crate::sv_en!(
        lang,
        "{year} (återställs senast {restore_by})",
        "{year} (to be restored by {restore_by})"
    )
}

/// The cover's sentence on deficits under current law.
pub fn negative_under_current_law(lang: Lang, years: &str) -> String {
    crate::sv_en!(
        lang,
        "Enligt gällande rätt blir balanskravsresultatet negativt {years}.",
        "Under current law the balanced-budget result is negative in {years}."
    )
}

/// The cover's sentence on deficits under the proposal.
pub fn negative_under_proposal(lang: Lang, years: &str) -> String {
    crate::sv_en!(
        lang,
        "Enligt förslaget blir det negativt {years}.",
        "Under the proposal it is negative in {years}."
    )
}

/// How many warnings the cover leaves to section 7.
pub fn more_warnings(lang: Lang, more: usize) -> String {
    crate::sv_en!(
        lang,
        "… och {more} till; alla finns i avsnitt 7.",
        "… and {more} more; section 7 lists them all."
    )
}

/// How many proposed initiatives are left out.
pub fn proposed_not_counted(lang: Lang, n: usize) -> String {
    let what = lang.plural(
        n == 1,
        ["insats", "insatser"],
        ["initiative has", "initiatives have"],
    );
    crate::sv_en!(
        lang,
        "Räknas inte – {n} {what} har status Förslag",
        "Not counted – {n} {what} status Proposed"
    )
}

/// The arrears of fixed plans (SPEC §4.4).
pub fn fixed_plan_arrears(lang: Lang, codes: &str) -> String {
    crate::sv_en!(
        lang,
        "Fast plan ({codes}): eftersläpningen ska betalas utöver planen, som inte ändras.",
        "Fixed plan ({codes}): the arrears are owed in addition to the plan, which does not change."
    )
}

/// The arrears of repayments out of savings (SPEC §4.4).
pub fn from_savings_arrears(lang: Lang, codes: &str) -> String {
    crate::sv_en!(
        lang,
        "Ur besparingar ({codes}): eftersläpningen förs in i senare års plan, upp till taket, och ska inte betalas därutöver.",
        "From savings ({codes}): the arrears are carried into the later years' plan, up to the cap, and are not owed on top."
    )
}

/// The appraisal section's introduction.
pub fn appraisal_intro(lang: Lang, rate: &str) -> String {
    crate::sv_en!(
        lang,
        "Bedömningen jämför varje insats kostnader – fondens och ägarnämndens egna – med de besparingar den väntas ge hos alla aktörer, även utanför kommunen och även besparingar som inte frigör pengar i en budget. Den bokförs aldrig. Nuvärdet räknar om framtida belopp till värdet det första året med diskonteringsräntan {rate}; ett positivt nuvärde betyder att besparingarna väger tyngre än kostnaderna. Nytta–kostnadskvoten är besparingarnas nuvärde delat med kostnadernas; över 1 är lönsamt. Återbetald år är det första år då de sammanlagda besparingarna har hunnit ikapp kostnaderna (utan diskontering).",
        "The appraisal weighs each initiative's costs – the fund's and the owner committee's own – against the savings it is expected to bring to every actor, also outside the organisation and also savings that free no budget money. It is never booked. The net present value converts future amounts to their value in the first year at the discount rate of {rate}; a positive value means the savings outweigh the costs. The benefit–cost ratio is the present value of the savings divided by that of the costs; above 1 pays off. Payback is the first year in which the savings so far have caught up with the costs (undiscounted)."
    )
}

/// The committees whose adjusted savings fall short of their planned repayment.
pub fn adjusted_savings_short(lang: Lang, list: &str) -> String {
    crate::sv_en!(
        lang,
        "Varning: de justerade besparingarna räcker inte till den planerade återföringen för {list}. Se över återföringsavtalet.",
        "Warning: the adjusted savings do not cover the planned repayment for {list}. Review the repayment agreement."
    )
}

/// The who-pays-who-gains section's introduction.
pub fn who_gains_intro(lang: Lang, holder: &str) -> String {
    crate::sv_en!(
        lang,
        "En social investering betalas ofta av en nämnd medan besparingarna hamnar hos en annan, eller utanför kommunen – i fel ficka. Här visas för varje aktör vad den bär i kostnad, vilka besparingar den får och vad den återför till fonden, insats för insats. Fondens kostnader räknas på fondens förvaltare, {holder}; egna kostnader på den nämnd som äger insatsen. Bara nämnder återför; externa aktörer som regionen får besparingar men betalar inget tillbaka.",
        "A social investment is often paid for by one committee while the savings land with another, or outside the organisation – in the wrong pocket. For each actor this shows the cost it bears, the savings it receives and what it repays to the fund, initiative by initiative. The fund's costs count against the fund's administrator, {holder}; own costs against the committee that owns the initiative. Only committees repay; external actors such as the region receive savings but pay nothing back."
    )
}

/// The colophon: the version of Sif, the day and the source file.
pub fn colophon(lang: Lang, version: &str, made_on: impl Display, file: impl Display) -> String {
    crate::sv_en!(
        lang,
        "Rapporten är framtagen med Sif {version} den {made_on} ur filen {file}. Besparingar är bedömningar och bokförs aldrig. Förslaget i balanskravsutredningen är Sifs tolkning av ESO 2020:1 och inte gällande rätt.",
        "This report was made with Sif {version} on {made_on} from the file {file}. Savings are estimates and are never booked. The proposal in the reconciliation is Sif's reading of ESO 2020:1, not law."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_there_in_both_languages() {
        assert_eq!(crate::text::missing(ReportText::ALL), []);
    }

    #[test]
    fn one_proposed_initiative_is_singular_more_are_plural() {
        let cases = [
            (Lang::Sv, 1, "Räknas inte – 1 insats har status Förslag"),
            (Lang::Sv, 3, "Räknas inte – 3 insatser har status Förslag"),
            (
                Lang::En,
                1,
                "Not counted – 1 initiative has status Proposed",
            ),
            (
                Lang::En,
                3,
                "Not counted – 3 initiatives have status Proposed",
            ),
        ];
        for (lang, n, text) in cases {
            assert_eq!(proposed_not_counted(lang, n), text);
        }
    }
}
