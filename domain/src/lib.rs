//! The domain of the treatment-request app: texts, catalogue, search, eligibility rules and the
//! wire contract. Shared by the browser app and the intake server.
//!
//! Invariant: this crate does no IO (no files, network, clock or randomness) and depends on no web
//! or server framework. Whatever needs the time or a random value takes it as an argument.

pub mod i18n;

pub use i18n::{Locale, Msg};
