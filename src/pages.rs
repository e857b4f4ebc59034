//! One module per route.

pub mod not_found;
pub mod planned;
pub mod policy;
pub mod search;
