//! The sample funds shipped with Sif. They double as templates for `sif new` and the app's
//! New-from-template, and the first is what the app opens when there is no last file.

/// A sample fund: its template name, a one-line description in both languages, and its text.
pub struct Sample {
    pub name: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
    pub text: &'static str,
}

pub const SAMPLES: &[Sample] = &[
    Sample {
        name: "exempelkommun",
        sv: "Exempelkommun: öronmärkt eget kapital, tre insatser, ett pessimistiskt scenario",
        en: "Exempelkommun: earmarked equity, three initiatives, a pessimistic scenario",
        text: include_str!("../../../sample_funds/exempelkommun.ron"),
    },
    Sample {
        name: "uppfoljning",
        sv: "Mellanstads kommun: uppföljning med stängda år, utfall och en avbruten insats",
        en: "Mellanstads kommun: follow-up with closed years, actuals and a terminated initiative",
        text: include_str!("../../../sample_funds/uppfoljning.ron"),
    },
    Sample {
        name: "region",
        sv: "Region Exempel: årliga potter för sociala investeringsmedel, medfinansierade insatser med kommuner och myndigheter",
        en: "Region Exempel: yearly pots of social-investment funds, initiatives co-financed with municipalities and agencies",
        text: include_str!("../../../sample_funds/region.ron"),
    },
    Sample {
        name: "smakommun",
        sv: "Lillby kommun: en liten fond på 2 miljoner kr, mest bidrag där nämnderna medfinansierar",
        en: "Lillby kommun: a small fund of SEK 2 million, mostly grants co-financed by the committees",
        text: include_str!("../../../sample_funds/smakommun.ron"),
    },
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
