//! Any bytes as a fund file: parse, validate, and project the base scenario and every scenario
//! of the fund, with and without proposed initiatives. Nothing may panic (SPEC §3.1: loading
//! never panics; the engine never panics on an unvalidated fund). A fund that parses must also
//! be written back and read again to an equal value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sif::engine::{Options, project};
use sif::model::Scenario;
use sif::{store, validate};

fuzz_target!(|data: &[u8]| {
    let Ok(fund) = store::parse_bytes(data, "fuzz.ron") else {
        return;
    };
    let report = validate::validate(&fund);
    let _ = report.has_errors();
    let mut scenarios = vec![Scenario::base()];
    scenarios.extend(fund.scenarios.iter().cloned());
    for scenario in scenarios {
        for include_proposed in [false, true] {
            let options = Options {
                scenario: scenario.clone(),
                include_proposed,
            };
            if let Ok(p) = project(&fund, &options) {
                for i in &p.initiatives {
                    let _ = (
                        i.total_repaid(),
                        i.total_savings(),
                        i.total_planned_repayment(),
                    );
                    for f in &i.repayments {
                        let _ = f.arrears(p.closed_years);
                    }
                }
            }
        }
    }
    // Round trip (SPEC §3): what Sif writes, Sif reads back to the same fund.
    if let Ok(text) = store::to_ron_string(&fund) {
        match store::parse_str(&text, "again.ron") {
            Ok(again) => {
                // NaN never equals itself; compare the rest.
                if !fund.discount_rate.is_nan() {
                    assert_eq!(again, fund, "round trip changed the fund");
                }
            }
            Err(e) => panic!("Sif cannot read what it wrote: {e}\n{text}"),
        }
    }
});
