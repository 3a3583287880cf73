/** One Lighthouse run (mobile default, simulated throttling) in a fresh Chromium profile. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromeFlags, chromePath, outDir } from './config.ts';

export interface LighthouseFigures {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Bytes on the wire, as Lighthouse's resource summary counts them. */
  jsBytes: number;
  cssBytes: number;
  /** The LCP element, to check that app and baseline paint the same thing last. */
  lcpElement: string;
}

interface SummaryItem {
  resourceType?: string;
  transferSize?: number;
}

/** For a signal handler: ends the Chrome a Lighthouse run is using (only Chromes launched here). */
export function killLighthouseChromeNow(): void {
  chromeLauncher.killAll();
}

export async function runLighthouse(url: string, label: string): Promise<LighthouseFigures> {
  // A fresh profile each run: no HTTP cache or service worker carries over between runs.
  const userDataDir = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath ?? chromeLauncher.getChromePath(),
    chromeFlags: ['--headless', ...chromeFlags],
    userDataDir,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result) throw new Error(`${label}: Lighthouse returned nothing`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${label}: ${lhr.runtimeError.message}`);
    for (const warning of lhr.runWarnings) console.warn(`  ${label}: ${warning}`);
    mkdirSync(join(outDir, 'lighthouse'), { recursive: true });
    writeFileSync(join(outDir, 'lighthouse', `${label}.json.gz`), gzipSync(JSON.stringify(lhr)));

    const numeric = (id: string) => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`${label}: no ${id}`);
      return value;
    };
    const details = lhr.audits['resource-summary']?.details as
      { items?: SummaryItem[] } | undefined;
    const transfer = (type: string) =>
      details?.items?.find((item) => item.resourceType === type)?.transferSize ?? 0;
    const lcp = lhr.audits['lcp-breakdown-insight']?.details as
      { items?: { type?: string; selector?: string; nodeLabel?: string }[] } | undefined;
    const lcpNode = lcp?.items?.find((item) => item.type === 'node');
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcpMs: numeric('first-contentful-paint'),
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      jsBytes: transfer('script'),
      cssBytes: transfer('stylesheet'),
      lcpElement: lcpNode ? `${lcpNode.selector ?? ''} “${lcpNode.nodeLabel ?? ''}”` : 'unknown',
    };
  } finally {
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
