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
  const report = read(path);
  if (report?.stats) {
    const { stats } = report;
    passed += stats.expected;
    // A run that could not start (a server that failed, a port in use) has only global errors.
    failed += stats.unexpected + stats.flaky + (report.errors?.length ?? 0);
    skipped += stats.skipped;
    for (const error of report.errors ?? []) console.error(`${name}: ${error.message}`);
  } else {
    console.error(`${name} tests did not run (an earlier step failed)`);
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
