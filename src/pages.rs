//! One module per route.

pub mod audit;
pub mod diff;
pub mod library_import;
pub mod not_found;
pub mod people;
pub mod planned;
pub mod policy;
pub mod reading;
pub mod search;
pub mod settings;
pub mod sign_in;
pub mod sweeps;
pub mod templates;
