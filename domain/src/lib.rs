//! The domain of the treatment-request app: texts, catalogue, search, eligibility rules and the
//! wire contract. Shared by the browser app and the intake server.
//!
//! Invariant: this crate does no IO (no files, network, clock or randomness) and depends on no web
//! or server framework. Whatever needs the time or a random value takes it as an argument.

pub mod article;
pub mod catalogue;
pub mod eligibility;
pub mod i18n;
pub mod operator;
pub mod request;
pub mod search;
pub mod wire;

pub use i18n::{Locale, Msg};
