/** The bench's child processes: the live build, the bench upstream and `vite preview`. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  baseUrl,
  benchApiKey,
  distDir,
  previewPort,
  root,
  upstreamPort,
  upstreamUrl,
} from './config.ts';

const vite = join(root, 'node_modules/vite/bin/vite.js');

/** Live mode, through the same proxy production uses; the key is a placeholder. */
const liveEnv = {
  ...process.env,
  VIEWER_MODE: 'live',
  CHATVOLT_API_KEY: benchApiKey,
  CHATVOLT_API_URL: upstreamUrl,
  VIEWER_AUTH: 'off',
};

const running = new Set<ChildProcess>();

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // `node <script>` directly, so the PID we hold is the server's own (no npm/npx wrapper).
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  const prefix = `[${args[0]?.split('/').pop()} ${args[1] ?? ''}]`.trim();
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`${prefix} ${String(chunk)}`));
  return child;
}

export async function buildLive(): Promise<void> {
  const child = run([vite, 'build', '--outDir', distDir, '--logLevel', 'warn'], liveEnv);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`vite build exited with ${code}`);
}

async function waitForUrl(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Fails early when a port is taken: otherwise a stranger's server could answer the bench. */
async function assertPortFree(port: number): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', () =>
      reject(new Error(`port ${port} is in use; set BENCH_PORT / BENCH_UPSTREAM_PORT`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export async function startServers(): Promise<void> {
  await assertPortFree(upstreamPort);
  await assertPortFree(previewPort);
  const upstream = run([join(root, 'bench/upstream.ts')], {
    ...process.env,
    STUB_PORT: String(upstreamPort),
  });
  await waitForUrl(`${upstreamUrl}/__health`, upstream);
  const preview = run(
    [
      vite,
      'preview',
      '--outDir',
      distDir,
      '--port',
      String(previewPort),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    liveEnv,
  );
  await waitForUrl(`${baseUrl}/`, preview);
  previewProcess = preview;
}

let previewProcess: ChildProcess | undefined;

/** The resident memory of `vite preview`, which runs the viewer's `/api` proxy, in bytes. */
export function previewMemoryBytes(): number {
  const status = readFileSync(`/proc/${previewProcess?.pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? NaN) * 1024;
}

/** Ends every child we started, by its own PID: SIGTERM, then SIGKILL after 3 s. */
export async function stopServers(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const late = await Promise.race([exited.then(() => false), sleep(3000).then(() => true)]);
      if (late) child.kill('SIGKILL');
    }),
  );
}

/** Synchronous last resort for `process.on('exit')`, when no await is possible. */
export function killServersNow(): void {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
}
