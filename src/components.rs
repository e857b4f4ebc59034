//! Reusable parts of pages.

pub mod connection_badge;
pub mod document;
pub mod library_update;
pub mod page_focus;
pub mod palette;
pub mod policy_picker;
pub mod shell;
pub mod sign_in_link;
pub mod sync_status;
