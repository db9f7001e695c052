import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import "./style.css";
import { fetchAudit, kmsEndpoint, loadConfig, newClient, type Credentials, type ServerConfig, type Session } from "./kms";
import { ErrorBox } from "./ui";
import { KeysView } from "./keys";
import { KeyPage } from "./key";
import { AliasesView } from "./aliases";
import { AuditView } from "./audit";
import { CreateKey } from "./create";
import { MetricsPanel } from "./metrics";

const REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-1"];

function useRoute(): string[] {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
}

/** Signs in: checks the credentials with a signed call that needs no permission (the audit endpoint). */
async function openSession(config: ServerConfig, region: string, credentials: Credentials): Promise<Session> {
  const answer = await fetchAudit({ region, credentials }, { limit: "1" });
  const endpoint = kmsEndpoint(config);
  return { kms: newClient(endpoint, region, credentials), region, credentials, endpoint, config, caller: answer.caller };
}

function SignIn({ config, onSession }: { config: ServerConfig; onSession: (s: Session) => void }) {
  const [accessKeyId, setAccessKeyId] = useState("");
  const [secretAccessKey, setSecret] = useState("");
  const [region, setRegion] = useState(config.defaultRegion);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div class="signin">
      <form
        class="card"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            onSession(await openSession(config, region, { accessKeyId: accessKeyId.trim(), secretAccessKey }));
          } catch (err) {
            setError(err);
            setBusy(false);
          }
        }}
      >
        <h1>Trent</h1>
        <p class="muted">Sign in with an access key of this server's configuration. The secret stays in this tab's memory and is used only to sign requests.</p>
        <label>
          Access key id
          <input name="accessKeyId" autocomplete="off" spellcheck={false} value={accessKeyId} onInput={(e) => setAccessKeyId(e.currentTarget.value)} required />
        </label>
        <label>
          Secret access key
          <input name="secretAccessKey" type="password" autocomplete="off" value={secretAccessKey} onInput={(e) => setSecret(e.currentTarget.value)} required />
        </label>
        <label>
          Region
          <RegionInput value={region} onChange={setRegion} />
        </label>
        <ErrorBox error={error} />
        <button class="primary" type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </div>
  );
}

function RegionInput({ value, onChange }: { value: string; onChange: (r: string) => void }) {
  return (
    <>
      <input name="region" list="regions" value={value} onChange={(e) => onChange(e.currentTarget.value.trim())} />
      <datalist id="regions">
        {REGIONS.map((r) => (
          <option value={r} key={r} />
        ))}
      </datalist>
    </>
  );
}

function App() {
  const [config, setConfig] = useState<ServerConfig>();
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<unknown>(null);
  const route = useRoute();

  useEffect(() => {
    loadConfig().then(async (c) => {
      setConfig(c);
      if (c.developmentMode) {
        // Development mode: any signature is accepted as the development account's root.
        setSession(await openSession(c, c.defaultRegion, { accessKeyId: "CONSOLEDEVELOPMENT", secretAccessKey: "development" }));
      }
    }).catch(setError);
  }, []);

  if (error) return <div class="signin"><ErrorBox error={error} /></div>;
  if (!config) return <div class="signin muted">Loading…</div>;
  if (!session) return <SignIn config={config} onSession={setSession} />;

  const [view = "keys", arg] = route;
  const changeRegion = (region: string) => {
    if (region && region !== session.region) {
      setSession({ ...session, region, kms: newClient(session.endpoint, region, session.credentials) });
    }
  };
  let page;
  if (view === "keys" && arg) page = <KeyPage session={session} keyId={arg} key={`${session.region}/${arg}`} />;
  else if (view === "create") page = <CreateKey session={session} />;
  else if (view === "aliases") page = <AliasesView session={session} key={session.region} />;
  else if (view === "audit") page = <AuditView session={session} initialKey={arg ?? ""} />;
  else page = <KeysView session={session} key={session.region} />;

  return (
    <div class="layout">
      <header class="top">
        <a class="brand" href="#/keys">Trent</a>
        <nav>
          <a href="#/keys" class={view === "keys" ? "active" : ""}>Keys</a>
          <a href="#/aliases" class={view === "aliases" ? "active" : ""}>Aliases</a>
          <a href="#/audit" class={view === "audit" ? "active" : ""}>Audit trail</a>
        </nav>
        <div class="who">
          <label class="region">
            Region <RegionInput value={session.region} onChange={changeRegion} />
          </label>
          <span class="caller" title={session.caller.arn} data-testid="caller">
            {config.developmentMode ? `development mode · ${session.caller.arn}` : session.caller.arn}
          </span>
          {!config.developmentMode && (
            <button class="link" onClick={() => { setSession(null); location.hash = ""; }}>
              Sign out
            </button>
          )}
        </div>
      </header>
      <div class="body">
        <main>{page}</main>
        <aside>
          <MetricsPanel />
        </aside>
      </div>
    </div>
  );
}

render(<App />, document.getElementById("app")!);
