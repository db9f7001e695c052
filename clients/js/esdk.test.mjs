// Client compatibility: the AWS Encryption SDK for JavaScript (@aws-crypto/client-node) with its AWS
// KMS keyring, on a client provider whose KMS clients are pointed at a running Trent.
// Usage: TRENT_ENDPOINT=http://127.0.0.1:PORT npm run test:esdk   (in clients/js, after npm ci)
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  KmsKeyringNode,
  buildClient,
  CommitmentPolicy,
  getClient,
  KMS,
} from "@aws-crypto/client-node";
import { KMSClient, CreateKeyCommand, DecryptCommand } from "@aws-sdk/client-kms";

const endpoint = process.env.TRENT_ENDPOINT;
assert.ok(endpoint, "set TRENT_ENDPOINT to the URL Trent printed");
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

// The README's example: the keyring builds its KMS clients (one per Region of its key ARNs) with
// the client provider, here with the endpoint overridden to Trent and retries off.
const clientProvider = getClient(KMS, { endpoint, credentials, maxAttempts: 1 });
const kms = new KMSClient({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
const newKeyArn = async (Description) =>
  (await kms.send(new CreateKeyCommand({ Description }))).KeyMetadata.Arn;

const keyArn = await newKeyArn("for the AWS Encryption SDK for JavaScript");
const keyring = new KmsKeyringNode({ generatorKeyId: keyArn, clientProvider });
const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);

const MESSAGE = Buffer.from("Trent keeps this secret.");
const encryptionContext = { purpose: "test", tenant: "acme" };

test("encrypts with an encryption context and decrypts the message", async () => {
  const { result } = await encrypt(keyring, MESSAGE, { encryptionContext });
  assert.ok(!result.includes(MESSAGE));

  const { plaintext, messageHeader } = await decrypt(keyring, result);

  assert.deepEqual(plaintext, MESSAGE);
  for (const [k, v] of Object.entries(encryptionContext)) assert.equal(messageHeader.encryptionContext[k], v);
});

test("the message's data key names the key ARN and is a KMS ciphertext that Trent decrypts", async () => {
  const { result, messageHeader } = await encrypt(keyring, MESSAGE, { encryptionContext });

  assert.equal(messageHeader.encryptedDataKeys.length, 1);
  const [edk] = messageHeader.encryptedDataKeys;
  assert.equal(edk.providerId, "aws-kms");
  assert.equal(edk.providerInfo, keyArn);
  assert.match(keyArn, /^arn:aws:kms:us-east-1:111122223333:key\//);
  const dataKey = await kms.send(new DecryptCommand({
    CiphertextBlob: edk.encryptedDataKey,
    EncryptionContext: messageHeader.encryptionContext,
  }));
  assert.equal(dataKey.KeyId, keyArn);
  assert.equal(dataKey.Plaintext.length, 32);
  assert.ok(result.length > 0);
});

test("a keyring with a second key: each key alone decrypts the message", async () => {
  const secondArn = await newKeyArn("a second key for the AWS Encryption SDK for JavaScript");
  const both = new KmsKeyringNode({ generatorKeyId: keyArn, keyIds: [secondArn], clientProvider });
  const { result, messageHeader } = await encrypt(both, MESSAGE, { encryptionContext });

  // The generator's data key comes from GenerateDataKey, the second one from Encrypt.
  assert.deepEqual(messageHeader.encryptedDataKeys.map((k) => k.providerInfo), [keyArn, secondArn]);
  const onlySecond = new KmsKeyringNode({ keyIds: [secondArn], clientProvider });
  assert.deepEqual((await decrypt(onlySecond, result)).plaintext, MESSAGE);
  assert.deepEqual((await decrypt(keyring, result)).plaintext, MESSAGE);
});

test("a tampered message is rejected", async () => {
  const { result } = await encrypt(keyring, MESSAGE, { encryptionContext });
  const tampered = Buffer.from(result);
  // A byte of the encrypted content, before the trailing signature: its authentication fails.
  tampered[tampered.length - 120] ^= 0x01;

  await assert.rejects(decrypt(keyring, tampered), /unable to authenticate data/);
});

test("a message whose data key was tampered is rejected by Trent (InvalidCiphertextException)", async () => {
  const { result, messageHeader } = await encrypt(keyring, MESSAGE, { encryptionContext });
  const edk = Buffer.from(messageHeader.encryptedDataKeys[0].encryptedDataKey);
  const at = Buffer.from(result).indexOf(edk);
  assert.ok(at > 0, "the encrypted data key is in the message");
  const tampered = Buffer.from(result);
  tampered[at + edk.length - 1] ^= 0x01;

  await assert.rejects(decrypt(keyring, tampered), (e) => {
    assert.match(e.message, /Unable to decrypt data key/);
    assert.match(e.message, /InvalidCiphertextException/);
    return true;
  });
});

test("a message whose encryption context was changed is refused by Trent", async () => {
  const { result } = await encrypt(keyring, MESSAGE, { encryptionContext });
  const at = Buffer.from(result).indexOf("acme");
  assert.ok(at > 0, "the encryption context is in the message header");
  const tampered = Buffer.from(result);
  tampered.write("acmf", at);

  // The keyring asks Trent to decrypt the data key under the changed context, and Trent refuses.
  await assert.rejects(decrypt(keyring, tampered), /InvalidCiphertextException/);
});
