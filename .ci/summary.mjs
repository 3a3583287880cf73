// Prints the plain closing line CI reads: "N passed, N failed, N skipped", from the JSON reports
// of Vitest and Playwright. A missing report means that stage never ran: it counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

let passed = 0;
let failed = 0;
let skipped = 0;

const unit = read('.ci-out/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
} else {
  console.error('unit tests did not run (an earlier step failed)');
  failed += 1;
}

const playwrightRuns = { 'end-to-end': '.ci-out/e2e.json', deploy: '.ci-out/deploy.json' };
for (const [name, path] of Object.entries(playwrightRuns)) {
  const stats = read(path)?.stats;
  if (stats) {
    passed += stats.expected;
    failed += stats.unexpected + stats.flaky;
    skipped += stats.skipped;
  } else {
    console.error(`${name} tests did not run (an earlier step failed)`);
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
