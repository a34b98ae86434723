//! The prerender tool, run by `scripts/post-build.sh` after Trunk has written its staging folder:
//! it puts the article page (site frame included) into `index.html`'s `<body>`, and the article's
//! title, description and Open Graph data into its `<head>`, and rewrites Trunk's loader so the
//! wasm at `/` loads after the copy's first paint (`loader`). The app removes the copy just before
//! it mounts (`app::start`). This file does the IO; the markup is built by pure functions.

mod frame;
mod head;
mod html;
mod loader;
mod page;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
    else {
        eprintln!("prerender: pass the staging folder, or run as a Trunk hook (TRUNK_STAGING_DIR)");
        return ExitCode::FAILURE;
    };
    let path = dir.join("index.html");
    let result = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|shell| page::render(&shell))
        .and_then(|html| std::fs::write(&path, html).map_err(|e| e.to_string()));
    match result {
        Ok(()) => {
            println!("prerender: wrote the article into {}", path.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {}: {message}", path.display());
            ExitCode::FAILURE
        }
    }
}
