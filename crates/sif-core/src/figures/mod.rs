//! Read models: the figures the app's views, the printable report, the workbook and the command
//! line show beside the engine's reports, computed once from a [`crate::engine::Projection`].
//! A view or a report section formats what is here; it does no arithmetic on money of its own.

pub mod horizon;
pub mod lines;
pub mod reconcile;
pub mod repayments;
pub mod who_gains;
