import { useState } from "preact/hooks";
import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeysCommand,
  type AliasListEntry,
  type KeyMetadata,
} from "@aws-sdk/client-kms";
import { isUnsupported, type Session } from "./kms";
import { ErrorBox, fmtDate, Section, StateBadge, useLoad } from "./ui";

/** Every alias of the account and Region, following ListAliases' markers. */
export async function allAliases(session: Session): Promise<AliasListEntry[]> {
  const out: AliasListEntry[] = [];
  let Marker: string | undefined;
  for (let page = 0; page < 50; page++) {
    const r = await session.kms.send(new ListAliasesCommand({ Limit: 100, Marker }));
    out.push(...(r.Aliases ?? []));
    if (!r.Truncated || !r.NextMarker) break;
    Marker = r.NextMarker;
  }
  return out;
}

/** Whether rotation operations answer (they may not be implemented by this server yet). */
export const capabilities: { rotation?: boolean; tags?: boolean } = {};

interface Row {
  meta?: KeyMetadata;
  keyId: string;
  aliases: string[];
  rotation?: boolean;
  error?: unknown;
}

interface Page {
  rows: Row[];
  nextMarker?: string;
}

async function loadPage(session: Session, marker: string | undefined, limit: number): Promise<Page> {
  const [list, aliases] = await Promise.all([
    session.kms.send(new ListKeysCommand({ Limit: limit, Marker: marker })),
    allAliases(session),
  ]);
  const rows = await Promise.all(
    (list.Keys ?? []).map(async (k): Promise<Row> => {
      const keyId = k.KeyId!;
      const row: Row = { keyId, aliases: aliases.filter((a) => a.TargetKeyId === keyId).map((a) => a.AliasName!) };
      try {
        row.meta = (await session.kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
      } catch (e) {
        row.error = e;
        return row;
      }
      if (capabilities.rotation !== false && row.meta?.KeySpec === "SYMMETRIC_DEFAULT" && row.meta.KeyState !== "PendingDeletion") {
        try {
          row.rotation = (await session.kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).KeyRotationEnabled;
          capabilities.rotation = true;
        } catch (e) {
          if (isUnsupported(e)) capabilities.rotation = false;
        }
      }
      return row;
    }),
  );
  return { rows, nextMarker: list.Truncated ? list.NextMarker : undefined };
}

const STATES = ["", "Enabled", "Disabled", "PendingDeletion", "PendingImport", "Unavailable"];

export function KeysView({ session }: { session: Session }) {
  const [markers, setMarkers] = useState<(string | undefined)[]>([undefined]);
  const [pageSize, setPageSize] = useState(25);
  const marker = markers[markers.length - 1];
  const [page, error, loading, reload] = useLoad(() => loadPage(session, marker, pageSize), [marker, pageSize]);
  const [search, setSearch] = useState("");
  const [state, setState] = useState("");
  const [spec, setSpec] = useState("");

  const rows = (page?.rows ?? []).filter((r) => {
    const m = r.meta;
    if (state && m?.KeyState !== state) return false;
    if (spec && m?.KeySpec !== spec) return false;
    if (search) {
      const s = search.toLowerCase();
      const hay = [r.keyId, m?.Description ?? "", m?.Arn ?? "", ...r.aliases].join(" ").toLowerCase();
      if (!hay.includes(s)) return false;
    }
    return true;
  });
  const specs = [...new Set((page?.rows ?? []).map((r) => r.meta?.KeySpec).filter(Boolean))] as string[];

  return (
    <Section
      title="Keys"
      actions={
        <>
          <button onClick={reload} disabled={loading}>Refresh</button>
          <a class="button primary" href="#/create">Create key</a>
        </>
      }
    >
      <div class="filters">
        <input type="search" placeholder="Search id, alias, description" value={search} onInput={(e) => setSearch(e.currentTarget.value)} aria-label="Search keys" />
        <select value={state} onChange={(e) => setState(e.currentTarget.value)} aria-label="Filter by state">
          {STATES.map((s) => <option value={s} key={s}>{s || "Any state"}</option>)}
        </select>
        <select value={spec} onChange={(e) => setSpec(e.currentTarget.value)} aria-label="Filter by key spec">
          <option value="">Any key spec</option>
          {specs.map((s) => <option value={s} key={s}>{s}</option>)}
        </select>
        <span class="muted small">Filters apply to this page.</span>
      </div>
      <ErrorBox error={error} />
      <table class="grid keys-table">
        <thead>
          <tr>
            <th>Key id</th><th>Aliases</th><th>Description</th><th>Spec</th><th>Usage</th><th>State</th><th>Created</th><th>Multi-Region</th><th>Rotation</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.keyId} data-key-id={r.keyId}>
              <td class="mono"><a href={`#/keys/${r.keyId}`}>{r.keyId}</a></td>
              <td>{r.aliases.map((a) => <div key={a} class="mono small">{a}</div>)}</td>
              <td>{r.meta?.Description || <span class="muted">—</span>}</td>
              <td class="mono small">{r.meta?.KeySpec}</td>
              <td class="mono small">{r.meta?.KeyUsage}</td>
              <td>{r.error ? <ErrorBox error={r.error} /> : <StateBadge state={r.meta?.KeyState} />}</td>
              <td class="small">{fmtDate(r.meta?.CreationDate)}</td>
              <td>{r.meta?.MultiRegion ? "yes" : "no"}</td>
              <td>{r.rotation === undefined ? <span class="muted">—</span> : r.rotation ? "on" : "off"}</td>
            </tr>
          ))}
          {!loading && rows.length === 0 && (
            <tr><td colSpan={9} class="muted empty">{page?.rows.length ? "No key on this page matches." : "No keys in this Region yet."}</td></tr>
          )}
        </tbody>
      </table>
      <div class="pager">
        <button disabled={markers.length < 2 || loading} onClick={() => setMarkers(markers.slice(0, -1))}>‹ Previous</button>
        <span class="muted small">Page {markers.length}{loading ? " · loading…" : ""}</span>
        <button disabled={!page?.nextMarker || loading} onClick={() => setMarkers([...markers, page!.nextMarker])}>Next ›</button>
        <select value={pageSize} onChange={(e) => { setPageSize(Number(e.currentTarget.value)); setMarkers([undefined]); }} aria-label="Page size">
          {[10, 25, 50, 100].map((n) => <option value={n} key={n}>{n} per page</option>)}
        </select>
      </div>
    </Section>
  );
}
