#!/usr/bin/env bash
# Trunk post-build hook: the steps that change the staging folder, in order. Trunk may run the
# hooks of one stage concurrently, so this is the only post_build hook: first every page is
# rendered into its own HTML file and Trunk's loader rewritten (prerender/), then the service worker
# gets its precache list and build id (sw-build.sh), then every file is precompressed
# (precompress.sh), so the pages get their .br and .gz too, and last the build is
# pinned in integrity.json (integrity-manifest.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
# Dev profile: the tool renders a few dozen pages once per build, so its compile time is what
# matters (and the test command's native tests have built the same app with `ssr` already).
cargo run --quiet --package prerender -- "$TRUNK_STAGING_DIR"
# The service worker's precache list and build id (after the prerender wrote the pages).
bash scripts/sw-build.sh
bash scripts/precompress.sh
# Last: pin the CSP hashes and every file's SHA-256 (the server checks them at start).
bash scripts/integrity-manifest.sh "$TRUNK_STAGING_DIR"
