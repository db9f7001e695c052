#!/usr/bin/env bash
# The client-compatibility suite: the clients people really use, unchanged, against a real Trent.
#
#   bash clients/run.sh
#
# Installs what is missing (Debian packages, npm ci), builds Trent if needed, starts `./trent serve`
# on a free port with a fresh data dir, runs each part and stops the server on exit, also on a
# failure. Every part prints "N passed, N failed"; the script exits non-zero if any part failed.
#   AWS CLI v2          clients/cli/test.sh          (Debian's awscli, /usr/bin/aws)
#   boto3               clients/python/test_boto3.py (Debian's python3-boto3 and python3-cryptography)
#   JavaScript SDK v3   clients/js/kms.test.mjs      (@aws-sdk/client-kms, npm ci)
#   Go SDK v2           clients/go/test.sh           (Debian's golang-go and
#                                                     golang-github-aws-aws-sdk-go-v2-dev, offline)
#   Encryption SDK JS   clients/js/esdk.test.mjs     (@aws-crypto/client-node, npm ci)
#   Encryption SDK      trent-esdk-it                (Maven modules with Trent in the test's JVM,
#   Java SDK v1, Tink,  trent-clients-jvm-it          run by ./mvnw verify: their results are
#   Kotlin SDK                                        shown here, or they are run here when
#                                                     ./mvnw verify has not run them)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
start_time=$SECONDS

# --- what the parts need ----------------------------------------------------------------------
export DEBIAN_FRONTEND=noninteractive
apt_updated=0
need_pkg() { # installs the Debian packages that are missing
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    echo "clients: installing ${missing[*]}"
    if ((apt_updated == 0)); then apt-get update -qq; apt_updated=1; fi
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
need_pkg awscli python3-boto3 python3-cryptography golang-go golang-github-aws-aws-sdk-go-v2-dev
command -v node >/dev/null 2>&1 || need_pkg nodejs
command -v npm >/dev/null 2>&1 || need_pkg npm
(cd clients/js && npm ci --no-audit --no-fund --loglevel=error)

echo "clients: $(/usr/bin/aws --version 2>&1); node $(node --version); $(go version)"

# --- Trent ---------------------------------------------------------------------------------------
./trent --version >/dev/null # builds it when it has not been built or a source changed

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

./trent serve --port 0 --data-dir "$work/data" >"$work/serve.out" 2>"$work/serve.err" &
trent_pid=$!
TRENT_ENDPOINT=""
for _ in $(seq 1 600); do # up to 60 s
  if [[ -s "$work/serve.out" ]]; then
    TRENT_ENDPOINT="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/serve.out" | head -1 || true)"
    [[ -n "$TRENT_ENDPOINT" ]] && break
  fi
  if ! kill -0 "$trent_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [[ -z "$TRENT_ENDPOINT" ]]; then
  echo "clients: Trent did not start" >&2
  cat "$work/serve.out" "$work/serve.err" >&2
  exit 1
fi
echo "clients: $(head -1 "$work/serve.out")"
export TRENT_ENDPOINT

# --- the parts -----------------------------------------------------------------------------------
total_passed=0 total_failed=0 parts_failed=()
# NAME COMMAND...: runs one part, shows its output and adds up its "N passed, N failed" line. A part
# that exits non-zero, or prints no such line, has failed even if it counted no failure.
part() {
  local name="$1"; shift
  echo
  echo "== $name"
  local rc=0
  "$@" 2>&1 | tee "$work/part.out" || rc=$?
  local summary p=0 f=0
  summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$work/part.out" | tail -1 || true)"
  if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]}
  fi
  if ((rc != 0 || f != 0)) || [[ -z "$summary" ]]; then
    ((f == 0)) && f=1 && echo "$name: exited with $rc without counting a failure: 0 passed, 1 failed"
    parts_failed+=("$name")
  fi
  total_passed=$((total_passed + p)) total_failed=$((total_failed + f))
}

part "AWS CLI v2" bash clients/cli/test.sh
part "boto3" env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 -s clients/python/test_boto3.py
part "JavaScript SDK v3" bash -c 'cd clients/js && npm --silent test'
part "AWS SDK for Go v2" bash clients/go/test.sh
part "AWS Encryption SDK for JavaScript" bash -c 'cd clients/js && npm --silent run test:esdk'

# The JVM clients run inside ./mvnw verify (modules trent-esdk-it and trent-clients-jvm-it, with
# Trent in the test's JVM); each test class is one part. Show the result of that run when it is
# newer than the module's tests; else run the module here first (once).
junit_summary() { # REPORT: the "N passed, N failed" of one failsafe report
  /usr/bin/python3 - "$1" <<'EOF'
import sys
import xml.etree.ElementTree as ET

suite = ET.parse(sys.argv[1]).getroot()
tests, failures, errors, skipped = (int(suite.get(k, "0")) for k in ("tests", "failures", "errors", "skipped"))
for case in suite.iter("testcase"):
    bad = case.find("failure") if case.find("failure") is not None else case.find("error")
    print(("FAILED: " if bad is not None else "ok: ") + case.get("name"))
print(f"{tests - failures - errors - skipped} passed, {failures + errors} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failures + errors else 0)
EOF
}
jvm_report() { echo "$1/target/failsafe-reports/TEST-$2.xml"; }
jvm_fresh() { # MODULE CLASS: the class's report is newer than the module's tests
  local report
  report="$(jvm_report "$1" "$2")"
  [[ -f "$report" && -z "$(find "$1/src" "$1/pom.xml" -newer "$report" -print -quit)" ]]
}
jvm_part() { # MODULE CLASS: runs the module's integration tests unless done already, then the summary
  local module="$1" class="$2"
  if ! jvm_fresh "$module" "$class" && [[ ! -e "$work/$module.ran" ]]; then
    touch "$work/$module.ran"
    echo "clients: running $module (./mvnw verify has not run its tests since they changed)"
    ./mvnw -B -ntp -q -pl "$module" -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfailsafe.failIfNoSpecifiedTests=false >"$work/$module.log" 2>&1 || tail -40 "$work/$module.log"
  fi
  junit_summary "$(jvm_report "$module" "$class")"
}
jvm() { # NAME MODULE CLASS: one test class of a Maven module as a part
  local label="ran in ./mvnw verify"
  if ! jvm_fresh "$2" "$3" || [[ -e "$work/$2.ran" ]]; then label="$2"; fi
  part "$1 ($label)" jvm_part "$2" "$3"
}
jvm "AWS Encryption SDK for Java" trent-esdk-it trent.esdk.EncryptionSdkIT
jvm "AWS SDK for Java v1" trent-clients-jvm-it trent.clients.jvm.AwsSdkJavaV1IT
jvm "Tink with tink-awskms" trent-clients-jvm-it trent.clients.jvm.TinkAwsKmsIT
jvm "AWS SDK for Kotlin" trent-clients-jvm-it trent.clients.jvm.AwsSdkKotlinIT

echo
echo "clients: took $((SECONDS - start_time)) s"
if ((${#parts_failed[@]})); then
  echo "clients: failed parts: ${parts_failed[*]}"
fi
echo "clients: $total_passed passed, $total_failed failed"
((total_failed == 0))
