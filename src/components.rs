//! Reusable parts of pages.

pub mod connection_badge;
pub mod document;
pub mod shell;
pub mod sync_status;
