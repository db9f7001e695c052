// The console's only ways to talk to Trent: the KMS API (AWS SDK for JavaScript v3, SigV4) and the
// admin listener's signed audit endpoint. Credentials live in this module's memory only.
import { KMSClient } from "@aws-sdk/client-kms";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@smithy/core/checksum";

export interface ServerConfig {
  kmsPort: number;
  kmsScheme: string;
  developmentMode: boolean;
  account?: string;
  defaultRegion: string;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface Session {
  kms: KMSClient;
  region: string;
  credentials: Credentials;
  endpoint: string;
  config: ServerConfig;
  caller: { arn: string; account: string };
}

export async function loadConfig(): Promise<ServerConfig> {
  const res = await fetch("config.json", { cache: "no-store" });
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  return res.json();
}

/** The KMS API is on the main listener: same host name as this page, the main port. */
export function kmsEndpoint(config: ServerConfig): string {
  const host = location.hostname.includes(":") ? `[${location.hostname}]` : location.hostname;
  return `${config.kmsScheme}://${host}:${config.kmsPort}`;
}

export function newClient(endpoint: string, region: string, credentials: Credentials): KMSClient {
  return new KMSClient({ endpoint, region, credentials, maxAttempts: 2 });
}

/** AWS's error code and message of a failed call (or of a failure to reach the server). */
export function describeError(e: unknown): { code: string; message: string } {
  if (e && typeof e === "object") {
    const err = e as { name?: string; message?: string; __type?: string; $metadata?: unknown };
    let code = err.name || err.__type || "Error";
    if (code === "TypeError" && /fetch/i.test(err.message ?? "")) {
      return { code: "NetworkError", message: "Trent's KMS API could not be reached (is the server running?)." };
    }
    return { code, message: err.message ?? "" };
  }
  return { code: "Error", message: String(e) };
}

export function isUnsupported(e: unknown): boolean {
  const { code } = describeError(e);
  return code === "UnsupportedOperationException" || code === "UnknownOperationException";
}

/** An error thrown by the audit endpoint, shaped like the SDK's (name = AWS error code). */
class ServiceError extends Error {
  constructor(code: string, message: string) {
    super(message);
    this.name = code;
  }
}

const RFC3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

/** GET on the admin listener, SigV4-signed like a KMS request (service "kms"). */
export async function signedAdminGet<T>(
  session: Pick<Session, "region" | "credentials">,
  path: string,
  query: Record<string, string>,
): Promise<T> {
  const url = new URL(path, location.href);
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== "") q[k] = v;
  const signer = new SignatureV4({
    credentials: session.credentials,
    region: session.region,
    service: "kms",
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: "GET",
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: q,
    headers: { host: url.host },
  } as never) as unknown as { headers: Record<string, string> };
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) {
    if (k.toLowerCase() !== "host") headers[k] = v;
  }
  const qs = Object.keys(q)
    .sort()
    .map((k) => `${RFC3986(k)}=${RFC3986(q[k])}`)
    .join("&");
  const res = await fetch(url.pathname + (qs ? "?" + qs : ""), { headers, cache: "no-store" });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    throw new ServiceError(body.__type ?? `HTTP${res.status}`, body.message ?? "");
  }
  return body as T;
}

export interface AuditRecord {
  eventTime: string;
  eventName: string;
  eventID: string;
  requestID: string;
  awsRegion: string | null;
  sourceIPAddress: string | null;
  userAgent: string | null;
  errorCode?: string;
  errorMessage?: string | null;
  readOnly: boolean;
  userIdentity: { type: string; arn?: string; accountId?: string; accessKeyId?: string };
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  resources: { accountId: string | null; type: string; ARN: string }[];
}

export interface AuditAnswer {
  caller: { arn: string; account: string };
  events: AuditRecord[];
}

export function fetchAudit(session: Pick<Session, "region" | "credentials">, filter: Record<string, string>) {
  return signedAdminGet<AuditAnswer>(session, "api/audit", filter);
}
