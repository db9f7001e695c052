#!/usr/bin/env bash
# Prepares SoftHSM2 for Trent's PKCS#11 root of trust: installs softhsm2 (and opensc, for
# pkcs11-tool) when missing, writes a SOFTHSM2_CONF with its own token directory, and initialises
# a token with a known label and PINs unless one with that label exists. Idempotent.
#
#   .ci/softhsm.sh [DIR]        DIR defaults to target/softhsm (relative to the current directory)
#
# Prints the environment to use, e.g. eval "$(.ci/softhsm.sh)" exports it into this shell.
# Override the token with TRENT_SOFTHSM_LABEL, TRENT_SOFTHSM_PIN, TRENT_SOFTHSM_SO_PIN.
# The unit tests of trent-rot-pkcs11 do not need this script (they make their own tokens); it is
# for running a server or the CLI against SoftHSM2 by hand or in CI.
set -euo pipefail

dir="${1:-target/softhsm}"
label="${TRENT_SOFTHSM_LABEL:-trent}"
pin="${TRENT_SOFTHSM_PIN:-1234}"
so_pin="${TRENT_SOFTHSM_SO_PIN:-12345678}"

export DEBIAN_FRONTEND=noninteractive
missing=()
for p in softhsm2 opensc; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  echo "installing ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

library=""
for candidate in /usr/lib/softhsm/libsofthsm2.so /usr/lib/*-linux-gnu/softhsm/libsofthsm2.so; do
  if [[ -f "$candidate" ]]; then library="$candidate"; break; fi
done
if [[ -z "$library" ]]; then
  echo "softhsm2 is installed but libsofthsm2.so was not found" >&2
  exit 1
fi

mkdir -p "$dir/tokens"
dir="$(cd "$dir" && pwd)"
chmod 700 "$dir" "$dir/tokens"
conf="$dir/softhsm2.conf"
cat >"$conf" <<CONF
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR
CONF
export SOFTHSM2_CONF="$conf"

# Token labels are padded with blanks in the listing; compare them trimmed.
if softhsm2-util --show-slots 2>/dev/null \
    | sed -n 's/^ *Label: *//p' | sed 's/ *$//' | grep -qxF -- "$label"; then
  echo "token '$label' already initialised in $dir/tokens" >&2
else
  softhsm2-util --init-token --free --label "$label" --pin "$pin" --so-pin "$so_pin" >&2
fi

cat <<ENV
export SOFTHSM2_CONF=$conf
export TRENT_PKCS11_LIBRARY=$library
export TRENT_PKCS11_TOKEN_LABEL=$label
export TRENT_PKCS11_PIN=$pin
ENV
