"""Client compatibility: boto3 (Debian's python3-boto3) against a running Trent.

Usage: TRENT_ENDPOINT=http://127.0.0.1:PORT /usr/bin/python3 clients/python/test_boto3.py
Each check is one function below; prints "N passed, N failed" and exits 1 on a failure.
"""

import base64
import os
import sys
import traceback
import uuid

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ENDPOINT = os.environ["TRENT_ENDPOINT"]
REGION = "us-east-1"
ACCOUNT = "111122223333"
RUN = uuid.uuid4().hex[:8]  # names of this run's aliases


def client():
    # The README's example, with retries off so that an error is seen as Trent answered it.
    return boto3.client(
        "kms",
        endpoint_url=ENDPOINT,
        region_name=REGION,
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


kms = client()
CHECKS = []


def check(fn):
    CHECKS.append(fn)
    return fn


def key_arn(key_id):
    return f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{key_id}"


def new_key(description):
    return kms.create_key(Description=description)["KeyMetadata"]["KeyId"]


def expect_client_error(code, message, call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response["Error"]
        assert e.response["Error"].get("Message", "") == message, e.response["Error"]
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response["ResponseMetadata"]
        return e
    raise AssertionError(f"expected {code}, but the call succeeded")


# --- envelope encryption ----------------------------------------------------------------------

KEY_ID = new_key("from boto3")
ALIAS = f"alias/from-boto3-{RUN}"
kms.create_alias(AliasName=ALIAS, TargetKeyId=KEY_ID)


@check
def create_alias_then_describe_key_by_alias():
    m = kms.describe_key(KeyId=ALIAS)["KeyMetadata"]
    assert m["KeyId"] == KEY_ID and m["Arn"] == key_arn(KEY_ID), m
    assert m["Description"] == "from boto3" and m["KeyState"] == "Enabled" and m["Enabled"] is True, m
    assert m["KeySpec"] == "SYMMETRIC_DEFAULT" and m["KeyUsage"] == "ENCRYPT_DECRYPT", m


@check
def envelope_encryption_with_aesgcm_locally():
    context = {"purpose": "test", "file": "report.csv"}
    # The control plane gets only the encrypted data key and stores it beside the data.
    gen = kms.generate_data_key_without_plaintext(KeyId=ALIAS, KeySpec="AES_256", EncryptionContext=context)
    assert "Plaintext" not in gen, gen.keys()
    assert gen["KeyId"] == key_arn(KEY_ID), gen["KeyId"]
    stored_key = gen["CiphertextBlob"]

    # The data plane asks Trent for the plaintext data key and encrypts locally.
    data_key = kms.decrypt(CiphertextBlob=stored_key, EncryptionContext=context)["Plaintext"]
    assert len(data_key) == 32
    data = b"name,salary\nalice,100\n" * 100
    nonce = os.urandom(12)
    sealed = AESGCM(data_key).encrypt(nonce, data, b"report.csv")
    assert sealed != data

    # Later: decrypt the stored data key again, then the data.
    again = kms.decrypt(CiphertextBlob=stored_key, EncryptionContext=context)
    assert again["KeyId"] == key_arn(KEY_ID) and again["EncryptionAlgorithm"] == "SYMMETRIC_DEFAULT", again
    assert AESGCM(again["Plaintext"]).decrypt(nonce, sealed, b"report.csv") == data


@check
def generate_data_key_returns_both_forms_of_the_same_key():
    gen = kms.generate_data_key(KeyId=KEY_ID, NumberOfBytes=64)
    assert len(gen["Plaintext"]) == 64
    assert kms.decrypt(CiphertextBlob=gen["CiphertextBlob"])["Plaintext"] == gen["Plaintext"]


@check
def encrypt_reencrypt_decrypt_round_trip():
    other = new_key("re-encryption target")
    secret = os.urandom(200)
    blob = kms.encrypt(KeyId=ALIAS, Plaintext=secret, EncryptionContext={"k": "v"})["CiphertextBlob"]
    moved = kms.re_encrypt(
        CiphertextBlob=blob,
        SourceEncryptionContext={"k": "v"},
        DestinationKeyId=other,
        DestinationEncryptionContext={"k": "w"},
    )
    assert moved["SourceKeyId"] == key_arn(KEY_ID) and moved["KeyId"] == key_arn(other), moved
    out = kms.decrypt(CiphertextBlob=moved["CiphertextBlob"], EncryptionContext={"k": "w"})
    assert out["Plaintext"] == secret and out["KeyId"] == key_arn(other)


@check
def generate_random():
    assert len(kms.generate_random(NumberOfBytes=48)["Plaintext"]) == 48


@check
def a_data_key_under_another_encryption_context_is_refused():
    blob = kms.generate_data_key_without_plaintext(
        KeyId=ALIAS, KeySpec="AES_256", EncryptionContext={"purpose": "test"}
    )["CiphertextBlob"]
    expect_client_error(
        "InvalidCiphertextException", "", kms.decrypt, CiphertextBlob=blob, EncryptionContext={"purpose": "prod"}
    )


@check
def a_tampered_data_key_is_refused():
    blob = bytearray(kms.generate_data_key_without_plaintext(KeyId=ALIAS, KeySpec="AES_256")["CiphertextBlob"])
    blob[-1] ^= 1
    expect_client_error("InvalidCiphertextException", "", kms.decrypt, CiphertextBlob=bytes(blob))


# --- paginators ---------------------------------------------------------------------------------

PAGED_KEYS = [new_key(f"paged {i}") for i in range(5)]
PAGED_ALIASES = [f"alias/paged-{RUN}-{i}" for i in range(5)]
for alias_name, target in zip(PAGED_ALIASES, PAGED_KEYS):
    kms.create_alias(AliasName=alias_name, TargetKeyId=target)


@check
def list_keys_paginator_over_several_pages():
    pages = list(kms.get_paginator("list_keys").paginate(PaginationConfig={"PageSize": 2}))
    assert len(pages) >= 4, len(pages)  # at least 8 keys exist here
    assert all(len(p["Keys"]) <= 2 for p in pages), [len(p["Keys"]) for p in pages]
    assert all(p["Truncated"] for p in pages[:-1]) and not pages[-1]["Truncated"]
    ids = [k["KeyId"] for p in pages for k in p["Keys"]]
    assert len(ids) == len(set(ids)), "a key was listed twice"
    assert set(PAGED_KEYS + [KEY_ID]) <= set(ids)
    unpaged = [k["KeyId"] for k in kms.list_keys()["Keys"]]
    assert sorted(unpaged) == sorted(ids)
    assert all(k["KeyArn"] == key_arn(k["KeyId"]) for p in pages for k in p["Keys"])


@check
def list_keys_paginator_build_full_result_with_max_items():
    paginator = kms.get_paginator("list_keys")
    first = paginator.paginate(PaginationConfig={"PageSize": 2, "MaxItems": 3}).build_full_result()
    assert len(first["Keys"]) == 3 and "NextToken" in first, first.keys()
    rest = paginator.paginate(
        PaginationConfig={"PageSize": 2, "StartingToken": first["NextToken"]}
    ).build_full_result()
    ids = [k["KeyId"] for k in first["Keys"] + rest["Keys"]]
    assert len(ids) == len(set(ids)) and set(PAGED_KEYS) <= set(ids)


@check
def list_aliases_paginator_over_several_pages():
    pages = list(kms.get_paginator("list_aliases").paginate(PaginationConfig={"PageSize": 2}))
    assert len(pages) >= 3, len(pages)
    assert all(len(p["Aliases"]) <= 2 for p in pages)
    aliases = {a["AliasName"]: a for p in pages for a in p["Aliases"]}
    assert sum(len(p["Aliases"]) for p in pages) == len(aliases), "an alias was listed twice"
    for alias_name, target in zip(PAGED_ALIASES, PAGED_KEYS):
        a = aliases[alias_name]
        assert a["TargetKeyId"] == target, a
        assert a["AliasArn"] == f"arn:aws:kms:{REGION}:{ACCOUNT}:{alias_name}", a


@check
def list_aliases_paginator_for_one_key():
    target = PAGED_KEYS[0]
    kms.create_alias(AliasName=f"alias/second-{RUN}", TargetKeyId=target)
    kms.create_alias(AliasName=f"alias/third-{RUN}", TargetKeyId=target)
    pages = list(kms.get_paginator("list_aliases").paginate(KeyId=target, PaginationConfig={"PageSize": 1}))
    names = sorted(a["AliasName"] for p in pages for a in p["Aliases"])
    assert len(pages) == 3, len(pages)
    assert names == sorted([PAGED_ALIASES[0], f"alias/second-{RUN}", f"alias/third-{RUN}"]), names


# --- errors ---------------------------------------------------------------------------------------


@check
def not_found_is_a_client_error_with_aws_code_and_message():
    e = expect_client_error("NotFoundException", "Invalid keyId 'nope'", kms.describe_key, KeyId="nope")
    assert isinstance(e, kms.exceptions.NotFoundException)
    assert str(e) == (
        "An error occurred (NotFoundException) when calling the DescribeKey operation: Invalid keyId 'nope'"
    ), str(e)


@check
def unknown_alias_names_its_arn():
    expect_client_error(
        "NotFoundException",
        f"Alias arn:aws:kms:{REGION}:{ACCOUNT}:alias/missing-{RUN} is not found.",
        kms.generate_data_key_without_plaintext,
        KeyId=f"alias/missing-{RUN}",
        KeySpec="AES_256",
    )


@check
def disabled_and_pending_deletion_keys_are_refused():
    key = new_key("to be disabled")
    kms.disable_key(KeyId=key)
    expect_client_error("DisabledException", f"{key_arn(key)} is disabled.", kms.encrypt, KeyId=key, Plaintext=b"x")
    kms.schedule_key_deletion(KeyId=key, PendingWindowInDays=7)
    expect_client_error(
        "KMSInvalidStateException", f"{key_arn(key)} is pending deletion.", kms.encrypt, KeyId=key, Plaintext=b"x"
    )
    assert kms.cancel_key_deletion(KeyId=key)["KeyId"] == key_arn(key)
    assert kms.describe_key(KeyId=key)["KeyMetadata"]["KeyState"] == "Disabled"


@check
def validation_errors_have_aws_texts():
    expect_client_error(
        "ValidationException",
        "1 validation error detected: Value '2000' at 'numberOfBytes' failed to satisfy constraint: "
        "Member must have value less than or equal to 1024",
        kms.generate_data_key_without_plaintext,
        KeyId=ALIAS,
        NumberOfBytes=2000,
    )


def main():
    print(f"boto3 {boto3.__version__}, botocore {botocore.__version__}, against {ENDPOINT}")
    passed = failed = 0
    for fn in CHECKS:
        try:
            fn()
        except Exception:  # noqa: BLE001 - report every failure, then go on
            failed += 1
            print(f"FAILED: {fn.__name__}")
            print("    " + traceback.format_exc().replace("\n", "\n    ").rstrip())
        else:
            passed += 1
            print(f"ok: {fn.__name__}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
