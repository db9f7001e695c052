#!/usr/bin/env bash
# Client compatibility: the AWS SDK for Go v2 against a running Trent.
#   TRENT_ENDPOINT=http://127.0.0.1:PORT bash clients/go/test.sh
# Builds main.go offline with Debian's Go toolchain (golang-go) and Debian's AWS SDK for Go v2
# (golang-github-aws-aws-sdk-go-v2-dev, in /usr/share/gocode: go.mod replaces the modules with
# those sources, and GOPROXY=off keeps the build from looking anywhere else), then runs it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
: "${TRENT_ENDPOINT:?set TRENT_ENDPOINT to the URL Trent printed}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export GOPROXY=off GOFLAGS=-mod=readonly GOTOOLCHAIN=local GO111MODULE=on
# A cache of its own, so the build works for any user and does not depend on $HOME.
export GOCACHE="${GOCACHE:-${TMPDIR:-/tmp}/trent-clients-go-cache}" GOPATH="$out/gopath"
echo "$(go version); aws-sdk-go-v2 $(sed -n 's/^const goModuleVersion = "\(.*\)"/\1/p' \
  /usr/share/gocode/src/github.com/aws/aws-sdk-go-v2/aws/go_module_metadata.go), service/kms $(sed -n \
  's/^const goModuleVersion = "\(.*\)"/\1/p' /usr/share/gocode/src/github.com/aws/aws-sdk-go-v2/service/kms/go_module_metadata.go)"
go build -o "$out/trent-go-client" .
"$out/trent-go-client"
