import { useState } from "preact/hooks";
import { CreateAliasCommand, DeleteAliasCommand, UpdateAliasCommand, type AliasListEntry } from "@aws-sdk/client-kms";
import type { Session } from "./kms";
import { allAliases } from "./keys";
import { Confirm, ErrorBox, fmtDate, Section, useLoad } from "./ui";

export function AliasesView({ session }: { session: Session }) {
  const [aliases, error, loading, reload] = useLoad(() => allAliases(session), []);
  const [search, setSearch] = useState("");
  const [name, setName] = useState("");
  const [target, setTarget] = useState("");
  const [actionError, setActionError] = useState<unknown>(null);
  const [editing, setEditing] = useState<{ alias: string; target: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const rows = (aliases ?? []).filter((a) => !search || `${a.AliasName} ${a.TargetKeyId ?? ""}`.toLowerCase().includes(search.toLowerCase()));
  return (
    <Section title="Aliases" actions={<button onClick={reload} disabled={loading}>Refresh</button>}>
      <form class="inline-form" onSubmit={async (e) => {
        e.preventDefault();
        setActionError(null);
        try {
          const n = name.trim().startsWith("alias/") ? name.trim() : `alias/${name.trim()}`;
          await session.kms.send(new CreateAliasCommand({ AliasName: n, TargetKeyId: target.trim() }));
          setName(""); setTarget(""); reload();
        } catch (err) { setActionError(err); }
      }}>
        <input placeholder="alias/name" value={name} onInput={(e) => setName(e.currentTarget.value)} aria-label="Alias name" name="aliasName" required />
        <input class="mono wide" placeholder="target key id or ARN" value={target} onInput={(e) => setTarget(e.currentTarget.value)} aria-label="Target key" name="targetKeyId" required />
        <button class="primary" type="submit">Create alias</button>
      </form>
      <ErrorBox error={error || actionError} onClose={() => setActionError(null)} />
      <div class="filters"><input type="search" placeholder="Search aliases" value={search} onInput={(e) => setSearch(e.currentTarget.value)} aria-label="Search aliases" /></div>
      <table class="grid">
        <thead><tr><th>Alias</th><th>Target key</th><th>Created</th><th>Updated</th><th /></tr></thead>
        <tbody>
          {rows.map((a: AliasListEntry) => (
            <tr key={a.AliasName} data-alias={a.AliasName}>
              <td class="mono">{a.AliasName}</td>
              <td class="mono small">
                {editing && editing.alias === a.AliasName ? (
                  <form class="inline-form" onSubmit={async (e) => {
                    e.preventDefault();
                    setActionError(null);
                    const to = editing.target.trim();
                    try { await session.kms.send(new UpdateAliasCommand({ AliasName: a.AliasName, TargetKeyId: to })); setEditing(null); reload(); } catch (err) { setActionError(err); }
                  }}>
                    <input class="mono wide" value={editing.target} onInput={(e) => setEditing({ alias: editing.alias, target: e.currentTarget.value })} aria-label="New target key" />
                    <button class="primary" type="submit">Save</button><button type="button" onClick={() => setEditing(null)}>Cancel</button>
                  </form>
                ) : a.TargetKeyId ? <a href={`#/keys/${a.TargetKeyId}`}>{a.TargetKeyId}</a> : "—"}
              </td>
              <td class="small">{fmtDate(a.CreationDate)}</td>
              <td class="small">{fmtDate(a.LastUpdatedDate)}</td>
              <td class="nowrap">
                {!a.AliasName?.startsWith("alias/aws/") && (
                  <>
                    <button class="small-button" onClick={() => setEditing({ alias: a.AliasName!, target: a.TargetKeyId ?? "" })}>Change target</button>
                    <button class="small-button danger" onClick={() => setDeleting(a.AliasName!)}>Delete</button>
                  </>
                )}
              </td>
            </tr>
          ))}
          {!loading && rows.length === 0 && <tr><td colSpan={5} class="muted empty">No aliases.</td></tr>}
        </tbody>
      </table>
      {deleting && (
        <Confirm title={`Delete ${deleting}?`} confirmLabel="Delete alias" danger onCancel={() => setDeleting(null)}
          onConfirm={async () => { await session.kms.send(new DeleteAliasCommand({ AliasName: deleting })); setDeleting(null); reload(); }}>
          <p>Applications that name a key by this alias will stop finding it. The key is not changed.</p>
        </Confirm>
      )}
    </Section>
  );
}
