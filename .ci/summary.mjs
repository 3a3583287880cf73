// Prints the plain closing line CI reads: "N passed, N failed, N skipped", from the JSON reports
// of Vitest and Playwright. A missing report means that stage never ran: it counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const unit = read('.ci-out/unit.json');
const e2e = read('.ci-out/e2e.json')?.stats;

let passed = 0;
let failed = 0;
let skipped = 0;
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
} else {
  console.error('unit tests did not run (an earlier step failed)');
  failed += 1;
}
if (e2e) {
  passed += e2e.expected;
  failed += e2e.unexpected + e2e.flaky;
  skipped += e2e.skipped;
} else {
  console.error('end-to-end tests did not run (an earlier step failed)');
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
