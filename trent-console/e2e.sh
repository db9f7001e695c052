#!/usr/bin/env bash
# The web console's end-to-end tests in a real browser (Playwright driving Debian's Chromium):
#
#   bash trent-console/e2e.sh [--screenshots]
#
# Installs what is missing (Debian's chromium, node and npm; npm ci), builds Trent when needed,
# starts `./trent serve` in memory on free ports with two identities (an account root and a
# read-only user), runs src/test/e2e/console.e2e.mjs against the console URL it printed, and stops
# the server on exit, also on failure. Prints "N passed, N failed". With --screenshots, saves the
# main views into docs/console-*.png (the README shows them).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
start_time=$SECONDS

export DEBIAN_FRONTEND=noninteractive
apt_updated=0
need_pkg() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    echo "console-e2e: installing ${missing[*]}"
    if ((apt_updated == 0)); then apt-get update -qq; apt_updated=1; fi
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
need_pkg chromium
command -v node >/dev/null 2>&1 || need_pkg nodejs
command -v npm >/dev/null 2>&1 || need_pkg npm
(cd trent-console && { [[ -d node_modules/playwright-core ]] || npm ci --no-audit --no-fund --loglevel=error; })

./trent --version >/dev/null # builds Trent (with the console) when needed

work="$(mktemp -d)"
trent_pid=""
stop_trent() {
  if [[ -n "$trent_pid" ]] && kill -0 "$trent_pid" 2>/dev/null; then
    kill -TERM "$trent_pid" 2>/dev/null || true
    wait "$trent_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_trent EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cat >"$work/trent.yaml" <<'YAML'
identities:
  - accessKeyId: AKIAADMINEXAMPLE0001
    secretAccessKey: admin-secret-change-me-0123456789abcdef
    account: "111122223333"
    arn: arn:aws:iam::111122223333:root
  - accessKeyId: AKIAVIEWEREXAMPLE001
    secretAccessKey: viewer-secret-change-me-0123456789abc
    account: "111122223333"
    arn: arn:aws:iam::111122223333:user/viewer
    policy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: [ "kms:Describe*", "kms:List*", "kms:Get*" ]
          Resource: "*"
YAML

./trent serve --port 0 --in-memory --config "$work/trent.yaml" >"$work/serve.out" 2>"$work/serve.err" &
trent_pid=$!
CONSOLE_URL=""
for _ in $(seq 1 600); do # up to 60 s
  CONSOLE_URL="$(grep -oE '^Web console at http://[^ ]+' "$work/serve.out" 2>/dev/null | sed 's/^Web console at //' || true)"
  [[ -n "$CONSOLE_URL" ]] && break
  kill -0 "$trent_pid" 2>/dev/null || break
  sleep 0.1
done
if [[ -z "$CONSOLE_URL" ]]; then
  echo "console-e2e: Trent did not start or printed no console URL" >&2
  cat "$work/serve.out" "$work/serve.err" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
echo "console-e2e: $(head -1 "$work/serve.out")"
echo "console-e2e: console at $CONSOLE_URL; $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"

export CONSOLE_URL
if [[ "${1:-}" == "--screenshots" ]]; then export SCREENSHOTS="$ROOT/docs"; fi
rc=0
node trent-console/src/test/e2e/console.e2e.mjs || rc=$?
echo "console-e2e: took $((SECONDS - start_time)) s"
exit $rc
