/** The one browser every run drives (end-to-end, deploy, bench), launched the same way. */
import { existsSync } from 'node:fs';

const chromeCandidate = process.env.CHROME_PATH || '/usr/bin/chromium';
/** Debian's chromium when there is one; otherwise Playwright's own browser. */
export const chromePath = existsSync(chromeCandidate) ? chromeCandidate : undefined;
/** Without the background-networking flags, this machine's closed network refuses Chromium's calls. */
export const chromeFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const launchOptions = { executablePath: chromePath, args: chromeFlags };
