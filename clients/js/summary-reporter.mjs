// A reporter for node's test runner that adds the line "N passed, N failed" (and "N skipped"
// when some were) after the run, as every part of the client suite prints.
export default async function* summary(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    if (event.data.details?.type === "suite") continue; // count tests, not their groups
    if (event.type === "test:fail") failed++;
    else if (event.data.skip || event.data.todo) skipped++;
    else passed++;
  }
  yield `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`;
}
