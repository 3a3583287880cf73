import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the end-to-end servers listen, and the secret the live run hands its proxy. */
export const demoPort = Number(process.env.E2E_DEMO_PORT ?? 4173);
export const livePort = Number(process.env.E2E_LIVE_PORT ?? 4174);
export const stubPort = Number(process.env.E2E_STUB_PORT ?? 8790);
export const stubUrl = `http://127.0.0.1:${stubPort}`;
/** The live build again, with sign-in at the test provider (sign-in-env.ts). */
export const signInPort = Number(process.env.E2E_SIGNIN_PORT ?? 4175);
export const signInOrigin = `http://127.0.0.1:${signInPort}`;
/** The sign-in build's own stub upstream: what its writes change never shows in the live lists. */
export const signInStubPort = Number(process.env.E2E_SIGNIN_STUB_PORT ?? 8791);
export const signInStubUrl = `http://127.0.0.1:${signInStubPort}`;
export const e2eApiKey = 'e2e-secret-key-4f8a1c9d7b2e';
// One build per port, so runs on other ports (E2E_*_PORT) can go on at the same time.
export const liveDistDir = `dist-e2e-live-${livePort}`;
export const demoDistDir = `dist-e2e-demo-${demoPort}`;
export const signInDistDir = `dist-e2e-signin-${signInPort}`;
/** The sign-in server's output: its audit lines among it. */
export const signInLogPath = join(tmpdir(), `conversation-viewer-signin-${signInPort}.log`);
