//! The library's text face: every sentence the library says about a fund or a file — validation
//! issues, load and save errors, the SIE and workbook readers' problems, the engine's and the
//! money parser's errors, the ledger's and the exports' refusals — in Swedish and in English,
//! made here and nowhere else.
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

    /// The sentence in Swedish.
    fn swedish(&self) -> String {
        self.text(Lang::Sv)
    }

    /// The sentence in English.
    fn english(&self) -> String {
        self.text(Lang::En)
    }

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

// ---------------------------------------------------------------------------------------------
// The file store: loading and saving fund files.

use crate::store::{BackupReason, IoReason, LoadError, MAX_FILE_BYTES, SaveError, SyntaxProblem};

impl Message for IoReason {
    fn text(&self, lang: Lang) -> String {
        let (sv, en) = match self {
            IoReason::NotFound => (
                "filen eller mappen finns inte",
                "the file or folder does not exist",
            ),
            IoReason::PermissionDenied => (
                "behörighet saknas (filen eller mappen är skrivskyddad eller tillhör någon annan)",
                "permission denied (the file or folder is read-only or belongs to someone else)",
            ),
            IoReason::ReadOnlyDrive => ("enheten är skrivskyddad", "the drive is read-only"),
            IoReason::DiskFull => ("disken är full", "the disk is full"),
            IoReason::QuotaExceeded => (
                "ditt lagringsutrymme (kvot) är slut",
                "your storage quota is used up",
            ),
            IoReason::TooLargeForDrive => (
                "filen är för stor för enheten",
                "the file is too large for the drive",
            ),
            IoReason::IsAFolder => ("det är en mapp, inte en fil", "it is a folder, not a file"),
            IoReason::NotAFolder => (
                "en del av sökvägen är en fil, inte en mapp",
                "part of the path is a file, not a folder",
            ),
            IoReason::InvalidName => (
                "filnamnet är ogiltigt eller för långt",
                "the file name is invalid or too long",
            ),
            IoReason::InUse => (
                "filen används av ett annat program",
                "the file is in use by another program",
            ),
            IoReason::NetworkDown => (
                "nätverksenheten svarar inte",
                "the network drive does not respond",
            ),
            IoReason::Other(os) => return say!(lang, "systemfel: {os}", "{os}"),
        };
        lang.pick(sv, en).to_string()
    }
}

/// RON's error: the common mistakes in plain words, the rest with RON's own precise wording
/// (it names fields and types), introduced in Swedish.
fn ron_error(lang: Lang, code: &ron::Error) -> String {
    use ron::Error as E;
    let plain = |sv: &str, en: &str| lang.pick(sv, en).to_string();
    match code {
        E::MissingStructField { field, outer } => {
            let place = outer.as_deref().unwrap_or("Fund");
            say!(
                lang,
                "fältet {field} saknas i {place}",
                "the field {field} is missing in {place}",
            )
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let place = outer.as_deref().unwrap_or("Fund");
            let list = expected.join(", ");
            say!(
                lang,
                "{place} har inget fält som heter {found} (giltiga fält: {list})",
                "{place} has no field called {found} (expected one of: {list})",
            )
        }
        E::DuplicateStructField { field, outer } => {
            let place = outer.as_deref().unwrap_or("Fund");
            say!(
                lang,
                "fältet {field} förekommer två gånger i {place}",
                "the field {field} appears twice in {place}",
            )
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let list = expected.join(", ");
            let what = outer.as_deref().unwrap_or("värdet");
            let what_en = outer.as_deref().unwrap_or("the value");
            say!(
                lang,
                "{found} är inget giltigt värde för {what} (giltiga: {list})",
                "{found} is not a valid value for {what_en} (expected one of: {list})",
            )
        }
        E::Eof => plain(
            "filen tar slut mitt i (saknas en avslutande parentes?)",
            "the file ends too early (is a closing bracket missing?)",
        ),
        E::ExpectedComma => plain("ett kommatecken saknas", "a comma is missing"),
        E::IntegerOutOfBounds => plain(
            "talet är för stort eller för litet för fältet",
            "the number is too large or too small for this field",
        ),
        E::ExceededRecursionLimit => plain(
            "filen är för djupt nästlad (för många parenteser inuti varandra)",
            "the file is nested too deeply (too many brackets inside each other)",
        ),
        E::ExpectedInteger => plain(
            "här ska det stå ett heltal",
            "a whole number is expected here",
        ),
        E::ExpectedFloat => plain("här ska det stå ett tal", "a number is expected here"),
        E::ExpectedString => plain(
            "här ska det stå en text inom citattecken",
            "a text in quotes is expected here",
        ),
        E::ExpectedStringEnd => plain(
            "en text saknar sitt avslutande citattecken",
            "a text is missing its closing quote",
        ),
        E::ExpectedBoolean => plain(
            "här ska det stå true eller false",
            "true or false is expected here",
        ),
        E::ExpectedArray => plain(
            "här ska en lista börja med [",
            "a list starting with [ is expected here",
        ),
        E::ExpectedArrayEnd => plain(
            "en lista saknar sin avslutande ]",
            "a list is missing its closing ]",
        ),
        E::ExpectedStructLike | E::ExpectedOption => plain(
            "här ska det stå en öppnande parentes (",
            "an opening bracket ( is expected here",
        ),
        E::ExpectedNamedStructLike("Fund")
        | E::ExpectedDifferentStructName {
            expected: "Fund", ..
        } => plain(
            "det här är ingen fondfil; en fondfil börjar med Fund(",
            "this is not a fund file; a fund file starts with Fund(",
        ),
        E::ExpectedNamedStructLike(name) => say!(
            lang,
            "här ska det stå en öppnande parentes ( för {name}",
            "an opening bracket ( for {name} is expected here",
        ),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => plain(
            "en avslutande parentes ) saknas",
            "a closing bracket ) is missing",
        ),
        E::ExpectedDifferentStructName { expected, found } => say!(
            lang,
            "här ska det stå {expected}, inte {found}",
            "{expected} is expected here, not {found}",
        ),
        E::ExpectedIdentifier => plain(
            "här ska det stå ett fältnamn eller ett värde som Committee",
            "a field name or a value such as Committee is expected here",
        ),
        E::UnexpectedChar(c) => say!(
            lang,
            "tecknet {c:?} hör inte hit",
            "the character {c:?} does not belong here",
        ),
        E::TrailingCharacters => plain(
            "det står något efter fondens sista parentes",
            "there is something after the fund's closing bracket",
        ),
        E::UnclosedBlockComment => plain(
            "en kommentar /* saknar sitt avslutande */",
            "a comment /* is missing its closing */",
        ),
        E::InvalidValueForType { expected, found } => say!(
            lang,
            "väntade {expected}, fann {found}",
            "expected {expected} but found {found}",
        ),
        other => say!(lang, "RON-fel: {other}", "{other}"),
    }
}

impl Message for SyntaxProblem {
    fn text(&self, lang: Lang) -> String {
        match self {
            SyntaxProblem::Empty => say!(lang, "filen är tom", "the file is empty"),
            SyntaxProblem::RecoveryHeader => say!(
                lang,
                "återställningsfilens huvud saknas eller är skadat",
                "the recovery file's header is missing or damaged",
            ),
            SyntaxProblem::Ron(e) => ron_error(lang, e),
        }
    }
}

/// Whole megabytes, rounded up, so that a file just over the limit never reads as "64 MB; at
/// most 64 MB".
fn megabytes_up(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

impl Message for LoadError {
    fn text(&self, lang: Lang) -> String {
        use crate::model::FORMAT_VERSION;
        match self {
            LoadError::Io { file, reason } => {
                let reason = reason.text(lang);
                say!(
                    lang,
                    "Kunde inte läsa {file}: {reason}.",
                    "Could not read {file}: {reason}.",
                )
            }
            LoadError::NotAFile { file } => say!(
                lang,
                "{file} är en mapp eller ingen vanlig fil; välj en fondfil (.ron).",
                "{file} is a folder or not a regular file; choose a fund file (.ron).",
            ),
            LoadError::TooLarge { file, bytes } => {
                let mb = megabytes_up(*bytes);
                let max = MAX_FILE_BYTES / (1024 * 1024);
                say!(
                    lang,
                    "{file} är för stor ({mb} MB); en fondfil får vara högst {max} MB.",
                    "{file} is too large ({mb} MB); a fund file may be at most {max} MB.",
                )
            }
            LoadError::NotUtf8 { file, line, col } => say!(
                lang,
                "{file}:{line}:{col}: filen är inte UTF-8-text; spara den som UTF-8 (den kan vara en binärfil eller sparad som Latin-1).",
                "{file}:{line}:{col}: the file is not UTF-8 text; save it as UTF-8 (it may be a binary file or saved as Latin-1).",
            ),
            LoadError::Syntax {
                file,
                line,
                col,
                problem,
            } => {
                let problem = problem.text(lang);
                say!(
                    lang,
                    "{file}:{line}:{col}: filen kunde inte tolkas: {problem}.",
                    "{file}:{line}:{col}: the file could not be read: {problem}.",
                )
            }
            LoadError::MissingFormat { file } => say!(
                lang,
                "{file}: fältet format saknas; en fondfil börjar med Fund(format: {FORMAT_VERSION}, …).",
                "{file}: the field format is missing; a fund file starts with Fund(format: {FORMAT_VERSION}, …).",
            ),
            LoadError::NewerFormat { file, found } => say!(
                lang,
                "{file} har filformat {found}, som är nyare än vad den här versionen av Sif kan läsa (format {FORMAT_VERSION}); uppdatera Sif för att öppna den.",
                "{file} has file format {found}, which is newer than this version of Sif reads (format {FORMAT_VERSION}); update Sif to open it.",
            ),
            LoadError::UnsupportedFormat { file, found } => say!(
                lang,
                "{file} har filformat {found}, som inte finns; Sif läser format {FORMAT_VERSION}.",
                "{file} has file format {found}, which does not exist; Sif reads format {FORMAT_VERSION}.",
            ),
        }
    }
}

impl Message for BackupReason {
    fn text(&self, lang: Lang) -> String {
        match self {
            BackupReason::NotAFile { bak } => say!(
                lang,
                "{bak} är en mapp eller ingen vanlig fil",
                "{bak} is a folder or not a regular file",
            ),
            BackupReason::NameTooLong => say!(
                lang,
                "filnamnet blir för långt med .bak; ge filen ett kortare namn",
                "the file name is too long to add .bak; give the file a shorter name",
            ),
            BackupReason::Io(reason) => reason.text(lang),
        }
    }
}

impl Message for SaveError {
    fn text(&self, lang: Lang) -> String {
        let kept = lang.pick(
            "Den tidigare filen är orörd.",
            "The previous file is unchanged.",
        );
        match self {
            SaveError::Serialize { reason } => say!(
                lang,
                "Fonden kunde inte skrivas som text: {reason}. Ingenting skrevs.",
                "The fund could not be written as text: {reason}. Nothing was written.",
            ),
            SaveError::Io {
                file,
                reason,
                existed,
            } => {
                let reason = reason.text(lang);
                let after = if *existed {
                    kept
                } else {
                    lang.pick("Ingen fil skrevs.", "No file was written.")
                };
                say!(
                    lang,
                    "Kunde inte spara {file}: {reason}. {after}",
                    "Could not save {file}: {reason}. {after}",
                )
            }
            SaveError::Unreadable { file, error } => {
                let reason = error.text(lang);
                say!(
                    lang,
                    "Kunde inte spara {file}: {reason}. {kept}",
                    "Could not save {file}: {reason}. {kept}",
                )
            }
            SaveError::FolderMissing { file, folder } => say!(
                lang,
                "Kunde inte spara {file}: mappen {folder} finns inte (den kan ha flyttats, eller en nätverksenhet kan vara frånkopplad).",
                "Could not save {file}: the folder {folder} does not exist (it may have been moved, or a network drive disconnected).",
            ),
            SaveError::NotAFile { file } => say!(
                lang,
                "Kunde inte spara {file}: det är en mapp eller ingen vanlig fil; välj ett filnamn.",
                "Could not save {file}: it is a folder or not a regular file; choose a file name.",
            ),
            SaveError::ReadOnlyFile { file } => say!(
                lang,
                "Kunde inte spara {file}: filen är skrivskyddad. Spara under ett annat namn eller ta bort skrivskyddet. {kept}",
                "Could not save {file}: the file is write-protected. Save under another name or remove the protection. {kept}",
            ),
            SaveError::Backup { file, reason } => {
                let reason = reason.text(lang);
                say!(
                    lang,
                    "Kunde inte spara {file}: den tidigare versionen kunde inte behållas som säkerhetskopia (.bak): {reason}. {kept}",
                    "Could not save {file}: the previous version could not be kept as a backup (.bak): {reason}. {kept}",
                )
            }
            SaveError::ChangedOnDisk {
                file,
                removed: false,
            } => say!(
                lang,
                "{file} har ändrats av ett annat program eller en annan person sedan du öppnade den; ingenting sparades.",
                "{file} has been changed by another program or person since you opened it; nothing was saved.",
            ),
            SaveError::ChangedOnDisk {
                file,
                removed: true,
            } => say!(
                lang,
                "{file} har tagits bort eller flyttats sedan du öppnade den; ingenting sparades.",
                "{file} has been deleted or moved since you opened it; nothing was saved.",
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The SIE reader and the actual figures read from a SIE file.

use crate::sie_actuals::{ActualsError, ActualsWarning, FundFrom};
use crate::sie_read::{
    Problem, SieReadError, SieWarning, dashed, ore_en, ore_sv, shown as sie_shown,
};

/// An amount in öre with two decimals: `−12 899,00 kr`, `SEK -12,899.00`.
fn ore_kr(lang: Lang, ore: i128) -> String {
    match lang {
        Lang::Sv => format!("{} kr", ore_sv(ore)),
        Lang::En => format!("SEK {}", ore_en(ore)),
    }
}

impl Message for SieWarning {
    fn text(&self, lang: Lang) -> String {
        match self {
            SieWarning::Utf8 => say!(
                lang,
                "filen är skriven i UTF-8, inte i CP437 som SIE 4 föreskriver; den lästes som UTF-8",
                "the file is written in UTF-8, not in CP437 as SIE 4 prescribes; it was read as UTF-8",
            ),
            SieWarning::Latin1 => say!(
                lang,
                "filen är skriven i Latin-1 (ISO 8859-1), inte i CP437 som SIE 4 föreskriver; den lästes som Latin-1",
                "the file is written in Latin-1 (ISO 8859-1), not in CP437 as SIE 4 prescribes; it was read as Latin-1",
            ),
            SieWarning::NoSieType => say!(
                lang,
                "filen saknar #SIETYP; den lästes som typ 4 eftersom den har verifikationer",
                "the file has no #SIETYP; it was read as type 4 because it has vouchers",
            ),
            SieWarning::BrokenFiscalYear { line } => say!(
                lang,
                "räkenskapsåret (#RAR) på rad {line} kan inte läsas och hoppades över",
                "the financial year (#RAR) on line {line} cannot be read and was skipped",
            ),
            SieWarning::NonCalendarFiscalYear(fy) => {
                let (start, end) = (dashed(fy.start), dashed(fy.end));
                say!(
                    lang,
                    "räkenskapsåret {start}–{end} är inte ett kalenderår; verifikationerna räknas till kalenderåret för sitt datum",
                    "the financial year {start} to {end} is not a calendar year; vouchers count in the calendar year of their date",
                )
            }
            SieWarning::SkippedLines { count, first } => say!(
                lang,
                "{count} rader som inte är SIE-poster hoppades över (den första på rad {first})",
                "{count} lines that are no SIE record were skipped (the first on line {first})",
            ),
        }
    }
}

impl Message for Problem {
    fn text(&self, lang: Lang) -> String {
        match self {
            Problem::Amount(t) => say!(
                lang,
                "beloppet ”{t}” kan inte läsas",
                "the amount “{t}” cannot be read",
            ),
            Problem::Account(t) => say!(
                lang,
                "kontot ”{t}” är inget kontonummer",
                "the account “{t}” is no account number",
            ),
            Problem::Date(t) => say!(
                lang,
                "datumet ”{t}” är inget datum ÅÅÅÅMMDD",
                "the date “{t}” is no date YYYYMMDD",
            ),
            Problem::Dimension(t) => say!(
                lang,
                "dimensionen ”{t}” är inget dimensionsnummer",
                "the dimension “{t}” is no dimension number",
            ),
            Problem::ObjectList => say!(
                lang,
                "objektlistan är ofullständig",
                "the object list is incomplete",
            ),
            Problem::TransOutsideVoucher => say!(
                lang,
                "en #TRANS-rad står utanför en verifikation",
                "a #TRANS row is outside a voucher",
            ),
            Problem::NestedVoucher => say!(
                lang,
                "en #VER står inuti en annan verifikation (en }} saknas)",
                "a #VER is inside another voucher (a }} is missing)",
            ),
            Problem::StrayBrace => say!(
                lang,
                "en klammer hör inte till någon verifikation",
                "a brace belongs to no voucher",
            ),
        }
    }
}

impl Message for SieReadError {
    fn text(&self, lang: Lang) -> String {
        match self {
            SieReadError::Io { reason } => {
                let reason = reason.text(lang);
                say!(
                    lang,
                    "SIE-filen kunde inte läsas: {reason}",
                    "the SIE file could not be read: {reason}",
                )
            }
            SieReadError::TooLarge { bytes } => {
                let mib = bytes / (1024 * 1024);
                say!(
                    lang,
                    "SIE-filen är {mib} MiB, större än de 512 MiB Sif läser",
                    "the SIE file is {mib} MiB, larger than the 512 MiB Sif reads",
                )
            }
            SieReadError::NotSie => say!(
                lang,
                "filen är ingen SIE-fil (den börjar inte med en SIE-post som #FLAGGA eller #SIETYP)",
                "the file is not a SIE file (it does not start with a SIE record such as #FLAGGA or #SIETYP)",
            ),
            SieReadError::NotType4 { sie_type } => say!(
                lang,
                "SIE-filen är av typ {sie_type} och har inga verifikationer; utfall kräver en fil av typ 4 (4E eller 4I) med verifikationer",
                "the SIE file is of type {sie_type} and holds no vouchers; actual figures need a type 4 file (4E or 4I) with vouchers",
            ),
            SieReadError::Unbalanced {
                series,
                number,
                line,
                ore,
            } => {
                let (series, number, sum) =
                    (sie_shown(series), sie_shown(number), ore_kr(lang, *ore));
                say!(
                    lang,
                    "verifikation {series} {number} på rad {line} balanserar inte: raderna summerar till {sum}",
                    "voucher {series} {number} on line {line} does not balance: its rows sum to {sum}",
                )
            }
            SieReadError::Truncated {
                series,
                number,
                line,
            } => {
                let (series, number) = (sie_shown(series), sie_shown(number));
                say!(
                    lang,
                    "SIE-filen tar slut mitt i verifikation {series} {number} som börjar på rad {line}; filen är avkortad",
                    "the SIE file ends inside voucher {series} {number} that starts on line {line}; the file is truncated",
                )
            }
            SieReadError::Malformed { line, problem } => {
                let what = problem.text(lang);
                say!(
                    lang,
                    "SIE-filen kan inte läsas: på rad {line} {what}",
                    "the SIE file cannot be read: on line {line} {what}",
                )
            }
            SieReadError::Overflow { line } => say!(
                lang,
                "SIE-filen kan inte läsas: summan på rad {line} är orimligt stor",
                "the SIE file cannot be read: the sum on line {line} is unreasonably large",
            ),
        }
    }
}

impl Message for ActualsWarning {
    fn text(&self, lang: Lang) -> String {
        match self {
            ActualsWarning::Sie(w) => w.text(lang),
            ActualsWarning::NoVouchers { year } => say!(
                lang,
                "filen har inga verifikationer daterade {year}",
                "the file has no vouchers dated {year}",
            ),
            ActualsWarning::YearOpen { year } => say!(
                lang,
                "{year} är inte stängt; utfallet kan visas men inte användas förrän året är stängt",
                "{year} is not closed; the figures can be shown but not applied until the year is closed",
            ),
            ActualsWarning::NoMappedRows {
                year,
                fund_from: FundFrom::Allocation,
                internal_income,
                internal_cost,
            } => say!(
                lang,
                "filen har inga rader {year} på kontona för interna intäkter ({internal_income}) och interna kostnader ({internal_cost}); stämmer fondens konton med organisationens kontoplan?",
                "the file has no rows in {year} on the accounts for internal income ({internal_income}) and internal costs ({internal_cost}); do the fund's accounts match the organisation's chart?",
            ),
            ActualsWarning::NoMappedRows {
                year,
                fund_from: FundFrom::Costs,
                ..
            } => say!(
                lang,
                "filen har inga rader {year} på kostnadskontona 4000–7999; stämmer fondens konton med organisationens kontoplan?",
                "the file has no rows in {year} on the cost accounts 4000–7999; do the fund's accounts match the organisation's chart?",
            ),
            ActualsWarning::NegativeFund { code, ore } => {
                let sum = ore_kr(lang, *ore);
                say!(
                    lang,
                    "{code}: fondens utbetalning enligt filen är netto {sum}; den lästes inte in (det registrerade beloppet står kvar)",
                    "{code}: the fund's payment in the file nets to {sum}; it was not imported (the recorded figure stays)",
                )
            }
            ActualsWarning::NegativeRepayment { code, actor, ore } => {
                let sum = ore_kr(lang, *ore);
                say!(
                    lang,
                    "{code}: återföringen från {actor} enligt filen är netto {sum}; den lästes inte in (det registrerade beloppet står kvar)",
                    "{code}: the repayment from {actor} in the file nets to {sum}; it was not imported (the recorded figure stays)",
                )
            }
            ActualsWarning::UnknownPayer { code, actor, ore } => {
                let sum = ore_kr(lang, *ore);
                say!(
                    lang,
                    "{code}: {sum} på kontot för interna kostnader har ansvar ”{actor}”, som inte är en nämnd i fonden; det lästes inte in",
                    "{code}: {sum} on the internal cost account has responsibility “{actor}”, which is no committee of the fund; it was not imported",
                )
            }
            ActualsWarning::NoPayer { code, ore } => {
                let sum = ore_kr(lang, *ore);
                say!(
                    lang,
                    "{code}: {sum} på kontot för interna kostnader saknar ansvar (dimension 1); det lästes inte in",
                    "{code}: {sum} on the internal cost account has no responsibility (dimension 1); it was not imported",
                )
            }
        }
    }
}

impl Message for ActualsError {
    fn text(&self, lang: Lang) -> String {
        match self {
            ActualsError::NoYear => say!(
                lang,
                "SIE-filen har inget läsbart räkenskapsår (#RAR 0); ange året med --year",
                "the SIE file has no readable financial year (#RAR 0); give the year with --year",
            ),
            ActualsError::OutsideHorizon { year, first, last } => say!(
                lang,
                "{year} ligger utanför fondens år {first}–{last}",
                "{year} is outside the fund's years {first}–{last}",
            ),
            ActualsError::NotClosed { year } => say!(
                lang,
                "{year} är inte stängt; stäng året (closed_through) innan utfallet används",
                "{year} is not closed; close the year (closed_through) before applying the figures",
            ),
            ActualsError::TooLarge { code } => say!(
                lang,
                "{code}: beloppen i SIE-filen är för stora för en fond",
                "{code}: the amounts in the SIE file are too large for a fund",
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Money and the engine.

use crate::engine::EngineError;
use crate::money::{Overflow, ParseMoneyError};

impl Message for Overflow {
    fn text(&self, lang: Lang) -> String {
        say!(
            lang,
            "beloppet blev för stort att räkna med",
            "the amount became too large to compute",
        )
    }
}

impl Message for ParseMoneyError {
    fn text(&self, lang: Lang) -> String {
        match self {
            ParseMoneyError::Empty => say!(lang, "ange ett belopp", "enter an amount"),
            ParseMoneyError::Invalid(t) => say!(
                lang,
                "”{t}” är inget belopp i hela kronor",
                "“{t}” is not an amount in whole kronor",
            ),
            ParseMoneyError::Fraction => say!(
                lang,
                "ange hela kronor, utan ören",
                "enter whole kronor, without öre",
            ),
            ParseMoneyError::TooLarge => say!(
                lang,
                "beloppet är för stort (högst 1 000 000 000 000 kr)",
                "the amount is too large (at most SEK 1,000,000,000,000)",
            ),
        }
    }
}

impl Message for EngineError {
    fn text(&self, lang: Lang) -> String {
        match self {
            EngineError::UnknownScenario { name, known } => {
                let known = if known.is_empty() {
                    "base".to_string()
                } else {
                    format!("base, {}", known.join(", "))
                };
                say!(
                    lang,
                    "scenariot ”{name}” finns inte (finns: {known})",
                    "there is no scenario “{name}” (known: {known})",
                )
            }
            EngineError::Overflow(o) => o.text(lang),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The ledger, its exports and the report workbook.

use crate::ledger::{ExportError, LedgerError, TextSource, TextTarget};
use crate::xlsx::export::ExportError as WorkbookError;

impl Message for LedgerError {
    fn text(&self, lang: Lang) -> String {
        match self {
            LedgerError::AccountClass {
                field,
                number,
                balance,
            } => {
                let (sv, en) = if *balance {
                    ("1–2 (balanskonto)", "1–2 (balance account)")
                } else {
                    ("3–9 (resultatkonto)", "3–9 (result account)")
                };
                say!(
                    lang,
                    "kontot för {field} ({number}) ska ha 4–8 siffror och tillhöra klass {sv}; kontrollera kontoplanen under accounts",
                    "the account for {field} ({number}) must have 4–8 digits and belong to class {en}; check the chart under accounts",
                )
            }
            LedgerError::SharedFundEquity { number, other } => say!(
                lang,
                "kontot {number} används både för fund_equity och för {other}; fondens saldo måste ha ett eget konto",
                "the account {number} is used for both fund_equity and {other}; the fund balance needs an account of its own",
            ),
            LedgerError::UnknownActor(code) => say!(
                lang,
                "aktören ”{code}” finns inte bland fondens aktörer; rätta fonden först",
                "the actor “{code}” is not one of the fund's actors; fix the fund first",
            ),
            LedgerError::ProjectionMismatch => say!(
                lang,
                "beräkningen hör inte till den här fonden (andra år); räkna om",
                "the projection does not belong to this fund (other years); compute it again",
            ),
            LedgerError::Unbalanced { voucher, sum } => say!(
                lang,
                "verifikationen {voucher} balanserar inte (summa {sum}); detta är ett fel i Sif",
                "voucher {voucher} does not balance (sum {sum}); this is a bug in Sif",
            ),
            LedgerError::ResultNotZero { year, sum } => say!(
                lang,
                "resultatkontona nettar inte till noll år {year} (summa {sum}); detta är ett fel i Sif",
                "the result accounts do not net to zero in {year} (sum {sum}); this is a bug in Sif",
            ),
            LedgerError::YearOutsideHorizon { year, first, last } => say!(
                lang,
                "året {year} ligger utanför fondens horisont {first}–{last}",
                "the year {year} is outside the fund's horizon {first}–{last}",
            ),
            LedgerError::Overflow(o) => o.text(lang),
        }
    }
}

impl Message for TextSource {
    fn text(&self, lang: Lang) -> String {
        match self {
            TextSource::FundName => say!(lang, "fondens namn", "the fund's name"),
            TextSource::ScenarioName => say!(lang, "scenariots namn", "the scenario's name"),
            TextSource::Organisation => {
                say!(lang, "organisationens namn", "the organisation's name")
            }
            TextSource::OrgNumber => say!(lang, "organisationsnumret", "the organisation number"),
            TextSource::ActorCode(c) => {
                say!(lang, "koden för aktören {c}", "the code of actor {c}")
            }
            TextSource::ActorName(c) => {
                say!(lang, "namnet på aktören {c}", "the name of actor {c}")
            }
            TextSource::InitiativeCode(c) => {
                say!(lang, "koden för insatsen {c}", "the code of initiative {c}",)
            }
            TextSource::InitiativeName(c) => {
                say!(lang, "namnet på insatsen {c}", "the name of initiative {c}",)
            }
            TextSource::CapitalNote(d) => say!(
                lang,
                "anteckningen till kapitalhändelsen {d}",
                "the note of the capital event of {d}",
            ),
            TextSource::AccountName(n) => {
                say!(lang, "namnet på konto {n}", "the name of account {n}")
            }
            TextSource::Sif => say!(lang, "en text från Sif", "a text of Sif's own"),
        }
    }
}

impl Message for TextTarget {
    fn text(&self, lang: Lang) -> String {
        match self {
            TextTarget::Sie => say!(
                lang,
                "SIE-filen (teckentabell CP437)",
                "a SIE file (code page CP437)",
            ),
            TextTarget::HledgerTag => say!(lang, "en hledger-tagg", "an hledger tag"),
        }
    }
}

/// A character as its Unicode code point, `U+00E9`.
fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

impl Message for ExportError {
    fn text(&self, lang: Lang) -> String {
        match self {
            ExportError::Unencodable {
                text,
                character,
                origin,
                target,
            } => {
                let (origin, code, target) =
                    (origin.text(lang), codepoint(*character), target.text(lang));
                say!(
                    lang,
                    "texten ”{text}” ({origin}) innehåller tecknet {character} ({code}), som {target} inte kan lagra; ändra texten och exportera igen",
                    "the text “{text}” ({origin}) contains the character {character} ({code}), which {target} cannot hold; change the text and export again",
                )
            }
            ExportError::OrgNumber(org) => say!(
                lang,
                "organisationsnumret ”{org}” har inte formen NNNNNN-NNNN (tio siffror)",
                "the organisation number “{org}” is not of the form NNNNNN-NNNN (ten digits)",
            ),
            ExportError::YearOutsideHorizon { year, first, last } => say!(
                lang,
                "året {year} ligger utanför fondens horisont {first}–{last}",
                "the year {year} is outside the fund's horizon {first}–{last}",
            ),
            ExportError::Sie4eNeedsYear => say!(
                lang,
                "SIE 4E gäller ett räkenskapsår; ange --year",
                "SIE 4E covers one financial year; give --year",
            ),
            ExportError::Sie4iNeedsYear => say!(
                lang,
                "SIE 4I innehåller verifikationer för ett stängt år; ange --year",
                "SIE 4I holds the vouchers of one closed year; give --year",
            ),
            ExportError::Sie4iOpenYear { year } => say!(
                lang,
                "året {year} är inte stängt: dess plan lämnar Sif som budget i en SIE 4E-fil (--format sie4e --year {year}), inte som verifikationer att läsa in",
                "the year {year} is not closed: its plan leaves Sif as budget in a SIE 4E file (--format sie4e --year {year}), not as vouchers to import",
            ),
            ExportError::BudgetYear { budget, year } => say!(
                lang,
                "budgeten gäller år {budget}, filen år {year}; detta är ett fel i Sif",
                "the budget is for {budget}, the file for {year}; this is a bug in Sif",
            ),
            ExportError::YearEndOnlyNotSie4i => say!(
                lang,
                "--year-end-only gäller bara SIE 4I",
                "--year-end-only applies to SIE 4I only",
            ),
            ExportError::BadDate(date) => say!(
                lang,
                "datumet ”{date}” är inget giltigt datum (ÅÅÅÅ-MM-DD)",
                "“{date}” is not a valid date (YYYY-MM-DD)",
            ),
        }
    }
}

impl Message for WorkbookError {
    fn text(&self, lang: Lang) -> String {
        match self {
            WorkbookError::Overflow(o) => o.text(lang),
            WorkbookError::Xlsx(e) => say!(
                lang,
                "kunde inte skriva arbetsboken: {e}",
                "could not write the workbook: {e}",
            ),
            WorkbookError::Ledger(e) => e.text(lang),
        }
    }
}

impl fmt::Display for WorkbookError {
    /// Swedish first, then English, in one line; the writer's own reason (in English) once, at
    /// the end.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkbookError::Xlsx(e) => write!(
                f,
                "kunde inte skriva arbetsboken / could not write the workbook: {e}"
            ),
            other => f.write_str(&other.both()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The workbook reader: problems in a filled-in initiatives template.

use crate::xlsx::import::{
    ImportError, Problem as TemplateProblem, ProblemKind, SHOWN_PROBLEMS, Unreadable, Whole,
};

impl Message for Unreadable {
    fn text(&self, lang: Lang) -> String {
        use crate::xlsx::{MAX_FILE_BYTES, MAX_ROWS};
        match self {
            Unreadable::TooLarge { mib } => {
                let max = MAX_FILE_BYTES / (1024 * 1024);
                say!(
                    lang,
                    "filen är {mib} MiB; Sif läser mallar upp till {max} MiB",
                    "the file is {mib} MiB; Sif reads templates up to {max} MiB",
                )
            }
            Unreadable::OldOrEncrypted => say!(
                lang,
                "filen är en äldre Excel-fil (.xls) eller krypterad; spara den som Excel-arbetsbok (.xlsx) utan lösenord",
                "the file is an older Excel file (.xls) or encrypted; save it as an Excel workbook (.xlsx) without a password",
            ),
            Unreadable::NotAWorkbook => say!(
                lang,
                "filen är ingen Excel-arbetsbok (.xlsx); använd mallen från sif template, eller en CSV-fil med ändelsen .csv",
                "the file is not an Excel workbook (.xlsx); use the template from sif template, or a CSV file ending in .csv",
            ),
            Unreadable::Damaged(e) => say!(
                lang,
                "filen kan inte läsas som Excel-arbetsbok (.xlsx) ({e})",
                "the file cannot be read as an Excel workbook (.xlsx) ({e})",
            ),
            Unreadable::NotText => say!(
                lang,
                "filen är ingen textfil (CSV); spara mallen som CSV med semikolon, eller läs in arbetsboken (.xlsx)",
                "the file is not a text (CSV) file; save the template as CSV with semicolons, or read the workbook (.xlsx)",
            ),
            Unreadable::TooManyRows => say!(
                lang,
                "filen har fler än {MAX_ROWS} rader; Sif läser högst {MAX_ROWS}",
                "the file has more than {MAX_ROWS} rows; Sif reads at most {MAX_ROWS}",
            ),
        }
    }
}

impl fmt::Display for ImportError {
    /// Swedish first, then English: the file and why it is unreadable, or the file, how many
    /// problems, and each problem on its own line (at most [`SHOWN_PROBLEMS`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Unreadable { file, reason } => write!(f, "{file}: {}", reason.both()),
            ImportError::Problems { file, problems } => {
                let n = problems.len();
                write!(
                    f,
                    "{file}: {n} fel – inget lästes in / {n} {} – nothing was imported:",
                    if n == 1 { "problem" } else { "problems" },
                )?;
                for p in problems.iter().take(SHOWN_PROBLEMS) {
                    write!(f, "\n  {p}")?;
                }
                if n > SHOWN_PROBLEMS {
                    let more = n - SHOWN_PROBLEMS;
                    write!(f, "\n  … och {more} till / … and {more} more")?;
                }
                Ok(())
            }
        }
    }
}

impl Message for ProblemKind {
    fn text(&self, lang: Lang) -> String {
        use crate::xlsx::MAX_ROWS;
        match self {
            ProblemKind::MissingSheet { sheet, has } => say!(
                lang,
                "arbetsboken saknar bladet ”{sheet}” (den har: {has}); använd mallen från sif template och byt inte namn på bladen",
                "the workbook has no sheet “{sheet}” (it has: {has}); use the template from sif template and do not rename its sheets",
            ),
            ProblemKind::MergedCells => say!(
                lang,
                "sammanfogade celler; dela upp dem (Sammanfoga och centrera av) så att varje värde står i sin egen cell",
                "merged cells; unmerge them so that every value is in a cell of its own",
            ),
            ProblemKind::TooManyRows { row } => say!(
                lang,
                "bladet har värden på rad {row} och fler; Sif läser högst {MAX_ROWS} rader per blad",
                "the sheet has values on row {row} and more; Sif reads at most {MAX_ROWS} rows per sheet",
            ),
            ProblemKind::Heading { expected, found } => say!(
                lang,
                "väntade rubriken ”{expected}”, fann ”{found}”; ändra inte mallens kolumner",
                "expected the heading “{expected}”, found “{found}”; do not change the template's columns",
            ),
            ProblemKind::NotASheet { text, sheets } => say!(
                lang,
                "första kolumnen ska namnge ett blad ({sheets}), inte ”{text}”",
                "the first column must name a sheet ({sheets}), not “{text}”",
            ),
            ProblemKind::Formula(f) => say!(
                lang,
                "cellen har en formel (={f}); skriv in värdet (Klistra in special → Värden)",
                "the cell holds a formula (={f}); type in the value (Paste Special → Values)",
            ),
            ProblemKind::NotWhole { shown, what } => {
                let (sv, en) = match what {
                    Whole::Year => ("år", "a year"),
                    Whole::Percent => ("heltal i procent", "a whole percentage"),
                    Whole::Number => ("heltal", "a whole number"),
                };
                say!(lang, "”{shown}” är inget {sv}", "“{shown}” is not {en}")
            }
            ProblemKind::Money(e) => e.text(lang),
            ProblemKind::NegativeAmount { shown } => say!(
                lang,
                "beloppet {shown} är negativt; ange 0 eller mer",
                "the amount {shown} is negative; enter 0 or more",
            ),
            ProblemKind::Missing {
                heading_sv,
                heading_en,
            } => {
                let (sv, en) = (heading_sv.to_lowercase(), heading_en.to_lowercase());
                say!(lang, "ange {sv}", "enter the {en}")
            }
            ProblemKind::YearOutside { year, first, last } => say!(
                lang,
                "år {year} ligger utanför fondens år {first}–{last}",
                "the year {year} is outside the fund's years {first}–{last}",
            ),
            ProblemKind::Outside { value, low, high } => {
                say!(
                    lang,
                    "{value} ska vara {low}–{high}",
                    "{value} must be {low}–{high}"
                )
            }
            ProblemKind::NotACommittee { code, committees } => say!(
                lang,
                "{code} är ingen nämnd; bara nämnder kan äga insatser och betala tillbaka (nämnder: {committees})",
                "{code} is not a committee; only committees can own initiatives and repay (committees: {committees})",
            ),
            ProblemKind::UnknownActor {
                text,
                committee,
                known,
            } => {
                let (sv, en) = if *committee {
                    ("nämnder", "committees")
                } else {
                    ("aktörer", "actors")
                };
                say!(
                    lang,
                    "”{text}” finns inte bland fondens {sv} ({known})",
                    "“{text}” is not one of the fund's {en} ({known})",
                )
            }
            ProblemKind::NotARepaymentType { text } => say!(
                lang,
                "”{text}” är ingen återföring (Bidrag, Fast eller Ur besparingar)",
                "“{text}” is not a repayment type (Bidrag = grant, Fast = fixed or Ur besparingar = from savings)",
            ),
            ProblemKind::DuplicateName { name } => say!(
                lang,
                "två insatser heter ”{name}”; ge dem olika namn",
                "two initiatives are named “{name}”; give them different names",
            ),
            ProblemKind::NoInitiative => say!(
                lang,
                "ange vilken insats raden gäller (namnet från bladet Insatser)",
                "enter the initiative the row belongs to (its name from the sheet Insatser)",
            ),
            ProblemKind::UnknownInitiative { text } => say!(
                lang,
                "”{text}” är ingen insats på bladet Insatser",
                "“{text}” is not an initiative on the sheet Insatser",
            ),
            ProblemKind::NotACostKind { text } => say!(
                lang,
                "”{text}” är inget kostnadsslag (Personal, Tjänster, Övrigt)",
                "“{text}” is not a kind of cost (Personal = staff, Tjänster = services, Övrigt = other)",
            ),
            ProblemKind::NoAmount => say!(
                lang,
                "ange ett belopp från fonden eller från den egna budgeten",
                "enter an amount from the fund or from the own budget",
            ),
            ProblemKind::ToBeforeFrom { from, to } => say!(
                lang,
                "till år {to} ligger före från år {from}",
                "the to year {to} is before the from year {from}",
            ),
            ProblemKind::NotYesNo { text } => say!(
                lang,
                "”{text}” är varken Ja eller Nej",
                "“{text}” is neither Ja (yes) nor Nej (no)",
            ),
            ProblemKind::PayersNotFixed { name, label } => say!(
                lang,
                "återbetalare gäller bara återföringen Fast, och ”{name}” har {label}",
                "payers apply only to a Fast (fixed) repayment, and “{name}” has {label}",
            ),
            ProblemKind::CodeTaken { code } => say!(
                lang,
                "koden {code} finns redan; lämna koden tom så ger Sif en ledig kod",
                "the code {code} is already taken; leave the code empty and Sif gives a free one",
            ),
            ProblemKind::WeightsSum { name, sum } => say!(
                lang,
                "vikterna för ”{name}” summerar till {sum} %; de ska bli 100 %",
                "the weights of “{name}” add up to {sum} %; they must make 100 %",
            ),
            ProblemKind::NoInitiatives => say!(
                lang,
                "inga insatser: fyll i minst en rad med namn på bladet Insatser",
                "no initiatives: fill in at least one row with a name on the sheet Insatser",
            ),
            ProblemKind::Invalid(issue) => format!("{}: {}", issue.path, issue.text(lang)),
        }
    }
}

impl fmt::Display for ProblemKind {
    /// Swedish first, then English, in one line; a validator's error names its field once,
    /// before both.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::Invalid(issue) => write!(f, "{}: {}", issue.path, issue.kind.both()),
            other => f.write_str(&other.both()),
        }
    }
}

impl Message for TemplateProblem {
    /// The place, then what is wrong there: `Kostnader!D7: …`.
    fn text(&self, lang: Lang) -> String {
        if self.place.is_empty() {
            self.kind.text(lang)
        } else {
            format!("{}: {}", self.place, self.kind.text(lang))
        }
    }
}

impl fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.place, self.kind)
        }
    }
}
