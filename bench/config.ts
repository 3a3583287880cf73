/** Where the bench puts things, which ports and browser it uses: one place for every setting. */
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const benchDir = join(root, 'bench');
/** Scratch output (Lighthouse reports, CPU profiles); safe to delete. */
export const outDir = join(benchDir, '.out');
export const distDir = join(root, 'dist-bench');
export const resultsFile = join(benchDir, 'results.json');
export const budgetsFile = join(benchDir, 'budgets.json');

export const previewPort = Number(process.env.BENCH_PORT ?? 4310);
export const upstreamPort = Number(process.env.BENCH_UPSTREAM_PORT ?? 4311);
export const baseUrl = `http://127.0.0.1:${previewPort}`;
export const upstreamUrl = `http://127.0.0.1:${upstreamPort}`;
/** Never a real key: the proxy only needs one to count as live. */
export const benchApiKey = 'bench-key-not-a-secret';

/** Lighthouse runs per page (app and baseline each), alternating. */
export const lighthouseRuns = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** Loads of the 5 MB conversation. */
export const hugeRuns = Math.max(1, Number(process.env.BENCH_HUGE_RUNS ?? 5));
/** Loads of the open queue (3,000 conversations in 31 pages). */
export const queueRuns = Math.max(1, Number(process.env.BENCH_QUEUE_RUNS ?? 3));
export const conversationsVisited = 200;

export const appPath = '/conversations/conv_abc123';
export const baselinePath = '/baseline/conv_abc123.html';
export const hugePath = '/conversations/conv_huge';

// The same browser, launched the same way, as the end-to-end runs.
export { chromeFlags, chromePath } from '../e2e/support/browser.ts';
