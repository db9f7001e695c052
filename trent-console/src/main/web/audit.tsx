import { useState } from "preact/hooks";
import { fetchAudit, type AuditRecord, type Session } from "./kms";
import { ErrorBox, fmtDate, Section, useLoad } from "./ui";

const OPERATIONS = ["", "CreateKey", "DescribeKey", "ListKeys", "EnableKey", "DisableKey", "ScheduleKeyDeletion", "CancelKeyDeletion", "UpdateKeyDescription",
  "CreateAlias", "UpdateAlias", "DeleteAlias", "ListAliases", "Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext",
  "GenerateDataKeyPair", "Sign", "Verify", "GetPublicKey", "GenerateMac", "VerifyMac", "GetKeyPolicy", "PutKeyPolicy", "CreateGrant", "ListGrants",
  "RetireGrant", "RevokeGrant", "GetKeyRotationStatus", "EnableKeyRotation", "RotateKeyOnDemand", "TagResource", "UntagResource"];

function keyIds(e: AuditRecord): string[] {
  return e.resources.map((r) => r.ARN.slice(r.ARN.indexOf(":key/") + 5));
}

export function AuditView({ session, initialKey }: { session: Session; initialKey: string }) {
  const [key, setKey] = useState(initialKey);
  const [principal, setPrincipal] = useState("");
  const [operation, setOperation] = useState("");
  const [error, setErrorFilter] = useState("");
  const [applied, setApplied] = useState({ key: initialKey, principal: "", operation: "", error: "" });
  const [answer, loadError, loading, reload] = useLoad(() => fetchAudit(session, { ...applied, limit: "200" }), [applied]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Section title="Audit trail" actions={<button onClick={reload} disabled={loading}>Refresh</button>}>
      <p class="muted small">The last events this server kept in memory that you may see: an account root sees its account's events, any other principal its own requests. The audit log file has them all.</p>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); setApplied({ key, principal, operation, error }); }}>
        <input placeholder="Key id" value={key} onInput={(e) => setKey(e.currentTarget.value)} aria-label="Filter by key" name="key" />
        <input placeholder="Principal (ARN or access key)" value={principal} onInput={(e) => setPrincipal(e.currentTarget.value)} aria-label="Filter by principal" name="principal" />
        <select value={operation} onChange={(e) => setOperation(e.currentTarget.value)} aria-label="Filter by operation" name="operation">
          {OPERATIONS.map((o) => <option key={o} value={o}>{o || "Any operation"}</option>)}
        </select>
        <select value={error} onChange={(e) => setErrorFilter(e.currentTarget.value)} aria-label="Filter by outcome" name="error">
          <option value="">Any outcome</option><option value="none">Succeeded</option><option value="any">Failed</option>
          <option value="AccessDeniedException">AccessDeniedException</option><option value="NotFoundException">NotFoundException</option>
          <option value="KMSInvalidStateException">KMSInvalidStateException</option><option value="ValidationException">ValidationException</option>
        </select>
        <button type="submit" class="primary">Apply</button>
      </form>
      <ErrorBox error={loadError} />
      <table class="grid audit-table">
        <thead><tr><th>Time (UTC)</th><th>Operation</th><th>Principal</th><th>Keys</th><th>Source</th><th>Outcome</th></tr></thead>
        <tbody>
          {(answer?.events ?? []).map((e) => [
            <tr key={e.eventID} class="clickable" data-event-name={e.eventName} onClick={() => setOpen(open === e.eventID ? null : e.eventID)}>
              <td class="small nowrap">{fmtDate(e.eventTime)}</td>
              <td class="mono">{e.eventName}</td>
              <td class="mono small">{e.userIdentity.arn ?? e.userIdentity.accessKeyId ?? "unknown"}</td>
              <td class="mono small">{keyIds(e).map((k) => <div key={k}><a href={`#/keys/${k}`} onClick={(ev) => ev.stopPropagation()}>{k}</a></div>)}</td>
              <td class="small">{e.sourceIPAddress}</td>
              <td>{e.errorCode ? <span class="badge state-error" title={e.errorMessage ?? ""}>{e.errorCode}</span> : <span class="badge state-enabled">OK</span>}</td>
            </tr>,
            open === e.eventID && <tr key={e.eventID + "-json"}><td colSpan={6}><pre class="code">{JSON.stringify(e, null, 2)}</pre></td></tr>,
          ])}
          {!loading && answer && answer.events.length === 0 && <tr><td colSpan={6} class="muted empty">No events match.</td></tr>}
        </tbody>
      </table>
    </Section>
  );
}
