//! The HTTP surface through `server::app(state)` and `oneshot`, without a socket: static files,
//! headers per route class, the intake endpoint, idempotency, limits, the OpenAPI document, and
//! the staff tools on the database the requests went into.

mod http {
    pub mod support;
}
#[path = "http/database.rs"]
mod database;
#[path = "http/embed.rs"]
mod embed;
#[path = "http/fuzz.rs"]
mod fuzz;
#[path = "http/headers.rs"]
mod headers;
#[path = "http/idempotency.rs"]
mod idempotency;
#[path = "http/intake.rs"]
mod intake;
#[path = "http/integrity.rs"]
mod integrity;
#[path = "http/limits.rs"]
mod limits;
#[path = "http/normalised.rs"]
mod normalised;
#[path = "http/openapi.rs"]
mod openapi;
#[path = "http/pages.rs"]
mod pages;
#[path = "http/ready.rs"]
mod ready;
#[path = "http/slow_clients.rs"]
mod slow_clients;
#[path = "http/staff.rs"]
mod staff;
#[path = "http/static_files.rs"]
mod static_files;

pub use http::support;
