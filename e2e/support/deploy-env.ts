/** Where the deploy end-to-end run's nginx, viewer's server and stub API listen, the key, the files. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Off the main run's ports (4173, 4174, 8790), so both can run at once.
export const deployPort = Number(process.env.E2E_DEPLOY_PORT ?? 18080);
export const deployStubPort = Number(process.env.E2E_DEPLOY_STUB_PORT ?? 18790);
export const deployViewerServerPort = Number(process.env.E2E_DEPLOY_VIEWER_SERVER_PORT ?? 18081);
export const deployBaseUrl = `http://127.0.0.1:${deployPort}`;
export const deployStubUrl = `http://127.0.0.1:${deployStubPort}`;
export const deployApiKey = 'e2e-deploy-key-7d1e94c2b5a0';
/** The identity provider the deployment signs in at (support/oidc-provider.ts). */
export const deployOidcPort = Number(process.env.E2E_DEPLOY_OIDC_PORT ?? 18181);
/** The agent every deploy test but sign-in's own is signed in as, and where that session is kept. */
export const deployAgent = 'agent@acme.test';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const deployDistDir = `dist-e2e-deploy-${deployPort}`;
/** nginx's prefix: the rendered config, pid and logs; one per port. */
export const deployRunDir = join(tmpdir(), `conversation-viewer-deploy-${deployPort}`);
export const accessLogPath = join(deployRunDir, 'access.log');
export const errorLogPath = join(deployRunDir, 'error.log');
/**
 * The two copies of the viewer's server behind nginx, as a Service spreads agents over pods (a pod
 * runs one): where each listens, its output (where it listens, its audit lines, its failures), its
 * pid, and once it has stopped, how it exited (`{"code":0,"signal":null}`).
 */
export const viewerServerCopies = (['a', 'b'] as const).map((name, index) => ({
  name,
  address: `127.0.0.1:${deployViewerServerPort + index}`,
  logPath: join(deployRunDir, `viewer-server-${name}.log`),
  pidPath: join(deployRunDir, `viewer-server-${name}.pid`),
  exitPath: join(deployRunDir, `viewer-server-${name}.exit.json`),
}));
export const deployAgentStatePath = join(deployRunDir, 'agent-storage-state.json');
