//! The words of the command line's text reports, Swedish and English, in one place
//! (`lang.t(CliText::…)`; `--lang` chooses).

sif::texts! {
    /// A text of the command line's reports.
    pub enum CliText {
        CurrentLaw => "Gällande rätt", "Current law";
        Proposal => "Förslag", "Proposal";
        BaseScenario => "grundscenario", "base scenario";
        Scenario => "scenario", "scenario";
        BalancedBudgetReconciliation => "Balanskravsutredning", "Balanced-budget reconciliation";
        AmountsInSEK => "belopp i kr", "amounts in SEK";
        ProposalSifsReadingOfESO =>
            "Förslag: Sifs tolkning av ESO 2020:1, inte gällande rätt",
            "Proposal: Sif's reading of ESO 2020:1, not law";
        Actual => "utfall", "actual";
        Budget => "budget", "budget";
        ResultForTheYearBefore =>
            "Årets resultat före fondens utbetalningar",
            "Result for the year before the fund's disbursements";
        TheFundsDisbursements => "Fondens utbetalningar", "The fund's disbursements";
        ResultForTheYear => "Årets resultat", "Result for the year";
        AllRealisationGains => "Samtliga realisationsvinster", "All realisation gains";
        CertainRealisationGainsLossesUnder =>
            "Vissa realisationsvinster/-förluster enligt undantagsmöjlighet",
            "Certain realisation gains/losses under the exemption";
        UnrealisedLossesReversalsInSecurities =>
            "Orealiserade förluster/återföring i värdepapper",
            "Unrealised losses/reversals in securities";
        ResultAfterBalancedBudgetAdjustments =>
            "Årets resultat efter balanskravsjusteringar",
            "Result after balanced-budget adjustments";
        ResultReserve =>
            "Reservering till/användning av resultatreserv",
            "Reservation to/use of the result reserve";
        SocialInvestmentFundUsedRe =>
            "Social investeringsfond: använd (+) / återförd (−)",
            "Social investment fund: used (+) / re-earmarked (−)";
        SpecialReasons => "Synnerliga skäl", "Special reasons (synnerliga skäl)";
        BalancedBudgetResult => "Årets balanskravsresultat", "Balanced-budget result for the year";
        BalancedBudgetDeficitsFromEarlier =>
            "Balanskravsunderskott från tidigare år",
            "Balanced-budget deficits from earlier years";
        Restored => "Återställt", "Restored";
        StillToRestore => "Kvar att återställa", "Still to restore";
        OfWhichOverdueMoreThan =>
            "varav försenat (mer än tre år)",
            "of which overdue (more than three years)";
        RestoreBy => "Återställ senast", "Restore by";
        CurrentLawTheBalancedBudget =>
            "Gällande rätt: balanskravsresultatet enligt kommunallagen (KL 11 kap.) och LKBR 11 kap. 10 §.",
            "Current law: the balanced-budget result under the Local Government Act (KL ch. 11) and LKBR ch. 11 § 10.";
        RepaymentsToTheFundAre =>
            "Återföringar till fonden är interna och ändrar inte årets resultat.\n",
            "Repayments to the fund are internal and do not change the result for the year.\n";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_there_in_both_languages() {
        assert_eq!(sif::text::missing(CliText::ALL), []);
    }
}
