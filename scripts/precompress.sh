#!/usr/bin/env bash
# Trunk post-build hook: writes a .br and a .gz beside every text or wasm file of the staging
# folder, so the server sends precompressed files instead of compressing on every request.
set -euo pipefail
[ "${TRUNK_PROFILE:-debug}" = release ] || exit 0
find "$TRUNK_STAGING_DIR" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' \
  -o -name '*.wasm' -o -name '*.svg' -o -name '*.json' -o -name '*.webmanifest' \) -print0 |
  while IFS= read -r -d '' file; do
    brotli --force --quality=11 --output="$file.br" "$file"
    gzip --force --keep --best "$file"
  done
