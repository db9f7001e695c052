// Builds the console for Maven: `node build.mjs OUT_DIR`.
// Runs `npm ci` when node_modules is missing or older than the lockfile, then type-checks and
// bundles with Vite into OUT_DIR, and fails when the first load's JavaScript is over budget.
// package.json pins rollup (overrides) to a version whose every platform package the registry
// serves, so that the lockfile lists them all and `npm ci` works on any machine.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const out = process.argv[2] && resolve(process.argv[2]);
if (!out) throw new Error("usage: node build.mjs OUT_DIR");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });

const installed = "node_modules/.package-lock.json";
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync("package-lock.json").mtimeMs) {
  run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
}
run(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);
run(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--outDir", out, "--emptyOutDir", "--logLevel", "warn"]);

// The budget: every script the first page load fetches, gzip-compressed, under 300 KB.
const assets = join(out, "assets");
let total = 0;
for (const f of readdirSync(assets).filter((f) => f.endsWith(".js"))) {
  total += gzipSync(readFileSync(join(assets, f)), { level: 9 }).length;
}
console.log(`trent-console: first load ${(total / 1024).toFixed(1)} KB of JavaScript (gzip)`);
if (total > 300 * 1024) {
  console.error("trent-console: over the 300 KB budget");
  process.exit(1);
}
