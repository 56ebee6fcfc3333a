//! The sample funds, read, for the app's unit tests.

use sif::model::Fund;

/// The built-in sample of this name (`exempelkommun`, `uppfoljning` …), read as a file is.
pub(crate) fn sample(name: &str) -> Fund {
    let text = sif::samples::template(name).expect("a built-in sample");
    sif::store::parse_str(text, name).expect("the built-in samples parse")
}
