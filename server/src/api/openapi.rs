//! The OpenAPI 3.1 document of the API, hand-written in `openapi.json` beside this file; a test
//! checks that it names exactly the routes the router serves. No logic here.

/// The document served at `/api/openapi.json`.
pub const OPENAPI_JSON: &str = include_str!("openapi.json");
