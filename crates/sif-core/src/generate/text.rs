//! The words of the generated fund, in Swedish as a Swedish municipality writes them: the
//! committees and external actors, the initiatives' topics and areas, notes and names. (The
//! generated fund is data, not a face with a language of its own.)

use std::fmt::Display;

pub(super) const COMMITTEES: [(&str, &str); 12] = [
    ("KS", "Kommunstyrelsen"),
    ("SN", "Socialnämnden"),
    ("BUN", "Barn- och utbildningsnämnden"),
    ("AMN", "Arbetsmarknadsnämnden"),
    ("KFN", "Kultur- och fritidsnämnden"),
    ("VON", "Vård- och omsorgsnämnden"),
    ("GVN", "Gymnasie- och vuxenutbildningsnämnden"),
    ("SBN", "Samhällsbyggnadsnämnden"),
    ("MHN", "Miljö- och hälsoskyddsnämnden"),
    ("TN", "Tekniska nämnden"),
    ("ÖFN", "Överförmyndarnämnden"),
    ("IFN", "Individ- och familjenämnden"),
];

pub(super) const EXTERNAL: [(&str, &str); 4] = [
    ("REG", "Region"),
    ("FK", "Försäkringskassan"),
    ("AF", "Arbetsförmedlingen"),
    ("POL", "Polismyndigheten"),
];

pub(super) const TOPICS: [&str; 12] = [
    "Tidiga insatser",
    "Hela familjen",
    "Skolnärvaro",
    "Ung framtid",
    "Boendestöd",
    "Föräldrastöd",
    "Fritid för alla",
    "Språkstöd",
    "Vägen till arbete",
    "Trygg uppväxt",
    "Psykisk hälsa",
    "Mentorskap",
];

pub(super) const AREAS: [&str; 10] = [
    "Norrby",
    "Söderdal",
    "centrum",
    "Västra staden",
    "Östra hamnen",
    "Bergsäng",
    "Åsen",
    "Lindgården",
    "Skogsbacka",
    "hela kommunen",
];

/// The generated fund's name.
pub(super) const FUND_NAME: &str = "Sociala investeringsfonden (genererad)";
/// The names of the two scenarios every generated fund has.
pub(super) const PESSIMISTIC: &str = "Pessimistiskt";
pub(super) const OPTIMISTIC: &str = "Optimistiskt";
/// Notes an initiative may carry.
pub(super) const WITH_THE_REGION: &str = "Samverkan med regionen.";
pub(super) const ENDED_LOW_UPTAKE: &str = "Avbröts efter låg anslutning.";

/// The organisation, named by the seed that made it.
pub(super) fn organisation(seed: u64) -> String {
    format!("Genererad kommun {seed}")
}

/// An initiative's name: its topic in its area.
pub(super) fn initiative_name(topic: &str, area: &str) -> String {
    format!("{topic} i {area}")
}

/// The note of a capital decision by the council (*KF*).
pub(super) fn decision_note(
    year: impl Display,
    day: impl Display,
    paragraph: impl Display,
) -> String {
    format!("KF {year}-02-{day:02} § {paragraph}")
}

/// The note of an initiative to be evaluated in a year.
pub(super) fn evaluated_in(year: impl Display) -> String {
    format!("Utvärderas {year}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_there() {
        let names = COMMITTEES
            .iter()
            .chain(&EXTERNAL)
            .flat_map(|(c, n)| [*c, *n]);
        for t in names.chain(TOPICS).chain(AREAS).chain([
            FUND_NAME,
            PESSIMISTIC,
            OPTIMISTIC,
            WITH_THE_REGION,
            ENDED_LOW_UPTAKE,
        ]) {
            assert!(!t.trim().is_empty());
        }
    }
}
