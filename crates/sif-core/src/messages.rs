//! The library's text face: every sentence the library says about a fund or a file — validation
//! issues, load and save errors, the SIE and workbook readers' problems, the engine's and the
//! money parser's errors — in Swedish and in English, made here and nowhere else.
//!
//! The errors and issues themselves are values (a kind and its data: codes, years, places,
//! amounts as [`Money`]); [`Message::text`] renders one in a language. Their `Display` is both
//! languages in one line, Swedish first (`"sv / en"`), as the command line prints them.

use std::fmt;

use crate::money::{Money, format_en_kr, format_sv_kr};
use crate::text::{Lang, decimal, escape_all_controls};
use crate::validate::{CodeList, Issue, IssueKind, Named, Role, Severity};

/// A value the library can say in words.
pub trait Message {
    /// The sentence in one language.
    fn text(&self, lang: Lang) -> String;

    /// Both languages in one line, Swedish first: `"sv / en"`.
    fn both(&self) -> String {
        format!("{} / {}", self.text(Lang::Sv), self.text(Lang::En))
    }
}

/// A format string per language, formatted only in the language asked for.
macro_rules! say {
    ($lang:expr, $sv:literal, $en:literal $(,)?) => {
        match $lang {
            Lang::Sv => format!($sv),
            Lang::En => format!($en),
        }
    };
}

/// An amount with its unit in the language: `1 234 kr`, `SEK 1,234`.
fn kr(lang: Lang, m: Money) -> String {
    match lang {
        Lang::Sv => format_sv_kr(m),
        Lang::En => format_en_kr(m),
    }
}

/// A text from the fund inside a sentence: control characters shown escaped (`\u{1b}`).
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    escape_all_controls(text)
}

/// A rate as a person reads it: never "-0", never hundreds of digits.
fn shown_rate(rate: f64) -> String {
    if !rate.is_finite() {
        return rate.to_string();
    }
    if rate.abs() >= 1e6 {
        return format!("{rate:.3e}");
    }
    let r = (rate * 1000.0).round() / 1000.0;
    let r = if r == 0.0 { 0.0 } else { r };
    r.to_string()
}

impl Message for Named {
    fn text(&self, lang: Lang) -> String {
        let (sv, en) = match self {
            Named::FundName => ("fondens namn", "fund's name"),
            Named::Organisation => ("organisationens namn", "organisation's name"),
            Named::ActorCode => ("aktörens kod", "actor's code"),
            Named::ActorName => ("aktörens namn", "actor's name"),
            Named::InitiativeCode => ("insatsens kod", "initiative's code"),
            Named::InitiativeName => ("insatsens namn", "initiative's name"),
            Named::ScenarioName => ("scenariots namn", "scenario's name"),
        };
        lang.pick(sv, en).to_string()
    }
}

impl Message for Role {
    fn text(&self, lang: Lang) -> String {
        let (sv, en) = match self {
            Role::Holder => ("fondens förvaltare", "fund holder"),
            Role::Owner => ("ägaren", "owner"),
            Role::Payer => ("återbetalaren", "payer"),
        };
        lang.pick(sv, en).to_string()
    }
}

impl Message for IssueKind {
    fn text(&self, lang: Lang) -> String {
        use crate::model::FORMAT_VERSION;
        let kr = |m: &Money| kr(lang, *m);
        match self {
            IssueKind::UnsupportedFormat { found } => say!(
                lang,
                "filformat {found} stöds inte; Sif läser format {FORMAT_VERSION}",
                "file format {found} is not supported; Sif reads format {FORMAT_VERSION}",
            ),
            IssueKind::Empty(what) => {
                let what = what.text(lang);
                say!(
                    lang,
                    "{what} får inte vara tom",
                    "the {what} must not be empty"
                )
            }
            IssueKind::OrgNumberForm { org } => say!(
                lang,
                "organisationsnumret ”{org}” har inte formen NNNNNN-NNNN",
                "the organisation number “{org}” is not of the form NNNNNN-NNNN",
            ),
            IssueKind::HorizonYears { years } => say!(
                lang,
                "perioden är {years} år; den ska vara 1–60 år",
                "the horizon is {years} years; it must be 1–60 years",
            ),
            IssueKind::FirstYear { year } => say!(
                lang,
                "första året {year} är inte rimligt (1900–2200)",
                "the first year {year} is not plausible (1900–2200)",
            ),
            IssueKind::DiscountRate { rate } => {
                let rate = decimal(*rate);
                let rate_sv = rate.replace('.', ",");
                say!(
                    lang,
                    "diskonteringsräntan {rate_sv} % ligger utanför 0–20 %",
                    "the discount rate {rate} % is outside 0–20 %",
                )
            }
            IssueKind::BandRate { rate } => {
                let rate = shown_rate(*rate);
                say!(
                    lang,
                    "diskonteringsräntan {rate} % ligger utanför 0–20 %",
                    "the discount rate {rate} % is outside 0–20 %",
                )
            }
            IssueKind::OutsideHorizon { year, first, last } => say!(
                lang,
                "året {year} ligger utanför fondens period {first}–{last}",
                "the year {year} is outside the fund's horizon {first}–{last}",
            ),
            IssueKind::NegativeAmount => say!(
                lang,
                "beloppet får inte vara negativt (ett uttag anges som Release)",
                "the amount must not be negative (a withdrawal is a Release)",
            ),
            IssueKind::AmountTooLarge => say!(
                lang,
                "beloppet är större än 1 000 000 000 000 kr, gränsen för ett belopp",
                "the amount is larger than SEK 1,000,000,000,000, the limit for one amount",
            ),
            IssueKind::PercentOutside { value, max } => say!(
                lang,
                "{value} % ligger utanför 0–{max} %",
                "{value} % is outside 0–{max} %",
            ),
            IssueKind::HighOutside { value } => say!(
                lang,
                "{value} % ligger utanför 100–300 %",
                "{value} % is outside 100–300 %",
            ),
            IssueKind::UnknownActor { code } => say!(
                lang,
                "aktören ”{code}” finns inte bland fondens aktörer",
                "the actor “{code}” is not one of the fund's actors",
            ),
            IssueKind::NotACommittee { role, code } => {
                let role = role.text(lang);
                say!(
                    lang,
                    "{role} måste vara en nämnd, men ”{code}” är en extern part",
                    "the {role} must be a committee, but “{code}” is an external party",
                )
            }
            IssueKind::DuplicateActorCode { code } => say!(
                lang,
                "aktörskoden ”{code}” förekommer mer än en gång",
                "the actor code “{code}” appears more than once",
            ),
            IssueKind::NotADate { text } => say!(
                lang,
                "”{text}” är inget datum på formen ÅÅÅÅ-MM-DD",
                "“{text}” is not a date of the form YYYY-MM-DD",
            ),
            IssueKind::DuplicateInitiativeCode { code } => say!(
                lang,
                "insatskoden ”{code}” förekommer mer än en gång",
                "the initiative code “{code}” appears more than once",
            ),
            IssueKind::TerminatedWithoutEnd => say!(
                lang,
                "insatsen är avbruten men saknar slutår; inga kostnader eller besparingar tas bort",
                "the initiative is terminated but has no end year; no costs or savings are dropped",
            ),
            IssueKind::EndYearNotUsed => say!(
                lang,
                "slutåret gäller bara avbrutna insatser och används inte",
                "the end year applies only to terminated initiatives and is not used",
            ),
            IssueKind::FromAfterTo { from, to } => say!(
                lang,
                "från-året {from} ligger efter till-året {to}",
                "the from year {from} is after the to year {to}",
            ),
            IssueKind::TooFewInstalments { instalments } => say!(
                lang,
                "antalet delbetalningar är {instalments}; det måste vara minst 1",
                "the number of instalments is {instalments}; it must be at least 1",
            ),
            IssueKind::TooManyInstalments { instalments } => say!(
                lang,
                "antalet delbetalningar är {instalments}; högst 100 tillåts",
                "the number of instalments is {instalments}; at most 100 are allowed",
            ),
            IssueKind::NegativeWeight => say!(
                lang,
                "vikten får inte vara negativ",
                "the weight must not be negative",
            ),
            IssueKind::WeightsSum { sum } => say!(
                lang,
                "återbetalarnas vikter summerar till {sum}; de ska summera till 100",
                "the payers' weights sum to {sum}; they must sum to 100",
            ),
            IssueKind::ActualsNotClosed { year } => say!(
                lang,
                "utfall för {year} men året är inte stängt (closed_through)",
                "actual figures for {year} but the year is not closed (closed_through)",
            ),
            IssueKind::ActualsRepeated { year } => say!(
                lang,
                "utfall för {year} finns redan på en tidigare rad",
                "actual figures for {year} are already on an earlier row",
            ),
            IssueKind::DuplicateScenario { name } => say!(
                lang,
                "scenariot ”{name}” finns redan",
                "the scenario “{name}” already exists",
            ),
            IssueKind::ReservedScenarioName => say!(
                lang,
                "namnet ”base” är reserverat för grundscenariot",
                "the name “base” is reserved for the base scenario",
            ),
            IssueKind::DelayOutside { delay } => say!(
                lang,
                "förskjutningen {delay} år ligger utanför 0–20 år",
                "the delay of {delay} years is outside 0–20 years",
            ),
            IssueKind::DuplicateBudgetYear { year } => say!(
                lang,
                "budgetåret {year} förekommer mer än en gång",
                "the budget year {year} appears more than once",
            ),
            IssueKind::SpecialReasonsUnjustified => say!(
                lang,
                "synnerliga skäl måste motiveras: skriv beslutet (t.ex. ”KF 2026-04-20 § 41”) i anteckningen",
                "special reasons (synnerliga skäl) must be justified: write the decision (e.g. “KF 2026-04-20 § 41”) in the note",
            ),
            IssueKind::DeficitYear {
                year,
                from,
                to,
                first,
            } => say!(
                lang,
                "ett underskott från {year} kan inte föras in: bara underskott från {from}–{to} (de tre åren före {first}) är kvar att återställa",
                "a deficit from {year} cannot be carried in: only deficits from {from}–{to} (the three years before {first}) are still to restore",
            ),
            IssueKind::DeficitNotPositive => say!(
                lang,
                "ett underskott att återställa måste vara större än 0 kr",
                "a deficit to restore must be larger than SEK 0",
            ),
            IssueKind::DuplicateDeficit { year } => say!(
                lang,
                "underskottet från {year} förekommer mer än en gång",
                "the deficit from {year} appears more than once",
            ),
            IssueKind::BandTooEarly { from_year } => say!(
                lang,
                "en diskonteringsperiod börjar tidigast år 1 efter första året, inte {from_year}",
                "a discount band starts at year 1 after the first year at the earliest, not {from_year}",
            ),
            IssueKind::BandRepeated { from_year } => say!(
                lang,
                "två diskonteringsperioder börjar år {from_year}; ta bort den ena",
                "two discount bands start in year {from_year}; remove one",
            ),
            IssueKind::VoucherSeries { series } => say!(
                lang,
                "verifikationsserien ”{series}” duger inte: den får inte vara tom eller innehålla mellanslag eller citattecken",
                "the voucher series “{series}” cannot be used: it must not be empty or contain spaces or quotes",
            ),
            IssueKind::Format1Bank => say!(
                lang,
                "fältet bank finns inte i filformat 2: fondens bokföring bokar inte banken; ta bort raden",
                "the field bank does not exist in file format 2: the fund's ledger does not book the bank; remove the line",
            ),
            IssueKind::ControlInCode { text, char } => {
                let (text, c) = (shown(text), escaped_char(*char));
                say!(
                    lang,
                    "koden ”{text}” innehåller ett styrtecken eller en riktningsmarkering ({c}); en kod får bara ha synliga tecken",
                    "the code “{text}” holds a control character or a direction mark ({c}); a code may hold only visible characters",
                )
            }
            IssueKind::ControlInText { text, char } => {
                let (text, c) = (shown(text), escaped_char(*char));
                say!(
                    lang,
                    "texten ”{text}” innehåller ett osynligt styrtecken eller en riktningsmarkering ({c}); ta bort det",
                    "the text “{text}” holds an invisible control character or direction mark ({c}); remove it",
                )
            }
            IssueKind::SieCollision {
                list,
                first,
                code,
                written,
            } => {
                let (first, code, written) = (shown(first), shown(code), shown(written));
                let what = match (list, lang) {
                    (CodeList::Actors, Lang::Sv) => "aktörskoderna",
                    (CodeList::Actors, Lang::En) => "actor codes",
                    (CodeList::Initiatives, Lang::Sv) => "insatskoderna",
                    (CodeList::Initiatives, Lang::En) => "initiative codes",
                };
                say!(
                    lang,
                    "{what} ”{first}” och ”{code}” skrivs likadant i SIE (”{written}”) och skulle bli ett och samma objekt; ändra den ena",
                    "the {what} “{first}” and “{code}” are written alike in SIE (“{written}”) and would become one object; change one of them",
                )
            }
            IssueKind::SumsTooLarge => say!(
                lang,
                "fondens summor blir för stora för att räkna med; minska beloppen",
                "the fund's sums become too large to compute; reduce the amounts",
            ),
            IssueKind::Unfunded {
                year,
                disbursed,
                fund_used,
                unfunded,
            } => {
                let (disbursed, fund_used, unfunded) = (kr(disbursed), kr(fund_used), kr(unfunded));
                say!(
                    lang,
                    "fonden räcker inte år {year}: av utbetalningarna {disbursed} kan fonden betala {fund_used}; {unfunded} belastar det fria egna kapitalet",
                    "the fund is not enough in {year}: of the disbursements of {disbursed} the fund can pay {fund_used}; {unfunded} burdens free equity",
                )
            }
            IssueKind::PotOverspent { year, unfunded } => {
                let unfunded = kr(unfunded);
                say!(
                    lang,
                    "årets anslag {year} räcker inte: utbetalningarna överskrider det med {unfunded}",
                    "the pot for {year} is overspent: disbursements exceed it by {unfunded}",
                )
            }
            IssueKind::OverCommitted {
                year,
                committed,
                closing,
                by,
            } => {
                let (committed, closing, by) = (kr(committed), kr(closing), kr(by));
                say!(
                    lang,
                    "fonden är överintecknad från {year}: senare års utbetalningar ({committed}) är större än saldot ({closing}) med {by}",
                    "the fund is over-committed from {year}: later years' disbursements ({committed}) exceed the balance ({closing}) by {by}",
                )
            }
            IssueKind::NoSavings => say!(
                lang,
                "insatsen har inga förväntade besparingar",
                "the initiative has no expected savings",
            ),
            IssueKind::NoCashableSavings => say!(
                lang,
                "återföring ur besparingar, men ingen nämnd har kontantmässiga besparingar att betala ur",
                "repayment from savings, but no committee has cashable savings to repay from",
            ),
            IssueKind::RepaymentIncomplete { outstanding } => {
                let outstanding = kr(outstanding);
                say!(
                    lang,
                    "återföringen blir inte klar inom perioden; {outstanding} återstår",
                    "the repayment will not be complete within the horizon; {outstanding} remains outstanding",
                )
            }
            IssueKind::Arrears {
                actor,
                amount,
                carried,
            } => {
                let amount = kr(amount);
                let kind = match (carried, lang) {
                    (true, Lang::Sv) => {
                        "förs in i planen för senare år, upp till taket, och ska inte betalas därutöver"
                    }
                    (true, Lang::En) => {
                        "carried into the plan of later years, up to the cap, and not owed on top"
                    }
                    (false, Lang::Sv) => "ska betalas utöver planen, som inte ändras",
                    (false, Lang::En) => "owed in addition to the plan, which does not change",
                };
                say!(
                    lang,
                    "{actor} har betalat {amount} mindre än planerat under stängda år (eftersläpning; {kind})",
                    "{actor} has repaid {amount} less than planned in closed years (arrears; {kind})",
                )
            }
            IssueKind::Unbalanced { year, result } => {
                let result = kr(result);
                say!(
                    lang,
                    "budgeten för {year} är inte i balans: balanskravsresultatet enligt gällande rätt är {result} (KL 11 kap. 5 §)",
                    "the budget for {year} is not balanced: the balanced-budget result under current law is {result} (KL 11 kap. 5 §)",
                )
            }
            IssueKind::Overdue { year, amount } => {
                let amount = kr(amount);
                say!(
                    lang,
                    "{amount} av balanskravsunderskotten har inte återställts inom tre år och är försenade {year} (KL 11 kap. 12 §)",
                    "{amount} of the balanced-budget deficits has not been restored within three years and is overdue in {year} (KL 11 kap. 12 §)",
                )
            }
            IssueKind::ReserveUseTooLarge { year, used, covers } => {
                let (used, covers) = (kr(used), kr(covers));
                say!(
                    lang,
                    "disponeringen från resultatreserven {year} ({used}) är större än underskottet den ska täcka ({covers}): en reserv får bara täcka ett underskott",
                    "the use of the result reserve in {year} ({used}) is larger than the deficit it covers ({covers}): a reserve may only cover a deficit",
                )
            }
            IssueKind::ReservationTooLarge {
                year,
                reservation,
                room,
                room2,
            } => {
                let (reservation, room, room2) = (kr(reservation), kr(room), kr(room2));
                say!(
                    lang,
                    "reserveringen till resultatreserven {year} ({reservation}) är större än den del av resultatet som överstiger 1 % av skatteintäkter och statsbidrag ({room}); är det egna kapitalet inklusive pensionsförpliktelser negativt gäller 2 % ({room2})",
                    "the reservation to the result reserve in {year} ({reservation}) is larger than the part of the result above 1 % of tax revenue and state grants ({room}); when equity including pension commitments is negative, 2 % applies ({room2})",
                )
            }
            IssueKind::SpecialReasonsTooLarge {
                year,
                special,
                deficit,
                applied,
            } => {
                let (special, deficit, applied) = (kr(special), kr(deficit), kr(applied));
                say!(
                    lang,
                    "synnerliga skäl {year} ({special}) är mer än underskottet ({deficit}): bara {applied} räknas",
                    "the special reasons in {year} ({special}) are more than the deficit ({deficit}): only {applied} counts",
                )
            }
            IssueKind::Coverage {
                actor,
                adjusted,
                planned,
                covered,
                shortfall,
            } => {
                let (planned, covered, shortfall) = (kr(planned), kr(covered), kr(shortfall));
                let (adj, after) = match (adjusted, lang) {
                    (false, _) => ("", ""),
                    (true, Lang::Sv) => (
                        "justerade ",
                        " (efter dödvikt, tillskrivning, avtagande effekt och optimismjustering)",
                    ),
                    (true, Lang::En) => (
                        "adjusted ",
                        " (after deadweight, attribution, drop-off and optimism bias)",
                    ),
                };
                say!(
                    lang,
                    "{actor}:s {adj}kontantmässiga besparingar av insatsen{after} räcker inte till de återföringar nämnden ska göra: av planerade {planned} täcks {covered}, och {shortfall} får nämnden ta ur sin övriga budget; se över återföringsavtalet",
                    "{actor}'s {adj}cashable savings from the initiative{after} do not cover the repayments it is to make: of {planned} planned, {covered} is covered and {shortfall} must come from the rest of the committee's budget; review the repayment agreement",
                )
            }
        }
    }
}

/// A character as its escape, `\u{1b}`.
fn escaped_char(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

impl Message for Issue {
    fn text(&self, lang: Lang) -> String {
        self.kind.text(lang)
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "fel / error",
            Severity::Warning => "varning / warning",
        };
        write!(f, "{kind}: {}: {}", self.path, self.kind.both())
    }
}
