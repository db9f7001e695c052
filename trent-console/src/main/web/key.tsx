import { useState } from "preact/hooks";
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateGrantCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  GetPublicKeyCommand,
  ListGrantsCommand,
  ListKeyRotationsCommand,
  ListResourceTagsCommand,
  PutKeyPolicyCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateKeyDescriptionCommand,
  type GrantListEntry,
  type GrantOperation,
  type KeyMetadata,
} from "@aws-sdk/client-kms";
import { isUnsupported, type Session } from "./kms";
import { allAliases } from "./keys";
import { Confirm, ErrorBox, fmtDate, Notice, Section, StateBadge, useLoad } from "./ui";

type Props = { session: Session; meta: KeyMetadata; reload: () => void };

export function KeyPage({ session, keyId }: { session: Session; keyId: string }) {
  const [meta, error, loading, reload] = useLoad(
    async () => (await session.kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!,
    [keyId],
  );
  if (error) return <Section title={keyId}><ErrorBox error={error} /></Section>;
  if (!meta) return <div class="muted">{loading ? "Loading…" : ""}</div>;
  return (
    <div class="key-page">
      <Overview session={session} meta={meta} reload={reload} />
      <Aliases session={session} meta={meta} reload={reload} />
      <Rotation session={session} meta={meta} reload={reload} />
      <Policy session={session} meta={meta} reload={reload} />
      <Grants session={session} meta={meta} reload={reload} />
      <Tags session={session} meta={meta} reload={reload} />
    </div>
  );
}

function Overview({ session, meta, reload }: Props) {
  const [confirm, setConfirm] = useState<"disable" | "delete" | null>(null);
  const [days, setDays] = useState(30);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const keyId = meta.KeyId!;
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const asymmetric = meta.KeySpec !== "SYMMETRIC_DEFAULT" && !meta.KeySpec?.startsWith("HMAC");
  const state = meta.KeyState;
  const algorithms = [...(meta.EncryptionAlgorithms ?? []), ...(meta.SigningAlgorithms ?? []), ...(meta.MacAlgorithms ?? []), ...(meta.KeyAgreementAlgorithms ?? [])];
  return (
    <Section
      title={meta.Description ? `${meta.Description}` : keyId}
      actions={
        <>
          {state === "Disabled" && <button onClick={() => act(() => session.kms.send(new EnableKeyCommand({ KeyId: keyId })))}>Enable</button>}
          {state === "Enabled" && <button onClick={() => setConfirm("disable")}>Disable</button>}
          {state === "PendingDeletion" ? (
            <button onClick={() => act(() => session.kms.send(new CancelKeyDeletionCommand({ KeyId: keyId })))}>Cancel deletion</button>
          ) : (
            <button class="danger" onClick={() => setConfirm("delete")}>Schedule deletion</button>
          )}
          {asymmetric && <button onClick={() => act(() => downloadPublicKey(session, keyId))}>Download public key</button>}
          <a class="button" href={`#/audit/${keyId}`}>Audit events</a>
        </>
      }
    >
      <ErrorBox error={error} onClose={() => setError(null)} />
      <dl class="meta">
        <dt>Key id</dt><dd class="mono" data-testid="key-id">{keyId}</dd>
        <dt>ARN</dt><dd class="mono small">{meta.Arn}</dd>
        <dt>State</dt><dd data-testid="key-state"><StateBadge state={state} />{meta.DeletionDate && <span class="small"> · deleted on {fmtDate(meta.DeletionDate)} ({meta.PendingDeletionWindowInDays} day window)</span>}</dd>
        <dt>Description</dt>
        <dd>
          {editing === null ? (
            <>{meta.Description || <span class="muted">none</span>} <button class="link" onClick={() => setEditing(meta.Description ?? "")}>edit</button></>
          ) : (
            <form class="inline-form" onSubmit={(e) => { e.preventDefault(); act(async () => { await session.kms.send(new UpdateKeyDescriptionCommand({ KeyId: keyId, Description: editing })); setEditing(null); }); }}>
              <input value={editing} onInput={(e) => setEditing(e.currentTarget.value)} aria-label="Description" />
              <button class="primary" type="submit">Save</button>
              <button type="button" onClick={() => setEditing(null)}>Cancel</button>
            </form>
          )}
        </dd>
        <dt>Key spec</dt><dd class="mono">{meta.KeySpec}</dd>
        <dt>Key usage</dt><dd class="mono">{meta.KeyUsage}</dd>
        <dt>Algorithms</dt><dd class="mono small">{algorithms.join(", ") || "—"}</dd>
        <dt>Created</dt><dd>{fmtDate(meta.CreationDate)}</dd>
        <dt>Origin</dt><dd class="mono">{meta.Origin} · {meta.KeyManager}</dd>
        <dt>Multi-Region</dt><dd>{meta.MultiRegion ? "yes" : "no"}</dd>
      </dl>
      {confirm === "disable" && (
        <Confirm title="Disable this key?" confirmLabel="Disable key" danger onCancel={() => setConfirm(null)}
          onConfirm={async () => { await session.kms.send(new DisableKeyCommand({ KeyId: keyId })); setConfirm(null); reload(); }}>
          <p>While it is disabled, no cryptographic operation can use <span class="mono">{keyId}</span>. You can enable it again.</p>
        </Confirm>
      )}
      {confirm === "delete" && (
        <Confirm title="Schedule this key's deletion?" confirmLabel="Schedule deletion" danger onCancel={() => setConfirm(null)}
          onConfirm={async () => { await session.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: days })); setConfirm(null); reload(); }}>
          <p>After the waiting period the key and its material are deleted for good: everything encrypted under it can no longer be decrypted. Until then you can cancel the deletion.</p>
          <label>Waiting period (7 to 30 days) <input type="number" min={7} max={30} value={days} onInput={(e) => setDays(Number(e.currentTarget.value))} name="pendingWindowInDays" /></label>
        </Confirm>
      )}
    </Section>
  );
}

async function downloadPublicKey(session: Session, keyId: string) {
  const r = await session.kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  const der = r.PublicKey!;
  let b64 = "";
  const chunk = 0x8000;
  for (let i = 0; i < der.length; i += chunk) b64 += String.fromCharCode(...der.subarray(i, i + chunk));
  b64 = btoa(b64);
  const pem = `-----BEGIN PUBLIC KEY-----\n${b64.replace(/(.{64})/g, "$1\n").replace(/\n$/, "")}\n-----END PUBLIC KEY-----\n`;
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([pem], { type: "application/x-pem-file" }));
  a.download = `${keyId}.pem`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function Aliases({ session, meta }: Props) {
  const keyId = meta.KeyId!;
  const [aliases, error, , reload] = useLoad(async () => (await allAliases(session)).filter((a) => a.TargetKeyId === keyId), [keyId]);
  const [name, setName] = useState("");
  const [actionError, setActionError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  return (
    <Section title="Aliases" id="aliases">
      <ErrorBox error={error || actionError} onClose={() => setActionError(null)} />
      <ul class="chips">
        {(aliases ?? []).map((a) => (
          <li key={a.AliasName} class="chip mono">{a.AliasName} <button class="link" aria-label={`Delete ${a.AliasName}`} onClick={() => setDeleting(a.AliasName!)}>×</button></li>
        ))}
        {aliases && aliases.length === 0 && <li class="muted">No alias.</li>}
      </ul>
      <form class="inline-form" onSubmit={async (e) => {
        e.preventDefault();
        setActionError(null);
        try {
          const n = name.trim().startsWith("alias/") ? name.trim() : `alias/${name.trim()}`;
          await session.kms.send(new CreateAliasCommand({ AliasName: n, TargetKeyId: keyId }));
          setName("");
          reload();
        } catch (err) { setActionError(err); }
      }}>
        <input placeholder="alias/name" value={name} onInput={(e) => setName(e.currentTarget.value)} aria-label="New alias" name="newAlias" />
        <button type="submit">Add alias</button>
      </form>
      {deleting && (
        <Confirm title={`Delete ${deleting}?`} confirmLabel="Delete alias" danger onCancel={() => setDeleting(null)}
          onConfirm={async () => { await session.kms.send(new DeleteAliasCommand({ AliasName: deleting })); setDeleting(null); reload(); }}>
          <p>Applications that name the key by this alias will stop finding it. The key is not changed.</p>
        </Confirm>
      )}
    </Section>
  );
}

function Rotation({ session, meta }: Props) {
  const keyId = meta.KeyId!;
  const [data, error, , reload] = useLoad(async () => {
    try {
      const status = await session.kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
      let history: { date?: Date; type?: string }[] = [];
      try {
        const r = await session.kms.send(new ListKeyRotationsCommand({ KeyId: keyId }));
        history = (r.Rotations ?? []).map((x) => ({ date: x.RotationDate, type: x.RotationType }));
      } catch (e) {
        if (!isUnsupported(e)) throw e;
      }
      return { supported: true as const, status, history };
    } catch (e) {
      if (isUnsupported(e)) return { supported: false as const, message: (e as Error).message };
      throw e;
    }
  }, [keyId]);
  const [period, setPeriod] = useState(365);
  const [actionError, setActionError] = useState<unknown>(null);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const act = async (f: () => Promise<unknown>) => {
    setActionError(null);
    try { await f(); reload(); } catch (e) { setActionError(e); }
  };
  const symmetric = meta.KeySpec === "SYMMETRIC_DEFAULT";
  return (
    <Section title="Rotation" id="rotation">
      <ErrorBox error={(symmetric && error) || actionError} onClose={() => setActionError(null)} />
      {!symmetric ? (
        <p class="muted">Only symmetric encryption keys rotate automatically.</p>
      ) : data && !data.supported ? (
        <Notice>This server does not implement key rotation yet ({data.message}). The actions are disabled.
          <div class="actions-row"><button disabled>Rotate now</button><button disabled>Enable rotation</button></div>
        </Notice>
      ) : data ? (
        <>
          <p>
            Automatic rotation is <strong>{data.status.KeyRotationEnabled ? "on" : "off"}</strong>
            {data.status.RotationPeriodInDays ? `, every ${data.status.RotationPeriodInDays} days` : ""}
            {data.status.NextRotationDate ? `; next on ${fmtDate(data.status.NextRotationDate)}` : ""}
            {data.status.OnDemandRotationStartDate ? `; on-demand rotation started ${fmtDate(data.status.OnDemandRotationStartDate)}` : ""}.
          </p>
          <div class="actions-row">
            <label class="inline">Period (days) <input type="number" min={90} max={2560} value={period} onInput={(e) => setPeriod(Number(e.currentTarget.value))} /></label>
            <button onClick={() => act(() => session.kms.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: period })))}>
              {data.status.KeyRotationEnabled ? "Change period" : "Enable rotation"}
            </button>
            {data.status.KeyRotationEnabled && <button onClick={() => act(() => session.kms.send(new DisableKeyRotationCommand({ KeyId: keyId })))}>Disable rotation</button>}
            <button onClick={() => setConfirmRotate(true)}>Rotate now</button>
          </div>
          <h3>History</h3>
          {data.history.length === 0 ? <p class="muted">Never rotated.</p> : (
            <table class="grid"><thead><tr><th>Date</th><th>Type</th></tr></thead>
              <tbody>{data.history.map((h, i) => <tr key={i}><td>{fmtDate(h.date)}</td><td>{h.type}</td></tr>)}</tbody></table>
          )}
        </>
      ) : null}
      {confirmRotate && (
        <Confirm title="Rotate this key now?" confirmLabel="Rotate now" onCancel={() => setConfirmRotate(false)}
          onConfirm={async () => { await session.kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId })); setConfirmRotate(false); reload(); }}>
          <p>New key material becomes current for encryption; older material still decrypts what it encrypted.</p>
        </Confirm>
      )}
    </Section>
  );
}

function Policy({ session, meta }: Props) {
  const keyId = meta.KeyId!;
  const [policy, error, , reload] = useLoad(async () => (await session.kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: "default" }))).Policy ?? "", [keyId]);
  const [draft, setDraft] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pretty = (p: string) => { try { return JSON.stringify(JSON.parse(p), null, 2); } catch { return p; } };
  return (
    <Section title="Key policy" id="policy" actions={draft === null && policy !== undefined && <button onClick={() => { setDraft(pretty(policy)); setSaveError(null); }}>Edit</button>}>
      <ErrorBox error={error} />
      {draft === null ? (
        policy !== undefined && <pre class="code">{pretty(policy)}</pre>
      ) : (
        <form onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setSaveError(null);
          try {
            await session.kms.send(new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: "default", Policy: draft }));
            setDraft(null);
            reload();
          } catch (err) { setSaveError(err); }
          setBusy(false);
        }}>
          <textarea class="mono" rows={18} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} spellcheck={false} aria-label="Key policy" />
          <ErrorBox error={saveError} />
          <div class="form-actions">
            <button type="button" onClick={() => setDraft(null)}>Cancel</button>
            <button class="primary" type="submit" disabled={busy}>Save policy</button>
          </div>
        </form>
      )}
    </Section>
  );
}

const GRANT_OPERATIONS = ["Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "GetPublicKey", "GenerateMac", "VerifyMac", "DeriveSharedSecret", "DescribeKey", "CreateGrant", "RetireGrant"];

function Grants({ session, meta }: Props) {
  const keyId = meta.KeyId!;
  const [grants, error, , reload] = useLoad(async () => {
    const out: GrantListEntry[] = [];
    let Marker: string | undefined;
    for (let i = 0; i < 20; i++) {
      const r = await session.kms.send(new ListGrantsCommand({ KeyId: keyId, Limit: 100, Marker }));
      out.push(...(r.Grants ?? []));
      if (!r.Truncated || !r.NextMarker) break;
      Marker = r.NextMarker;
    }
    return out;
  }, [keyId]);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<{ grant: GrantListEntry; how: "retire" | "revoke" } | null>(null);
  return (
    <Section title="Grants" id="grants" actions={<button onClick={() => setCreating(!creating)}>{creating ? "Close" : "Create grant"}</button>}>
      <ErrorBox error={error} />
      {creating && <CreateGrant session={session} keyId={keyId} done={() => { setCreating(false); reload(); }} />}
      {grants && grants.length === 0 ? <p class="muted">No grants.</p> : (
        <table class="grid">
          <thead><tr><th>Name / id</th><th>Grantee</th><th>Retiring principal</th><th>Operations</th><th>Constraints</th><th>Created</th><th /></tr></thead>
          <tbody>
            {(grants ?? []).map((g) => (
              <tr key={g.GrantId}>
                <td><div>{g.Name || <span class="muted">unnamed</span>}</div><div class="mono small">{g.GrantId}</div></td>
                <td class="mono small">{g.GranteePrincipal}</td>
                <td class="mono small">{g.RetiringPrincipal ?? "—"}</td>
                <td class="small">{(g.Operations ?? []).join(", ")}</td>
                <td class="mono small">{g.Constraints ? JSON.stringify(g.Constraints) : "—"}</td>
                <td class="small">{fmtDate(g.CreationDate)}</td>
                <td class="nowrap">
                  <button class="small-button" onClick={() => setPending({ grant: g, how: "retire" })}>Retire</button>
                  <button class="small-button danger" onClick={() => setPending({ grant: g, how: "revoke" })}>Revoke</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending && (
        <Confirm title={`${pending.how === "retire" ? "Retire" : "Revoke"} this grant?`} confirmLabel={pending.how === "retire" ? "Retire grant" : "Revoke grant"} danger onCancel={() => setPending(null)}
          onConfirm={async () => {
            const GrantId = pending.grant.GrantId!;
            if (pending.how === "retire") await session.kms.send(new RetireGrantCommand({ KeyId: meta.Arn, GrantId }));
            else await session.kms.send(new RevokeGrantCommand({ KeyId: keyId, GrantId }));
            setPending(null);
            reload();
          }}>
          <p>{pending.grant.GranteePrincipal} will no longer be able to use this key through grant <span class="mono">{pending.grant.GrantId}</span>.</p>
        </Confirm>
      )}
    </Section>
  );
}

function CreateGrant({ session, keyId, done }: { session: Session; keyId: string; done: () => void }) {
  const [grantee, setGrantee] = useState("");
  const [retiring, setRetiring] = useState("");
  const [name, setName] = useState("");
  const [ops, setOps] = useState<string[]>(["Decrypt"]);
  const [kind, setKind] = useState<"" | "EncryptionContextEquals" | "EncryptionContextSubset">("");
  const [context, setContext] = useState("{}");
  const [error, setError] = useState<unknown>(null);
  return (
    <form class="form subform" onSubmit={async (e) => {
      e.preventDefault();
      setError(null);
      try {
        let Constraints;
        if (kind) {
          let parsed;
          try { parsed = JSON.parse(context); } catch { throw Object.assign(new Error("The encryption context must be a JSON object of strings."), { name: "InvalidInput" }); }
          Constraints = { [kind]: parsed };
        }
        await session.kms.send(new CreateGrantCommand({
          KeyId: keyId,
          GranteePrincipal: grantee.trim(),
          RetiringPrincipal: retiring.trim() || undefined,
          Name: name.trim() || undefined,
          Operations: ops as GrantOperation[],
          Constraints,
        }));
        done();
      } catch (err) { setError(err); }
    }}>
      <label>Grantee principal <input class="mono" placeholder="arn:aws:iam::111122223333:role/name" value={grantee} onInput={(e) => setGrantee(e.currentTarget.value)} required /></label>
      <label>Retiring principal (optional) <input class="mono" value={retiring} onInput={(e) => setRetiring(e.currentTarget.value)} /></label>
      <label>Name (optional) <input value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
      <fieldset class="ops"><legend>Operations</legend>
        {GRANT_OPERATIONS.map((op) => (
          <label class="inline" key={op}><input type="checkbox" checked={ops.includes(op)} onChange={(e) => setOps(e.currentTarget.checked ? [...ops, op] : ops.filter((o) => o !== op))} /> {op}</label>
        ))}
      </fieldset>
      <label>Constraint
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as typeof kind)}>
          <option value="">none</option><option value="EncryptionContextEquals">encryption context equals</option><option value="EncryptionContextSubset">encryption context includes</option>
        </select>
      </label>
      {kind && <label>Encryption context (JSON) <input class="mono" value={context} onInput={(e) => setContext(e.currentTarget.value)} /></label>}
      <ErrorBox error={error} />
      <div class="form-actions"><button class="primary" type="submit">Create grant</button></div>
    </form>
  );
}

function Tags({ session, meta }: Props) {
  const keyId = meta.KeyId!;
  const [data, error, , reload] = useLoad(async () => {
    try {
      const r = await session.kms.send(new ListResourceTagsCommand({ KeyId: keyId, Limit: 50 }));
      return { supported: true as const, tags: r.Tags ?? [] };
    } catch (e) {
      if (isUnsupported(e)) return { supported: false as const, message: (e as Error).message };
      throw e;
    }
  }, [keyId]);
  const [k, setK] = useState("");
  const [v, setV] = useState("");
  const [actionError, setActionError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  return (
    <Section title="Tags" id="tags">
      <ErrorBox error={error || actionError} onClose={() => setActionError(null)} />
      {data && !data.supported ? (
        <Notice>This server does not implement tags yet ({data.message}). Adding and removing tags is disabled.</Notice>
      ) : data ? (
        <>
          <ul class="chips">
            {data.tags.map((t) => <li class="chip" key={t.TagKey}><span class="mono">{t.TagKey}</span> = <span class="mono">{t.TagValue}</span> <button class="link" aria-label={`Remove tag ${t.TagKey}`} onClick={() => setRemoving(t.TagKey!)}>×</button></li>)}
            {data.tags.length === 0 && <li class="muted">No tags.</li>}
          </ul>
          <form class="inline-form" onSubmit={async (e) => {
            e.preventDefault();
            setActionError(null);
            try { await session.kms.send(new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: k, TagValue: v }] })); setK(""); setV(""); reload(); } catch (err) { setActionError(err); }
          }}>
            <input placeholder="key" value={k} onInput={(e) => setK(e.currentTarget.value)} aria-label="Tag key" />
            <input placeholder="value" value={v} onInput={(e) => setV(e.currentTarget.value)} aria-label="Tag value" />
            <button type="submit">Add tag</button>
          </form>
        </>
      ) : null}
      {removing && (
        <Confirm title={`Remove tag ${removing}?`} confirmLabel="Remove tag" danger onCancel={() => setRemoving(null)}
          onConfirm={async () => { await session.kms.send(new UntagResourceCommand({ KeyId: keyId, TagKeys: [removing] })); setRemoving(null); reload(); }} />
      )}
    </Section>
  );
}
