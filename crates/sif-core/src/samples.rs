//! The sample funds shipped with Sif. They double as templates for `sif new` and the app's
//! New-from-template, and the first is what the app opens when there is no last file.

/// A sample fund: its template name, a one-line description in both languages, and its text.
pub struct Sample {
    pub name: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
    pub text: &'static str,
}

/// A sample by its name, which is also its file's in `sample_funds/`, so the two cannot part.
macro_rules! sample {
    ($name:literal, $sv:literal, $en:literal) => {
        Sample {
            name: $name,
            sv: $sv,
            en: $en,
            text: include_str!(concat!("../../../sample_funds/", $name, ".ron")),
        }
    };
}

pub const SAMPLES: &[Sample] = &[
    sample!(
        "exempelkommun",
        "Exempelkommun: öronmärkt eget kapital, tre insatser, ett pessimistiskt scenario",
        "Exempelkommun: earmarked equity, three initiatives, a pessimistic scenario"
    ),
    sample!(
        "uppfoljning",
        "Mellanstads kommun: uppföljning med stängda år, utfall och en avbruten insats",
        "Mellanstads kommun: follow-up with closed years, actuals and a terminated initiative"
    ),
    sample!(
        "region",
        "Region Exempel: årliga potter för sociala investeringsmedel, medfinansierade insatser med kommuner och myndigheter",
        "Region Exempel: yearly pots of social-investment funds, initiatives co-financed with municipalities and agencies"
    ),
    sample!(
        "smakommun",
        "Lillby kommun: en liten fond på 2 miljoner kr, mest bidrag där nämnderna medfinansierar",
        "Lillby kommun: a small fund of SEK 2 million, mostly grants co-financed by the committees"
    ),
];

/// The text of a template by name.
pub fn template(name: &str) -> Option<&'static str> {
    SAMPLES.iter().find(|s| s.name == name).map(|s| s.text)
}

/// The built-in sample fund the app opens when there is no last file.
pub fn default_sample() -> &'static Sample {
    &SAMPLES[0]
}

/// Every sample fund, loaded and projected with the default options (for the library's tests).
#[cfg(test)]
pub(crate) fn every_sample_projected() -> Vec<(crate::model::Fund, crate::engine::Projection)> {
    SAMPLES
        .iter()
        .map(|sample| {
            let fund = crate::store::parse_str(sample.text, sample.name).unwrap();
            let p = crate::engine::project(&fund, &crate::engine::Options::default()).unwrap();
            (fund, p)
        })
        .collect()
}
