# Installs what the build and the tests need, each piece only when it is missing.
# Sourced by scripts/run and scripts/test; ../shared/docs/toolchain.md says why each version.
# shellcheck shell=bash

TRUNK_VERSION=0.21.14
LEPTOSFMT_VERSION=0.1.33
BINARYEN_VERSION=132.0.0
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS="$ROOT/.tools"

# Each step with the seconds since the script started, so a slow run shows where its time went.
say() { printf '\n==> [%4d s] %s\n' "$SECONDS" "$*"; }

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock, to the patch version.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_rust_targets() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
}

# Trunk only orchestrates a build (it runs cargo, wasm-bindgen and wasm-opt), so it is compiled
# without optimisation (the dev profile, no debug info): that takes a clean CI machine about
# half the time. wasm-bindgen itself rewrites every wasm, and unoptimised it took over a minute
# and 2.7 GB per component-test binary, so it keeps the release profile without LTO.
cargo_install_unoptimised() {
  CARGO_PROFILE_DEV_DEBUG=0 cargo install --debug "$@"
}

cargo_install_quickly_optimised() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then return; fi
  say "installing Trunk $TRUNK_VERSION (unoptimised, to compile fast; once)"
  cargo_install_unoptimised trunk --version "$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen() {
  local want; want=$(wasm_bindgen_version)
  if wasm-bindgen --version 2>/dev/null | grep -q " $want$"; then return; fi
  say "installing wasm-bindgen-cli $want (once)"
  # Not --locked: the registry copy's lock names a webpki-roots that is not published.
  cargo_install_quickly_optimised wasm-bindgen-cli --version "$want"
}

# The formatter of `view!` macros, which rustfmt leaves alone (scripts/test checks both).
ensure_leptosfmt() {
  if leptosfmt --version 2>/dev/null | grep -q " $LEPTOSFMT_VERSION$"; then return; fi
  say "installing leptosfmt $LEPTOSFMT_VERSION (unoptimised, to compile fast; once)"
  cargo_install_unoptimised leptosfmt --version "$LEPTOSFMT_VERSION" --locked
}

# wasm-opt from npm binaryen: Debian's binaryen 108 builds modules that fail at start-up.
ensure_wasm_opt() {
  if [ -x "$TOOLS/node_modules/.bin/wasm-opt" ] \
    && "$TOOLS/node_modules/.bin/wasm-opt" --version | grep -q "version_${BINARYEN_VERSION%%.*}"; then
    return
  fi
  say "installing wasm-opt (npm binaryen $BINARYEN_VERSION)"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
}

ensure_debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  [ ${#missing[@]} -eq 0 ] && return
  say "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_e2e_packages() {
  if [ -d "$ROOT/e2e/node_modules/@playwright/test" ] \
    && [ "$ROOT/e2e/node_modules/.package-lock.json" -nt "$ROOT/e2e/package-lock.json" ]; then
    return
  fi
  say "installing the end-to-end test packages (npm ci)"
  (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --silent)
}

ensure_build_tools() {
  ensure_rust_targets
  cargo fetch --quiet
  ensure_debian_packages
  ensure_wasm_opt
  ensure_trunk
  ensure_wasm_bindgen
  ensure_leptosfmt
  export PATH="$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
}

# The release build of the app into dist/, with .br and .gz siblings for the server to send.
build_app() {
  say "building the app (trunk build --release)"
  (cd "$ROOT" && trunk build --release)
}

build_server() {
  say "building the server"
  (cd "$ROOT" && cargo build --release -p server)
}
