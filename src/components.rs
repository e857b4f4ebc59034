//! Reusable parts of pages.

pub mod connection_badge;
pub mod document;
pub mod library_update;
pub mod shell;
pub mod sign_in_link;
pub mod sync_status;
