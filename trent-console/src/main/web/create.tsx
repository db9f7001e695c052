import { useState } from "preact/hooks";
import { CreateAliasCommand, CreateKeyCommand, type KeySpec, type KeyUsageType } from "@aws-sdk/client-kms";
import type { Session } from "./kms";
import { ErrorBox, Section } from "./ui";

/** The key specs this server creates, each with the usages valid for it (the first is the default). */
export const SPECS: [string, string[]][] = [
  ["SYMMETRIC_DEFAULT", ["ENCRYPT_DECRYPT"]],
  ["RSA_2048", ["ENCRYPT_DECRYPT", "SIGN_VERIFY"]],
  ["RSA_3072", ["ENCRYPT_DECRYPT", "SIGN_VERIFY"]],
  ["RSA_4096", ["ENCRYPT_DECRYPT", "SIGN_VERIFY"]],
  ["ECC_NIST_P256", ["SIGN_VERIFY", "KEY_AGREEMENT"]],
  ["ECC_NIST_P384", ["SIGN_VERIFY", "KEY_AGREEMENT"]],
  ["ECC_NIST_P521", ["SIGN_VERIFY", "KEY_AGREEMENT"]],
  ["ECC_SECG_P256K1", ["SIGN_VERIFY"]],
  ["ECC_NIST_EDWARDS25519", ["SIGN_VERIFY"]],
  ["SM2", ["ENCRYPT_DECRYPT", "SIGN_VERIFY", "KEY_AGREEMENT"]],
  ["ML_DSA_44", ["SIGN_VERIFY"]],
  ["ML_DSA_65", ["SIGN_VERIFY"]],
  ["ML_DSA_87", ["SIGN_VERIFY"]],
  ["HMAC_224", ["GENERATE_VERIFY_MAC"]],
  ["HMAC_256", ["GENERATE_VERIFY_MAC"]],
  ["HMAC_384", ["GENERATE_VERIFY_MAC"]],
  ["HMAC_512", ["GENERATE_VERIFY_MAC"]],
];

export function CreateKey({ session }: { session: Session }) {
  const [spec, setSpec] = useState("SYMMETRIC_DEFAULT");
  const usages = SPECS.find(([s]) => s === spec)![1];
  const [usage, setUsage] = useState(usages[0]);
  const [description, setDescription] = useState("");
  const [alias, setAlias] = useState("");
  const [policy, setPolicy] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Section title="Create key">
      <form
        class="form"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            const r = await session.kms.send(
              new CreateKeyCommand({
                KeySpec: spec as KeySpec,
                KeyUsage: usage as KeyUsageType,
                Description: description || undefined,
                Policy: policy.trim() || undefined,
              }),
            );
            const keyId = r.KeyMetadata!.KeyId!;
            if (alias.trim()) {
              const name = alias.trim().startsWith("alias/") ? alias.trim() : `alias/${alias.trim()}`;
              try {
                await session.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: keyId }));
              } catch (aliasError) {
                // The key exists: show it, with the alias's error.
                location.hash = `#/keys/${keyId}`;
                alert(`The key was created, but not its alias: ${(aliasError as Error).name}: ${(aliasError as Error).message}`);
                return;
              }
            }
            location.hash = `#/keys/${keyId}`;
          } catch (err) {
            setError(err);
            setBusy(false);
          }
        }}
      >
        <label>
          Key spec
          <select name="keySpec" value={spec} onChange={(e) => { const s = e.currentTarget.value; setSpec(s); setUsage(SPECS.find(([x]) => x === s)![1][0]); }}>
            {SPECS.map(([s]) => <option value={s} key={s}>{s}</option>)}
          </select>
        </label>
        <fieldset>
          <legend>Key usage</legend>
          {usages.map((u) => (
            <label class="inline" key={u}>
              <input type="radio" name="keyUsage" value={u} checked={usage === u} onChange={() => setUsage(u)} /> {u}
            </label>
          ))}
        </fieldset>
        <label>
          Description
          <input name="description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} maxLength={8192} />
        </label>
        <label>
          Alias (optional)
          <input name="alias" placeholder="alias/my-key" value={alias} onInput={(e) => setAlias(e.currentTarget.value)} />
        </label>
        <details>
          <summary>Key policy (optional: without one, AWS's default key policy lets the account root do everything)</summary>
          <textarea name="policy" rows={10} class="mono" value={policy} onInput={(e) => setPolicy(e.currentTarget.value)} spellcheck={false} />
        </details>
        <ErrorBox error={error} />
        <div class="form-actions">
          <a class="button" href="#/keys">Cancel</a>
          <button class="primary" type="submit" disabled={busy}>Create key</button>
        </div>
      </form>
    </Section>
  );
}
