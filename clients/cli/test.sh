#!/usr/bin/env bash
# Client compatibility: the AWS CLI v2 (Debian's awscli, /usr/bin/aws) against a running Trent.
# Usage: TRENT_ENDPOINT=http://127.0.0.1:PORT clients/cli/test.sh
# The commands below are the README's examples. Prints "N passed, N failed"; exits 1 on a failure.
set -euo pipefail

: "${TRENT_ENDPOINT:?set TRENT_ENDPOINT to the URL Trent printed}"
AWS=/usr/bin/aws # another aws may come first on PATH
ACCOUNT=111122223333
REGION=us-east-1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# Only what we set here: no profile, config file or endpoint of the machine.
unset AWS_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_KMS AWS_SESSION_TOKEN AWS_REGION 2>/dev/null || true
export AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=$REGION AWS_PAGER=""

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
not_ok() {
  failed=$((failed + 1)); echo "FAILED: $1"; shift
  local line; for line in "$@"; do echo "    $line"; done
}
expect_eq() { # NAME EXPECTED ACTUAL
  if [[ "$3" == "$2" ]]; then ok "$1"; else not_ok "$1" "expected: $2" "but was:  $3"; fi
}
expect_match() { # NAME REGEX ACTUAL
  if [[ "$3" =~ $2 ]]; then ok "$1"; else not_ok "$1" "expected to match: $2" "but was: $3"; fi
}
# NAME EXPECTED_STDERR_LINE COMMAND...: the command must fail (the CLI's exit code 254 for a
# service error) and print exactly this line on stderr.
expect_error() {
  local name="$1" expected="$2"; shift 2
  local rc=0
  "$@" >"$work/out" 2>"$work/err" || rc=$?
  local line; line="$(grep -v '^$' "$work/err" || true)"
  if ((rc == 254)) && [[ "$line" == "$expected" ]]; then ok "$name"
  else not_ok "$name" "expected exit 254 and: $expected" "but was exit $rc and: $line"; fi
}
# Runs the CLI, usually inside $( ) (so: out="$(run NAME aws ...)" || true). A failed command is
# shown on stderr; the check that follows it counts the failure.
run() {
  local name="$1"; shift
  if "$@" 2>"$work/run-err"; then return 0; fi
  { echo "  ($name: command failed: $*"; sed 's/^/    /' "$work/run-err"; echo "  )"; } >&2
  return 1
}

E="--endpoint-url $TRENT_ENDPOINT"
suffix="$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
ALIAS="alias/cli-$suffix"

# --- keys and aliases -----------------------------------------------------------------------
KEY_ID="$(run create-key $AWS kms create-key $E --description "my first key" \
  --query KeyMetadata.KeyId --output text)" || true
expect_match "create-key returns a key id" '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' "$KEY_ID"
KEY_ARN="arn:aws:kms:$REGION:$ACCOUNT:key/$KEY_ID"

rc=0; out="$(run create-alias $AWS kms create-alias $E --alias-name "$ALIAS" --target-key-id "$KEY_ID")" || rc=$?
expect_eq "create-alias succeeds silently" "0 ''" "$rc '$out'"

out="$(run describe-key $AWS kms describe-key $E --key-id "$ALIAS" \
  --query '[KeyMetadata.KeyId, KeyMetadata.Arn, KeyMetadata.Description, KeyMetadata.KeyState, KeyMetadata.KeySpec]' \
  --output text)" || true
expect_eq "describe-key by alias" "$KEY_ID	$KEY_ARN	my first key	Enabled	SYMMETRIC_DEFAULT" "$out"

out="$(run list-keys $AWS kms list-keys $E --query "Keys[?KeyId=='$KEY_ID'].KeyArn" --output text)" || true
expect_eq "list-keys lists the key" "$KEY_ARN" "$out"

# The CLI pages through ListKeys itself; --page-size 1 makes it follow NextMarker key by key.
# (--query applies to the merged result with --output json; with --output text it is per page.)
run create-key $AWS kms create-key $E --description "second key" --query KeyMetadata.KeyId --output text >/dev/null || true
all="$(run list-keys $AWS kms list-keys $E --query 'length(Keys)' --output text)" || true
paged="$(run list-keys-paged $AWS kms list-keys $E --page-size 1 --query 'length(Keys)' --output json)" || true
expect_match "list-keys --page-size 1 follows the markers to all keys" "^([2-9]|[1-9][0-9]+) $all$" "$paged $all"

out="$(run list-aliases $AWS kms list-aliases $E --key-id "$KEY_ID" \
  --query 'Aliases[].[AliasName, AliasArn, TargetKeyId]' --output text)" || true
expect_eq "list-aliases --key-id" "$ALIAS	arn:aws:kms:$REGION:$ACCOUNT:$ALIAS	$KEY_ID" "$out"

expect_error "create-alias of an existing alias" \
  "An error occurred (AlreadyExistsException) when calling the CreateAlias operation: An alias with the name arn:aws:kms:$REGION:$ACCOUNT:$ALIAS already exists" \
  $AWS kms create-alias $E --alias-name "$ALIAS" --target-key-id "$KEY_ID"

# --- envelope encryption: the README's examples -----------------------------------------------
out="$(run gdkwp $AWS kms generate-data-key-without-plaintext $E --key-id "$ALIAS" --key-spec AES_256)" || true
expect_match "generate-data-key-without-plaintext --key-spec AES_256 answers KeyId and CiphertextBlob" \
  "\"KeyId\": \"$KEY_ARN\"" "$out"
expect_match "... and no Plaintext" '^[^P]*"CiphertextBlob": "[A-Za-z0-9+/=]+"[^P]*$' "$out"

# --number-of-bytes 64: the data key decrypts to 64 bytes.
run gdkwp-64 $AWS kms generate-data-key-without-plaintext $E --key-id "$ALIAS" --number-of-bytes 64 \
  --query CiphertextBlob --output text | base64 -d >key64.enc || true
out="$(run decrypt-64 $AWS kms decrypt $E --ciphertext-blob fileb://key64.enc --query Plaintext --output text)" || true
expect_eq "--number-of-bytes 64, then decrypt: 64 bytes" "64" "$(printf '%s' "$out" | base64 -d | wc -c | tr -d ' ')"

# --encryption-context purpose=test, --query CiphertextBlob --output text | base64 -d, then decrypt.
run gdkwp-ctx $AWS kms generate-data-key-without-plaintext $E \
  --key-id "$ALIAS" --key-spec AES_256 --encryption-context purpose=test \
  --query CiphertextBlob --output text | base64 -d >data-key.enc || true
out="$(run decrypt-ctx $AWS kms decrypt $E --ciphertext-blob fileb://data-key.enc \
  --encryption-context purpose=test --query '[KeyId, EncryptionAlgorithm]' --output text)" || true
expect_eq "decrypt --ciphertext-blob fileb://data-key.enc --encryption-context purpose=test" \
  "$KEY_ARN	SYMMETRIC_DEFAULT" "$out"
out="$(run decrypt-ctx $AWS kms decrypt $E --ciphertext-blob fileb://data-key.enc \
  --encryption-context purpose=test --query Plaintext --output text)" || true
expect_eq "... the plaintext data key is 32 bytes" "32" "$(printf '%s' "$out" | base64 -d | wc -c | tr -d ' ')"
expect_error "decrypt without the encryption context is refused" \
  "An error occurred (InvalidCiphertextException) when calling the Decrypt operation: " \
  $AWS kms decrypt $E --ciphertext-blob fileb://data-key.enc

# encrypt / decrypt round trip of a file.
head -c 100 /dev/urandom >secret.bin
run encrypt $AWS kms encrypt $E --key-id "$ALIAS" --plaintext fileb://secret.bin \
  --encryption-context purpose=test --query CiphertextBlob --output text | base64 -d >secret.enc || true
run decrypt $AWS kms decrypt $E --ciphertext-blob fileb://secret.enc --encryption-context purpose=test \
  --query Plaintext --output text | base64 -d >secret.out || true
if cmp -s secret.bin secret.out; then ok "encrypt then decrypt gives back the plaintext"
else not_ok "encrypt then decrypt gives back the plaintext" "$(wc -c <secret.out) bytes differ"; fi

# --generate-cli-skeleton, filled in, then --cli-input-json file://...
$AWS kms generate-data-key-without-plaintext --generate-cli-skeleton >skeleton.json
out="$(grep -oE '"(KeyId|EncryptionContext|KeySpec|NumberOfBytes|GrantTokens)"' skeleton.json | tr '\n' ' ')"
expect_eq "--generate-cli-skeleton names the request's members" \
  '"KeyId" "EncryptionContext" "KeySpec" "NumberOfBytes" "GrantTokens" ' "$out"
cat >input.json <<EOF
{
    "KeyId": "$ALIAS",
    "EncryptionContext": {
        "purpose": "test"
    },
    "KeySpec": "AES_256"
}
EOF
run gdkwp-json $AWS kms generate-data-key-without-plaintext $E --cli-input-json file://input.json \
  --query CiphertextBlob --output text | base64 -d >from-json.enc || true
out="$(run decrypt-json $AWS kms decrypt $E --ciphertext-blob fileb://from-json.enc \
  --encryption-context purpose=test --query KeyId --output text)" || true
expect_eq "--cli-input-json file://input.json, then decrypt" "$KEY_ARN" "$out"

# --dry-run: DryRun came to the KMS API after this CLI (2.9.x) was released.
if $AWS kms generate-data-key-without-plaintext --dry-run --generate-cli-skeleton >/dev/null 2>"$work/err" ||
  ! grep -q 'Unknown options: --dry-run' "$work/err"; then
  expect_error "--dry-run answers DryRunOperationException" \
    "An error occurred (DryRunOperationException) when calling the GenerateDataKeyWithoutPlaintext operation: The request would have succeeded, but the DryRun option is set." \
    $AWS kms generate-data-key-without-plaintext $E --key-id "$ALIAS" --key-spec AES_256 --dry-run
else
  echo "skipped: --dry-run: this AWS CLI ($($AWS --version 2>&1 | cut -d' ' -f1)) does not know the option (\"Unknown options: --dry-run\"); the JavaScript part checks DryRun"
fi

# --- lifecycle: disable, schedule deletion ------------------------------------------------------
out="$(run disable-key $AWS kms disable-key $E --key-id "$KEY_ID")" || true
state="$(run describe-key $AWS kms describe-key $E --key-id "$KEY_ID" \
  --query '[KeyMetadata.KeyState, KeyMetadata.Enabled]' --output text)" || true
expect_eq "disable-key, then describe-key" "Disabled	False" "$state"
expect_error "a disabled key refuses generate-data-key-without-plaintext" \
  "An error occurred (DisabledException) when calling the GenerateDataKeyWithoutPlaintext operation: $KEY_ARN is disabled." \
  $AWS kms generate-data-key-without-plaintext $E --key-id "$ALIAS" --key-spec AES_256

out="$(run schedule-key-deletion $AWS kms schedule-key-deletion $E --key-id "$KEY_ID" --pending-window-in-days 7 \
  --query '[KeyId, KeyState, PendingWindowInDays]' --output text)" || true
expect_eq "schedule-key-deletion --pending-window-in-days 7" "$KEY_ARN	PendingDeletion	7" "$out"
expect_error "a key pending deletion refuses decrypt" \
  "An error occurred (KMSInvalidStateException) when calling the Decrypt operation: $KEY_ARN is pending deletion." \
  $AWS kms decrypt $E --ciphertext-blob fileb://data-key.enc --encryption-context purpose=test

# --- errors: AWS's code and message ------------------------------------------------------------
expect_error "describe-key of an unknown key id" \
  "An error occurred (NotFoundException) when calling the DescribeKey operation: Invalid keyId 'nope'" \
  $AWS kms describe-key $E --key-id nope
expect_error "describe-key of an unknown alias" \
  "An error occurred (NotFoundException) when calling the DescribeKey operation: Alias arn:aws:kms:$REGION:$ACCOUNT:alias/does-not-exist-$suffix is not found." \
  $AWS kms describe-key $E --key-id "alias/does-not-exist-$suffix"
expect_error "--number-of-bytes out of range" \
  "An error occurred (ValidationException) when calling the GenerateDataKeyWithoutPlaintext operation: 1 validation error detected: Value '2000' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024" \
  $AWS kms generate-data-key-without-plaintext $E --key-id "$ALIAS" --number-of-bytes 2000
expect_error "get-parameters-for-import on a key with KMS-made material" \
  "An error occurred (UnsupportedOperationException) when calling the GetParametersForImport operation: $KEY_ARN origin is AWS_KMS which is not valid for this operation." \
  $AWS kms get-parameters-for-import $E --key-id "$KEY_ID" --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_2048

echo "$passed passed, $failed failed"
((failed == 0))
