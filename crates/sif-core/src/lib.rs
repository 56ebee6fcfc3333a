//! Sif — plan and account for a municipal social-investment fund (*social investeringsfond*).
//!
//! The library is the engine behind both the desktop app and the command line; nothing in it
//! knows about egui, clap, file dialogs or the clock. Data flows one way:
//! file → [`model`] → [`engine`] (a [`engine::Projection`] for a scenario) → [`ledger`] → exports.

pub mod engine;
pub mod figures;
pub mod ledger;
pub mod messages;
pub mod model;
pub mod money;
pub mod recovery;
pub mod sie_actuals;
pub mod sie_read;
pub mod store;
pub mod validate;
pub mod xlsx;

pub use engine::{Options, Projection, project};
pub use model::Fund;
pub use money::Money;
pub mod generate;
pub mod report;
pub mod samples;
pub mod text;
