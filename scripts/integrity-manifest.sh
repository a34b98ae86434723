#!/usr/bin/env bash
# Build step (the last one of post-build.sh, after precompression): writes integrity.json into the
# dist folder given as $1 (or $TRUNK_STAGING_DIR). It pins what the server checks at start
# (server/src/web/integrity.rs): the CSP hashes of the inline scripts of every built page
# (index.html, embed/index.html, pages/**/*.html) and the SHA-256 of every file. A page or
# script changed after the build, or a stale .br/.gz, then stops the server instead of being
# served.
set -euo pipefail
dist=${1:-${TRUNK_STAGING_DIR:?give the dist folder or run as a Trunk hook}}
python3 - "$dist" <<'PY'
import base64, hashlib, json, os, re, sys

dist = sys.argv[1]
files, pages = {}, []
for root, _, names in os.walk(dist):
    for name in names:
        path = os.path.join(root, name)
        rel = "/" + os.path.relpath(path, dist).replace(os.sep, "/")
        if rel == "/integrity.json":
            continue
        with open(path, "rb") as f:
            files[rel] = hashlib.sha256(f.read()).hexdigest()
        if rel.endswith(".html") and (rel in ("/index.html", "/embed/index.html") or rel.startswith("/pages/")):
            pages.append(path)

# The exact bytes between <script ...> and </script> of each script without src, as browsers hash them.
script = re.compile(rb"<script([^>]*)>(.*?)</script", re.IGNORECASE | re.DOTALL)
has_src = re.compile(rb"(^|\s)src(\s|=|$)", re.IGNORECASE)
hashes = []
for page in sorted(pages):
    with open(page, "rb") as f:
        html = f.read()
    for attrs, body in script.findall(html):
        if has_src.search(attrs):
            continue
        h = "sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode()
        if h not in hashes:
            hashes.append(h)

manifest = {"version": 1, "script_hashes": hashes, "files": dict(sorted(files.items()))}
with open(os.path.join(dist, "integrity.json"), "w") as f:
    json.dump(manifest, f, indent=1)
    f.write("\n")
print(f"integrity.json: {len(files)} files, {len(hashes)} inline script hashes")
PY
