// Client compatibility: the AWS SDK for JavaScript v3 (@aws-sdk/client-kms) against a running Trent.
// Usage: TRENT_ENDPOINT=http://127.0.0.1:PORT npm test   (in clients/js, after npm ci)
import { test } from "node:test";
import assert from "node:assert/strict";
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from "node:crypto";
import {
  KMSClient,
  CreateKeyCommand,
  CreateAliasCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  DecryptCommand,
  GetParametersForImportCommand,
  paginateListAliases,
  DisabledException,
  DryRunOperationException,
  InvalidCiphertextException,
  KMSServiceException,
  NotFoundException,
  UnsupportedOperationException,
} from "@aws-sdk/client-kms";

const endpoint = process.env.TRENT_ENDPOINT;
assert.ok(endpoint, "set TRENT_ENDPOINT to the URL Trent printed");
const ACCOUNT = "111122223333";
const run = randomUUID().slice(0, 8);

// The README's client, with retries off so that an error is seen as Trent answered it.
const kms = new KMSClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  maxAttempts: 1,
});
const arn = (keyId) => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyId}`;

// The README's example.
const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: "from JavaScript" }));
const alias = `alias/from-js-${run}`;
await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: KeyMetadata.KeyId }));

test("CreateKey, CreateAlias, then DescribeKey by the alias", async () => {
  const described = (await kms.send(new DescribeKeyCommand({ KeyId: alias }))).KeyMetadata;
  assert.equal(described.KeyId, KeyMetadata.KeyId);
  assert.equal(described.Arn, arn(KeyMetadata.KeyId));
  assert.equal(described.Description, "from JavaScript");
  assert.equal(described.KeyState, "Enabled");
  assert.equal(described.KeySpec, "SYMMETRIC_DEFAULT");
  assert.ok(described.CreationDate instanceof Date);
  assert.deepEqual(described, KeyMetadata);
});

test("GenerateDataKeyWithoutPlaintext, Decrypt, then AES-256-GCM locally with node:crypto", async () => {
  const EncryptionContext = { purpose: "test" };
  const { CiphertextBlob, KeyId, Plaintext } = await kms.send(
    new GenerateDataKeyWithoutPlaintextCommand({ KeyId: alias, KeySpec: "AES_256", EncryptionContext }),
  );
  assert.equal(KeyId, arn(KeyMetadata.KeyId));
  assert.equal(Plaintext, undefined);
  assert.ok(CiphertextBlob instanceof Uint8Array);

  const dataKey = (await kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext }))).Plaintext;
  assert.equal(dataKey.length, 32);
  const message = Buffer.from("a message for the data plane ".repeat(20));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", dataKey, iv);
  const sealed = Buffer.concat([cipher.update(message), cipher.final()]);
  const tag = cipher.getAuthTag();
  assert.notDeepEqual(sealed, message);

  // Later: the stored encrypted data key is decrypted again to open the message.
  const again = await kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext }));
  assert.equal(again.KeyId, arn(KeyMetadata.KeyId));
  assert.equal(again.EncryptionAlgorithm, "SYMMETRIC_DEFAULT");
  const decipher = createDecipheriv("aes-256-gcm", again.Plaintext, iv);
  decipher.setAuthTag(tag);
  assert.deepEqual(Buffer.concat([decipher.update(sealed), decipher.final()]), message);
});

test("an unknown key is a NotFoundException with AWS's message", async () => {
  await assert.rejects(kms.send(new DescribeKeyCommand({ KeyId: "nope" })), (e) => {
    assert.ok(e instanceof NotFoundException, `not a NotFoundException: ${e}`);
    assert.ok(e instanceof KMSServiceException);
    assert.equal(e.name, "NotFoundException");
    assert.equal(e.message, "Invalid keyId 'nope'");
    assert.equal(e.$fault, "client");
    assert.equal(e.$metadata.httpStatusCode, 400);
    return true;
  });
});

test("a data key under another encryption context is an InvalidCiphertextException", async () => {
  const { CiphertextBlob } = await kms.send(
    new GenerateDataKeyWithoutPlaintextCommand({ KeyId: alias, NumberOfBytes: 64, EncryptionContext: { purpose: "test" } }),
  );
  await assert.rejects(
    kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { purpose: "prod" } })),
    (e) => e instanceof InvalidCiphertextException && e.$metadata.httpStatusCode === 400,
  );
});

test("DryRun answers DryRunOperationException", async () => {
  await assert.rejects(
    kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: alias, KeySpec: "AES_256", DryRun: true })),
    (e) => {
      assert.ok(e instanceof DryRunOperationException, `not a DryRunOperationException: ${e}`);
      assert.equal(e.message, "The request would have succeeded, but the DryRun option is set.");
      return true;
    },
  );
});

test("a disabled key is a DisabledException naming its ARN", async () => {
  const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
  await kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
  await assert.rejects(
    kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.Arn, KeySpec: "AES_256" })),
    (e) => e instanceof DisabledException && e.message === `${key.Arn} is disabled.`,
  );
});

test("paginateListAliases walks every page", async () => {
  const names = [1, 2, 3].map((i) => `alias/js-paged-${run}-${i}`);
  for (const name of names) {
    await kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: KeyMetadata.KeyId }));
  }
  const pages = [];
  for await (const page of paginateListAliases({ client: kms, pageSize: 1 }, { KeyId: KeyMetadata.KeyId })) {
    pages.push(page.Aliases.map((a) => a.AliasName));
  }
  assert.deepEqual(pages.flat().sort(), [alias, ...names].sort());
  assert.equal(pages.length, 4);
});

test("GetParametersForImport on a key with KMS-made material is an UnsupportedOperationException", async () => {
  await assert.rejects(
    kms.send(new GetParametersForImportCommand({
      KeyId: KeyMetadata.KeyId, WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: "RSA_2048",
    })),
    (e) =>
      e instanceof UnsupportedOperationException &&
      e.message === `${arn(KeyMetadata.KeyId)} origin is AWS_KMS which is not valid for this operation.`,
  );
});
