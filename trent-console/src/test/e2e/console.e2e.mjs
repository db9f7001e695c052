// End-to-end tests of the web console in a real browser: Playwright (playwright-core) drives
// Debian's Chromium against a Trent that run.sh started with identities configured.
//   CONSOLE_URL   the console's URL, as `trent serve` printed it
//   SCREENSHOTS   where to save the screenshots of the main views (docs/ in the repository)
// Prints one line per test and "N passed, N failed"; exits non-zero when a test failed.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CONSOLE_URL = process.env.CONSOLE_URL;
const SCREENSHOTS = process.env.SCREENSHOTS;
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ROOT = { id: "AKIAADMINEXAMPLE0001", secret: "admin-secret-change-me-0123456789abcdef", arn: "arn:aws:iam::111122223333:root" };
const VIEWER = { id: "AKIAVIEWEREXAMPLE001", secret: "viewer-secret-change-me-0123456789abc", arn: "arn:aws:iam::111122223333:user/viewer" };
if (!CONSOLE_URL) throw new Error("CONSOLE_URL is not set");

const profile = mkdtempSync(join(tmpdir(), "trent-console-e2e-"));
// A fresh profile (--user-data-dir) for every run.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
  viewport: { width: 1360, height: 860 },
  deviceScaleFactor: 1,
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(15000);
const consoleErrors = [];
page.on("pageerror", (e) => consoleErrors.push(String(e)));

let passed = 0, failed = 0;
const state = {};
async function test(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok: ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAILED: ${name}\n  ${String(e.stack ?? e).split("\n").slice(0, 6).join("\n  ")}`);
    if (SCREENSHOTS) await page.screenshot({ path: join(tmpdir(), `trent-console-failed-${passed + failed}.png`) }).catch(() => {});
  }
}
function expect(cond, what) {
  if (!cond) throw new Error(`expected ${what}`);
}
async function shot(name) {
  if (SCREENSHOTS) {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`) });
  }
}
async function signIn(who) {
  await page.goto(CONSOLE_URL);
  await page.fill("input[name=accessKeyId]", who.id);
  await page.fill("input[name=secretAccessKey]", who.secret);
  await page.click("button[type=submit]");
  await page.waitForSelector(`[data-testid=caller]:has-text("${who.arn}")`);
}
async function signOut() {
  await page.click("text=Sign out");
  await page.waitForSelector("input[name=accessKeyId]");
}

await test("the console loads and asks to sign in (identities configured)", async () => {
  const res = await page.goto(CONSOLE_URL);
  expect(res.ok(), "200 for the console page");
  await page.waitForSelector("input[name=accessKeyId]");
  await page.waitForSelector("input[type=password][name=secretAccessKey]");
  await shot("sign-in");
});

await test("a wrong secret is refused with AWS's error code", async () => {
  await page.fill("input[name=accessKeyId]", ROOT.id);
  await page.fill("input[name=secretAccessKey]", "not-the-secret");
  await page.click("button[type=submit]");
  const code = await page.textContent(".error .error-code");
  expect(/Signature|Unrecognized/.test(code), `a signature error, got ${code}`);
});

await test("the secret is kept in memory only, never in web storage", async () => {
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(!stored.includes("admin-secret") && !stored.includes("not-the-secret"), "no secret in localStorage, sessionStorage or cookies");
});

await test("sign in as the account root", async () => {
  await signIn(ROOT);
  await page.waitForSelector("table.keys-table");
});

await test("create a key with an alias", async () => {
  await page.click("text=Create key");
  await page.selectOption("select[name=keySpec]", "RSA_2048");
  const usages = await page.$$eval("input[name=keyUsage]", (els) => els.map((e) => e.value));
  expect(JSON.stringify(usages) === JSON.stringify(["ENCRYPT_DECRYPT", "SIGN_VERIFY"]), `RSA usages only, got ${usages}`);
  await page.selectOption("select[name=keySpec]", "SYMMETRIC_DEFAULT");
  await page.fill("input[name=description]", "payments data key");
  await page.fill("input[name=alias]", "alias/payments");
  await shot("create-key");
  await page.click("button[type=submit]:has-text('Create key')");
  await page.waitForSelector("[data-testid=key-state]:has-text('Enabled')");
  state.keyId = (await page.textContent("[data-testid=key-id]")).trim();
  await page.waitForSelector(".chip:has-text('alias/payments')");
});

await test("the keys table shows the key with its alias, spec, usage and state", async () => {
  // A second key, signing, so the table shows more than one kind.
  await page.goto(CONSOLE_URL + "#/create");
  await page.selectOption("select[name=keySpec]", "ECC_NIST_P256");
  await page.fill("input[name=description]", "release signing");
  await page.click("button[type=submit]:has-text('Create key')");
  await page.waitForSelector("[data-testid=key-state]:has-text('Enabled')");
  await page.goto(CONSOLE_URL + "#/keys");
  const row = page.locator(`tr[data-key-id="${state.keyId}"]`);
  await row.waitFor();
  const text = await row.textContent();
  for (const part of ["alias/payments", "payments data key", "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "Enabled"]) {
    expect(text.includes(part), `${part} in the row: ${text}`);
  }
  for (let i = 0; i < 6; i++) { // some traffic for the live panel to draw
    await page.click("button:has-text('Refresh')");
    await page.waitForTimeout(700);
  }
  await shot("keys");
});

await test("disable the key after confirming, and see its state change", async () => {
  await page.click(`a[href="#/keys/${state.keyId}"]`);
  await page.waitForSelector("[data-testid=key-state]:has-text('Enabled')");
  await page.click(".card-actions button:has-text('Disable')");
  await page.waitForSelector(".modal:has-text('Disable this key?')");
  await page.click(".modal button:has-text('Disable key')");
  await page.waitForSelector("[data-testid=key-state]:has-text('Disabled')");
  await shot("key");
});

await test("the aliases view lists the alias", async () => {
  await page.goto(CONSOLE_URL + "#/aliases");
  await page.waitForSelector(`tr[data-alias="alias/payments"]:has-text("${state.keyId}")`);
  await shot("aliases");
});

await test("the audit view shows the key's events: CreateKey, CreateAlias, DisableKey", async () => {
  await page.goto(CONSOLE_URL + "#/audit");
  await page.fill("input[name=key]", state.keyId);
  await page.click("form.filters button[type=submit]");
  for (const op of ["CreateKey", "CreateAlias", "DisableKey"]) {
    await page.waitForSelector(`tr[data-event-name="${op}"]`);
  }
  await page.fill("input[name=key]", "");
  await page.click("form.filters button[type=submit]");
  await page.waitForSelector(`tr[data-event-name="ListKeys"]`);
  await shot("audit");
});

await test("enable the key again", async () => {
  await page.goto(CONSOLE_URL + `#/keys/${state.keyId}`);
  await page.click(".card-actions button:has-text('Enable')");
  await page.waitForSelector("[data-testid=key-state]:has-text('Enabled')");
});

await test("a user without permission sees AccessDeniedException when disabling a key", async () => {
  await signOut();
  await signIn(VIEWER);
  await page.goto(CONSOLE_URL + `#/keys/${state.keyId}`);
  await page.waitForSelector("[data-testid=key-state]:has-text('Enabled')");
  await page.click(".card-actions button:has-text('Disable')");
  await page.click(".modal button:has-text('Disable key')");
  await page.waitForSelector(".modal .error[data-error-code=AccessDeniedException]");
  const message = await page.textContent(".modal .error .error-message");
  expect(message.includes("not authorized to perform: kms:DisableKey"), `AWS's message, got: ${message}`);
  await shot("access-denied");
  await page.click(".modal button:has-text('Cancel')");
  await page.waitForSelector("[data-testid=key-state]:has-text('Enabled')");
});

await test("the user's audit view shows only its own events, with the refusal", async () => {
  await page.goto(CONSOLE_URL + "#/audit");
  await page.waitForSelector(`tr[data-event-name="DisableKey"]:has-text("AccessDeniedException")`);
  const principals = await page.$$eval("tr[data-event-name] td:nth-child(3)", (tds) => tds.map((t) => t.textContent));
  expect(principals.length > 0 && principals.every((p) => p === VIEWER.arn), `only the viewer's events, got ${[...new Set(principals)]}`);
});

await test("no script error in the page", async () => {
  expect(consoleErrors.length === 0, `no page errors, got ${consoleErrors.join("; ")}`);
});

await context.close();
rmSync(profile, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
