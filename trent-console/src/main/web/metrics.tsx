import { useEffect, useState } from "preact/hooks";

/** Totals read from one scrape of /metrics (the admin listener, same origin). */
interface Sample { at: number; total: number; errors: number; byOp: Map<string, number> }

const LINE = /^trent_requests_seconds_count\{([^}]*)\}\s+([0-9.eE+-]+)/;

function parse(text: string): Sample {
  let total = 0, errors = 0;
  const byOp = new Map<string, number>();
  for (const line of text.split("\n")) {
    const m = LINE.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    const n = Number(m[2]);
    total += n;
    if (labels.outcome && labels.outcome !== "success") errors += n;
    byOp.set(labels.operation, (byOp.get(labels.operation) ?? 0) + n);
  }
  return { at: performance.now(), total, errors, byOp };
}

const POINTS = 30;

export function MetricsPanel() {
  const [rates, setRates] = useState<{ rps: number; eps: number }[]>(() => Array(POINTS).fill({ rps: 0, eps: 0 }));
  const [top, setTop] = useState<[string, number][]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let last: Sample | null = null;
    let live = true;
    const tick = async () => {
      try {
        const s = parse(await (await fetch("../metrics", { cache: "no-store" })).text());
        if (!live) return;
        setFailed(false);
        if (last) {
          const dt = (s.at - last.at) / 1000;
          const rps = Math.max(0, (s.total - last.total) / dt), eps = Math.max(0, (s.errors - last.errors) / dt);
          setRates((r) => [...r.slice(-(POINTS - 1)), { rps, eps }]);
          const prev = last;
          setTop([...s.byOp].map(([op, n]): [string, number] => [op, Math.max(0, (n - (prev.byOp.get(op) ?? 0)) / dt)])
            .filter(([, r]) => r > 0).sort((a, b) => b[1] - a[1]).slice(0, 5));
        }
        last = s;
      } catch {
        if (live) setFailed(true);
      }
    };
    tick();
    const id = setInterval(tick, 2000);
    return () => { live = false; clearInterval(id); };
  }, []);
  const now = rates[rates.length - 1] ?? { rps: 0, eps: 0 };
  const max = Math.max(1, ...rates.map((r) => r.rps));
  const path = (f: (r: { rps: number; eps: number }) => number) =>
    rates.map((r, i) => `${i === 0 ? "M" : "L"}${(i * 200) / (POINTS - 1)},${48 - (f(r) / max) * 46}`).join(" ");
  return (
    <section class="card metrics" aria-label="Request rates">
      <h2>Live requests</h2>
      {failed ? <p class="muted small">Metrics unavailable.</p> : (
        <>
          <div class="figures">
            <div><span class="figure" data-testid="rps">{now.rps.toFixed(1)}</span><span class="muted small"> req/s</span></div>
            <div><span class={`figure ${now.eps > 0 ? "bad" : ""}`}>{now.eps.toFixed(1)}</span><span class="muted small"> errors/s</span></div>
          </div>
          <svg viewBox="0 0 200 50" class="spark" preserveAspectRatio="none" aria-hidden="true">
            <path d={path((r) => r.rps)} class="line-rps" />
            <path d={path((r) => r.eps)} class="line-eps" />
          </svg>
          <ul class="top-ops">
            {top.map(([op, r]) => <li key={op}><span class="mono small">{op === "-" ? "other targets" : op}</span><span class="small">{r.toFixed(1)}/s</span></li>)}
            {top.length === 0 && <li class="muted small">Idle.</li>}
          </ul>
          <p class="muted small">From <a href="../metrics" target="_blank" rel="noreferrer">/metrics</a>, every 2 s.</p>
        </>
      )}
    </section>
  );
}
