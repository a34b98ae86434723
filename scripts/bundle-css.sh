#!/usr/bin/env bash
# Trunk pre-build hook: joins the style files (tokens first, then base, then one file per
# component, print last) into target/style/app.css, which index.html links. One request instead
# of one per component; Trunk then hashes and minifies it.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/style
cat style/tokens.css style/base.css style/components/*.css style/print.css > target/style/app.css.tmp
mv target/style/app.css.tmp target/style/app.css
