import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { describeError } from "./kms";

/** AWS's error code and message, as every failure is shown. */
export function ErrorBox({ error, onClose }: { error: unknown; onClose?: () => void }) {
  if (!error) return null;
  const { code, message } = describeError(error);
  return (
    <div class="error" role="alert" data-error-code={code}>
      <strong class="error-code">{code}</strong>
      {message && <span class="error-message">{message}</span>}
      {onClose && (
        <button class="link" onClick={onClose} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ComponentChildren }) {
  return <div class="notice">{children}</div>;
}

/** A modal that asks before a destructive action. */
export function Confirm(props: {
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void> | void;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && props.onCancel()}>
      <div class="modal" role="dialog" aria-modal="true" aria-label={props.title}>
        <h3>{props.title}</h3>
        <div class="modal-body">{props.children}</div>
        <ErrorBox error={error} />
        <div class="modal-actions">
          <button onClick={props.onCancel} disabled={busy}>
            Cancel
          </button>
          <button
            class={props.danger ? "danger" : "primary"}
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await props.onConfirm();
              } catch (e) {
                setError(e);
                setBusy(false);
              }
            }}
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Runs an async loader when its dependencies change; returns [data, error, loading, reload]. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [T | undefined, unknown, boolean, () => void] {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (d) => live && (setData(d), setError(null), setLoading(false)),
      (e) => live && (setError(e), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return [data, error, loading, () => setTick((t) => t + 1)];
}

export function fmtDate(d: Date | string | undefined | null): string {
  if (!d) return "—";
  const date = typeof d === "string" ? new Date(d) : d;
  return date.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}

export function StateBadge({ state }: { state?: string }) {
  return <span class={`badge state-${(state ?? "unknown").toLowerCase()}`}>{state ?? "?"}</span>;
}

export function Section(props: { title: string; actions?: ComponentChildren; children: ComponentChildren; id?: string }) {
  return (
    <section class="card" id={props.id}>
      <header class="card-head">
        <h2>{props.title}</h2>
        <div class="card-actions">{props.actions}</div>
      </header>
      {props.children}
    </section>
  );
}
