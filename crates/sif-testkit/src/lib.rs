//! What Sif's integration tests share, so that each test file says only what it tests.
//!
//! - [`cli`]: run the `sif` binary (its path comes from the test's own
//!   `env!("CARGO_BIN_EXE_sif")`, which only an integration test of the root package has) and
//!   read its exit code and output; the sample funds and goldens by name.
//! - [`ui`]: the desktop app under egui_kittest, found by the labels a user reads, with file
//!   dialogs replaced by [`ui::FakeDialogs`] or [`ui::NoPortal`].

pub mod cli;
pub mod ui;
