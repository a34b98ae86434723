//! The start-up check of `DIST_DIR` against what the build made. `dist/integrity.json`, written
//! by `scripts/integrity-manifest.sh` at the end of the build, pins the CSP hashes of the inline
//! scripts and the SHA-256 of every file; a file changed, missing or added since refuses the
//! start, so a loader edited before a restart cannot boot with hashes computed from itself. And
//! every `.br`/`.gz` sibling must decompress to exactly its source, with or without a manifest:
//! a stale compressed copy would be served unchecked to every client that accepts compression.

use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// The manifest's file name in `DIST_DIR`.
pub const MANIFEST: &str = "integrity.json";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    version: u32,
    /// `sha256-<base64>` of each inline script of the built pages.
    script_hashes: Vec<String>,
    /// `/path` -> lower-case hex SHA-256, for every file but the manifest itself.
    files: BTreeMap<String, String>,
}

/// What the check found: the CSP script hashes to send, and whether they came from a manifest.
#[derive(Debug)]
pub struct Checked {
    pub script_hashes: Vec<String>,
    pub pinned: bool,
}

/// Checks `dist`; `computed` gives the hashes from the pages themselves when there is no manifest.
pub fn check(dist: &Path, computed: impl FnOnce() -> Vec<String>) -> Result<Checked, String> {
    let files = all_files(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for file in &files {
        check_sibling(dist, file)?;
    }
    let text = match std::fs::read_to_string(dist.join(MANIFEST)) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Checked {
                script_hashes: computed(),
                pinned: false,
            });
        }
        Err(e) => return Err(format!("{MANIFEST}: {e}")),
    };
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| format!("{MANIFEST}: {e}"))?;
    if manifest.version != 1 {
        return Err(format!(
            "{MANIFEST}: version {} is unknown",
            manifest.version
        ));
    }
    let mut listed = manifest.files.clone();
    for file in files.iter().filter(|f| *f != MANIFEST) {
        let name = format!("/{file}");
        let want = listed
            .remove(&name)
            .ok_or_else(|| format!("{name} is not in {MANIFEST} (added after the build)"))?;
        let bytes = std::fs::read(dist.join(file)).map_err(|e| format!("{name}: {e}"))?;
        if hex(&Sha256::digest(&bytes)) != want.to_ascii_lowercase() {
            return Err(format!("{name} changed after the build"));
        }
    }
    if let Some(name) = listed.keys().next() {
        return Err(format!("{name} is in {MANIFEST} but missing"));
    }
    Ok(Checked {
        script_hashes: manifest.script_hashes,
        pinned: true,
    })
}

/// A `.br` or `.gz` file must decompress to its source's bytes.
fn check_sibling(dist: &Path, file: &str) -> Result<(), String> {
    let (source, gzip) = if let Some(s) = file.strip_suffix(".gz") {
        (s, true)
    } else if let Some(s) = file.strip_suffix(".br") {
        (s, false)
    } else {
        return Ok(());
    };
    let compressed = std::fs::read(dist.join(file)).map_err(|e| format!("/{file}: {e}"))?;
    let Ok(original) = std::fs::read(dist.join(source)) else {
        return Err(format!("/{file} has no source /{source}"));
    };
    let mut plain = Vec::new();
    let read = if gzip {
        flate2::read::GzDecoder::new(&compressed[..]).read_to_end(&mut plain)
    } else {
        brotli::Decompressor::new(&compressed[..], 4096).read_to_end(&mut plain)
    };
    if read.is_err() || plain != original {
        return Err(format!("/{file} does not match /{source}"));
    }
    Ok(())
}

/// Every file under `dist`, as a relative path with `/` separators, sorted; none when `dist`
/// does not exist (an API-only server: the start warns that there is no build).
pub fn all_files(dist: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    if !dist.exists() {
        return Ok(out);
    }
    let mut stack: Vec<PathBuf> = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dist) {
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
