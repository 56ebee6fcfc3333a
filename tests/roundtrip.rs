//! Loading and saving a sample fund gives the same value and, for files Sif wrote, the same
//! bytes (SPEC §3).

use sif::store;

#[test]
fn sample_funds_round_trip_byte_for_byte() {
    for sample in sif::samples::SAMPLES {
        let fund = store::parse_str(sample.text, sample.name).unwrap();
        let text = store::to_ron_string(&fund).unwrap();
        assert_eq!(
            text, sample.text,
            "{} is not written back byte for byte",
            sample.name
        );
        let again = store::parse_str(&text, sample.name).unwrap();
        assert_eq!(again, fund);
    }
}
