# The API contract test: schemathesis (PyPI) against the server binary and the OpenAPI
# document it serves. Sourced by scripts/test after scripts/lib/setup.sh (for ROOT, TOOLS, say);
# `run_api_contract` needs the server already built: SERVER_BIN, or else target/release/server.
#
# Environment (all optional):
#   API_CONTRACT_PORT     loopback port for the server, default 8282 (e2e uses 8181); must be free
#   API_CONTRACT_SCHEMA   a file to test instead of the served /api/openapi.json, e.g. a
#                         deliberately broken copy, to see that a failure fails the run
#   API_CONTRACT_EXAMPLES schemathesis --max-examples per operation, default 500
#   API_CONTRACT_TIMEOUT  seconds before the whole schemathesis run is killed, default 300
# The server log and schemathesis's JUnit and JSON reports of the last run are left in
# target/api-contract/ (under CARGO_TARGET_DIR when set); the database is a temporary one.
# shellcheck shell=bash

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
TOOLS=${TOOLS:-$ROOT/.tools}
declare -F say >/dev/null || say() { printf '\n==> %s\n' "$*"; }

SCHEMATHESIS_VERSION=4.32.5
# Everything pip installs with it, pinned too: Hypothesis decides the generated data, so a newer
# one would change what a "deterministic" run sends. (pip freeze of a clean install, CPython 3.11.)
SCHEMATHESIS_PINS="schemathesis==$SCHEMATHESIS_VERSION
anyio==4.16.0
certifi==2026.10.19.post1
charset-normalizer==3.5.3
click==8.5.1
graphql-core==3.3.2
harfile==0.6.0
hypothesis==6.170.17
hypothesis-graphql==0.13.5
idna==3.20
iniconfig==2.3.1
jsonschema_rs==0.60.3
markdown-it-py==4.3.0
MarkupSafe==3.0.4
mdurl==0.1.2
packaging==26.4
pluggy==1.7.0
Pygments==2.21.0
pyrate-limiter==4.5.1
pytest==9.2.0
PyYAML==6.0.4
requests==2.34.2
rich==15.0.0
sortedcontainers==2.4.0
typing_extensions==4.16.0
urllib3==2.8.0
Werkzeug==3.1.9"

# schemathesis in its own venv under .tools/; the pins file is written last, so an interrupted
# install is redone and a changed pin list reinstalls.
ensure_schemathesis() {
  local venv="$TOOLS/schemathesis"
  if [ -f "$venv/pins.txt" ] && [ "$(cat "$venv/pins.txt")" = "$SCHEMATHESIS_PINS" ] \
    && "$venv/bin/schemathesis" --version 2>/dev/null | grep -qx "schemathesis, version $SCHEMATHESIS_VERSION"; then
    return
  fi
  say "installing schemathesis $SCHEMATHESIS_VERSION (PyPI) into .tools/schemathesis"
  # Each step checked: callers may run this where set -e does not apply.
  rm -rf "$venv" \
    && python3 -m venv "$venv" \
    && printf '%s\n' "$SCHEMATHESIS_PINS" >"$venv/requirements.txt" \
    && "$venv/bin/pip" install --quiet --disable-pip-version-check --no-input \
      --requirement "$venv/requirements.txt" \
    && printf '%s' "$SCHEMATHESIS_PINS" >"$venv/pins.txt"
}

# Runs in a subshell (the parentheses) so its EXIT trap, which always stops the server, is its own
# and does not replace a trap of the caller.
run_api_contract() (
  set -u
  ensure_schemathesis || { echo "api contract: could not install schemathesis" >&2; exit 1; }
  local st="$TOOLS/schemathesis/bin/schemathesis"
  local bin="${SERVER_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/server}"
  local port="${API_CONTRACT_PORT:-8282}"
  local base="http://127.0.0.1:$port"
  local examples="${API_CONTRACT_EXAMPLES:-500}"
  local limit="${API_CONTRACT_TIMEOUT:-300}"
  local out="${CARGO_TARGET_DIR:-$ROOT/target}/api-contract"
  say "API contract: schemathesis $SCHEMATHESIS_VERSION against $bin on $base"

  if [ ! -x "$bin" ]; then
    echo "api contract: no server binary at $bin (cargo build -p server, or set SERVER_BIN)" >&2
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "api contract: port $port is in use; set API_CONTRACT_PORT to a free one" >&2
    exit 1
  fi

  local tmp server=""
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/api-contract.XXXXXX")
  mkdir -p "$tmp/data" "$tmp/dist"
  rm -rf "$out" && mkdir -p "$out"
  # shellcheck disable=SC2317,SC2329 # called by the trap
  stop() {
    local status=$?
    set +e
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
      kill -TERM "$server" 2>/dev/null
      for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$server" 2>/dev/null
      wait "$server" 2>/dev/null
    fi
    # On a failure the server's own log first (before the temporary folder goes), then where
    # the reports are.
    if [ "$status" -ne 0 ] && [ -s "$out/server.log" ]; then
      echo "api contract: the server's log (last 50 lines of $out/server.log):" >&2
      tail -n 50 "$out/server.log" >&2
    fi
    rm -rf "$tmp"
    [ "$status" -eq 0 ] || echo "api contract: the server log and reports are in $out" >&2
    exit "$status"
  }
  trap stop EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  # A clean environment, so nothing of the caller's (PUBLIC_URL, PARTNERS, ...) leaks in. The rate
  # limiter is off (RATE_LIMIT_PER_MINUTE=0): schemathesis posts hundreds of times a minute from
  # one IP, and the default 120/min would answer 429s. The data directory is fresh, so no earlier
  # run's idempotency keys or references change the answers. DIST_DIR is empty: only /api is
  # tested. The rest are the documented defaults, spelled out.
  env -i PATH="$PATH" HOME="${HOME:-/tmp}" TMPDIR="$tmp" RUST_LOG=info \
    BIND_ADDR="127.0.0.1:$port" DATA_DIR="$tmp/data" DIST_DIR="$tmp/dist" \
    RATE_LIMIT_PER_MINUTE=0 MAX_CONCURRENCY=512 REQUEST_TIMEOUT_SECS=15 \
    "$bin" >"$out/server.log" 2>&1 &
  server=$!

  local up=""
  # Up to 60 s: only a bound for a server that never answers (a busy machine starts it slowly).
  for _ in $(seq 600); do
    kill -0 "$server" 2>/dev/null || break
    if curl -fsS -o /dev/null --max-time 1 "$base/api/health" 2>/dev/null; then up=1; break; fi
    sleep 0.1
  done
  if [ -z "$up" ] || ! kill -0 "$server" 2>/dev/null; then
    echo "api contract: the server did not answer on $base/api/health within 60 s" >&2
    exit 1
  fi

  # The document the server serves, saved to a file and given to schemathesis with --url: loaded
  # from the URL, schemathesis leaves GET /api/openapi.json itself untested (2 operations, not 3).
  local schema="${API_CONTRACT_SCHEMA:-$tmp/openapi.json}"
  if [ -z "${API_CONTRACT_SCHEMA:-}" ] \
    && ! curl -fsS --max-time 5 -o "$schema" "$base/api/openapi.json"; then
    echo "api contract: could not fetch $base/api/openapi.json" >&2
    exit 1
  fi

  # A hook that makes each body's Idempotency-Key (header and body) and reference its own, taken
  # from a hash of the rest of the body. Derandomized generation repeats the same few UUIDs and
  # references, so without it nearly every post after the first is a 422 for a reused key or
  # reference and never reaches the contract and domain checks (measured: 377 of 549 422s, 3
  # posts of ~880 stored; with it, 216 stored and the 422s are about the body). It
  # only rewrites values that are already a valid UUID / reference, so a case that is negative
  # because of them stays negative; the same body still gets the same key (a replay, 201).
  cat >"$tmp/hooks.py" <<'PY'
import hashlib, json, re, uuid

import schemathesis

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE = re.compile(r"^CT-[0-9A-HJKMNP-TV-Z]{8}$")


def is_uuid(value):
    try:
        uuid.UUID(value.strip('"'))
        return True
    except (AttributeError, ValueError):
        return False


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    body, headers = case.body, case.headers
    if not isinstance(body, dict) or not headers or "Idempotency-Key" not in headers:
        return
    if not (is_uuid(headers["Idempotency-Key"]) and isinstance(body.get("idempotency_key"), str)
            and is_uuid(body["idempotency_key"])):
        return
    rest = {k: v for k, v in body.items() if k not in ("idempotency_key", "reference")}
    digest = hashlib.sha256(json.dumps(rest, sort_keys=True, default=str).encode()).digest()
    key = str(uuid.UUID(bytes=digest[:16], version=4))
    headers["Idempotency-Key"] = key
    body["idempotency_key"] = key
    reference = body.get("reference")
    if isinstance(reference, str) and REFERENCE.match(reference):
        n = int.from_bytes(digest[16:21], "big")
        body["reference"] = "CT-" + "".join(CROCKFORD[(n >> (5 * i)) & 31] for i in range(8))
PY

  # Checks: all of them except positive_data_acceptance. That one expects every schema-valid body
  # to be accepted (2xx), but a JSON schema cannot state the domain's rules (name lengths, phone
  # and email formats, the two required consents, eligibility, catalogue ids), so schema-valid
  # bodies are rightly refused with 422. (Also: JSON Schema counts 1.0 as an integer; the server's
  # serde wants 1.) Nothing else is excluded.
  # --generation-deterministic: Hypothesis is derandomized, so every run sends the same cases (it
  # keeps no example database; cwd is the temp dir for the .hypothesis/.schemathesis it writes).
  # --workers 1: one operation at a time, in a fixed order.
  local started=$SECONDS status=0
  (
    cd "$tmp" && SCHEMATHESIS_HOOKS="$tmp/hooks.py" \
      timeout --foreground --kill-after=10 "$limit" "$st" run "$schema" --url "$base" \
      --checks all --exclude-checks positive_data_acceptance \
      --mode all --generation-deterministic --max-examples "$examples" --workers 1 \
      --request-timeout 20 \
      --report json,junit --report-dir "$out"
  ) || status=$?
  local took=$((SECONDS - started))

  local counts
  counts=$("$TOOLS/schemathesis/bin/python" - "$out" 2>/dev/null <<'PY'
import glob, json, sys
runs = glob.glob(sys.argv[1] + "/*.json")
r = json.load(open(runs[0]))
ops, cases = r["operations"], r["test_cases"]
print(f'{ops["tested"]}/{ops["total"]} operations, {cases["generated"]} cases, '
      f'{cases["with_failures"]} failing ({cases["unique_failures"]} unique), '
      f'{len(r["errors"])} errors')
PY
  ) || counts="no report"

  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "API contract: FAILED, schemathesis took more than ${limit} s ($counts)" >&2
    exit 1
  elif [ "$status" -ne 0 ]; then
    echo "API contract: FAILED (schemathesis exit $status): $counts in ${took} s" >&2
    exit 1
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "API contract: FAILED, the server exited during the run" >&2
    exit 1
  fi
  echo "API contract: passed, schemathesis $SCHEMATHESIS_VERSION, $counts in ${took} s"
)
