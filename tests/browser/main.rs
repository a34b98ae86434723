//! The component tests in headless Chromium (wasm-bindgen-test), as one test binary: one link, one
//! wasm-bindgen pass and one browser for all of them. Each module mounts a piece of the app and
//! checks what a user sees, by role, label and text, never by comparing whole HTML; each test
//! starts from a clean device (`support::reset`).
#![cfg(target_arch = "wasm32")]

mod components;
mod finder;
mod offline;
mod support;
mod wizard;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
