// Makes sure Playwright has a Chromium to drive: Debian's when present, installed with apt when
// missing and running as root; otherwise Playwright falls back to its own browser.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

if (existsSync(chromePath)) {
  process.exit(0);
}
if (process.getuid?.() === 0) {
  console.log(`${chromePath} is missing: installing Debian's chromium with apt…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'],
    {
      stdio: 'inherit',
      env,
    },
  );
} else {
  console.warn(
    `${chromePath} is missing and this user cannot install it; using Playwright's own browser ` +
      "(run `npx playwright install chromium` once, or install Debian's chromium and set CHROME_PATH).",
  );
}
