//! The prerender tool, run by `scripts/post-build.sh` after Trunk has written its staging folder.
//! It renders the app's own `App` natively (`render`) at every address the app lists
//! (`app::prerendered_paths`) and for the 404 page, in every language, puts each into Trunk's
//! `index.html` (`document`) with Trunk's loader rewritten (`loader`), and writes
//! `pages/<lang><path>/index.html`, `pages/<lang>/404.html` and `pages.json`, the list the server
//! serves them by. `index.html` itself becomes the English article. The app replaces the copy
//! when it starts (`app::start`). This file does the IO.

mod document;
mod loader;
mod render;

use domain::Locale;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// An address no route matches: the app renders its 404 page there.
const NOT_FOUND_PATH: &str = "/404";

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
    else {
        eprintln!("prerender: pass the staging folder, or run as a Trunk hook (TRUNK_STAGING_DIR)");
        return ExitCode::FAILURE;
    };
    match prerender(&dir) {
        Ok(count) => {
            println!("prerender: wrote {count} pages into {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {}: {message}", dir.display());
            ExitCode::FAILURE
        }
    }
}

fn prerender(dir: &Path) -> Result<usize, String> {
    let _ = any_spawner::Executor::init_futures_executor();
    let index = dir.join("index.html");
    let shell = std::fs::read_to_string(&index).map_err(|e| format!("index.html: {e}"))?;
    let shell = loader::rewrite(&shell)?;
    let paths = app::prerendered_paths();
    let mut count = 0;
    for locale in Locale::ALL {
        for path in paths.iter().map(String::as_str).chain([NOT_FOUND_PATH]) {
            let page = render::render(&app::components::localized(path, locale));
            let html =
                document::document(&shell, &page, locale).map_err(|e| format!("{path}: {e}"))?;
            let file = dir.join(page_file(path, locale));
            if let Some(folder) = file.parent() {
                std::fs::create_dir_all(folder)
                    .map_err(|e| format!("{}: {e}", folder.display()))?;
            }
            std::fs::write(&file, &html).map_err(|e| format!("{}: {e}", file.display()))?;
            if path == "/" && locale == Locale::En {
                std::fs::write(&index, &html).map_err(|e| format!("index.html: {e}"))?;
            }
            count += 1;
        }
    }
    let list = pages_json(&paths);
    std::fs::write(dir.join("pages.json"), list).map_err(|e| format!("pages.json: {e}"))?;
    Ok(count)
}

/// Where a page's file goes in dist/ (see the server's `web` module, which serves them).
fn page_file(path: &str, locale: Locale) -> PathBuf {
    let base = PathBuf::from("pages").join(locale.tag());
    match path {
        NOT_FOUND_PATH => base.join("404.html"),
        _ => base.join(path.trim_start_matches('/')).join("index.html"),
    }
}

/// `pages.json`: the languages (the first is the plain URL's) and every address with a page.
fn pages_json(paths: &[String]) -> String {
    let value = serde_json::json!({
        "version": 1,
        "languages": Locale::ALL.iter().map(|l| l.tag()).collect::<Vec<_>>(),
        "routes": paths,
        "not_found": "404.html",
    });
    format!("{value:#}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_files_follow_the_address() {
        assert_eq!(
            page_file("/", Locale::En),
            PathBuf::from("pages/en/index.html")
        );
        assert_eq!(
            page_file("/conditions/als", Locale::De),
            PathBuf::from("pages/de/conditions/als/index.html")
        );
        assert_eq!(
            page_file(NOT_FOUND_PATH, Locale::De),
            PathBuf::from("pages/de/404.html")
        );
    }
}
