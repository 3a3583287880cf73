/**
 * nginx and the viewer's server for the deploy end-to-end run, configured as in production:
 * renders deploy/nginx.conf.template with envsubst (Debian's nginx and gettext-base are installed
 * with apt when missing, as root), checks it with `nginx -t`, starts the build's viewer server as
 * deploy/viewer-server.sh does, with the key, then runs nginx in the foreground as this process's
 * child until either is stopped.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  accessLogPath,
  deployApiKey,
  deployDistDir,
  deployOidcPort,
  deployViewerServerPort,
  deployPort,
  deployRunDir,
  deployStubUrl,
  errorLogPath,
  viewerServerLogPath,
  repoRoot,
} from './deploy-env.ts';
import { signInEnvAt } from './sign-in-env.ts';

const nginxBin = process.env.NGINX_BIN || '/usr/sbin/nginx';
const isRoot = process.getuid?.() === 0;

function installMissingTools() {
  const missing = !existsSync(nginxBin) || spawnSync('envsubst', ['--version']).error;
  if (!missing) return;
  if (!isRoot) {
    throw new Error(`${nginxBin} or envsubst is missing: install Debian's nginx and gettext-base`);
  }
  console.log("nginx or envsubst is missing: installing Debian's nginx and gettext-base with apt…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', 'nginx', 'gettext-base', 'ca-certificates'],
    { stdio: 'inherit', env },
  );
}

const viewerServer = `127.0.0.1:${deployViewerServerPort}`;

/** The template rendered exactly as the image's entrypoint does, with the test's two values. */
function render(): string {
  const names = '${PORT} ${VIEWER_SERVER}';
  const rendered = execFileSync('envsubst', [names], {
    input: readFileSync(join(repoRoot, 'deploy/nginx.conf.template'), 'utf8'),
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      PORT: `127.0.0.1:${deployPort}`,
      VIEWER_SERVER: viewerServer,
    },
  });
  // The one change for the test: serve the fresh build rather than the image's copy of it.
  const imageRoot = 'root /usr/share/nginx/html;';
  if (rendered.split(imageRoot).length !== 2) {
    throw new Error(`deploy/nginx.conf.template must say "${imageRoot}" once`);
  }
  return rendered.replace(imageRoot, `root "${join(repoRoot, deployDistDir)}";`);
}

installMissingTools();
rmSync(deployRunDir, { recursive: true, force: true });
mkdirSync(deployRunDir, { recursive: true, mode: 0o700 });
const configPath = join(deployRunDir, 'nginx.conf');
writeFileSync(configPath, render(), { mode: 0o600 });

const globals = [
  'daemon off;',
  `pid ${join(deployRunDir, 'nginx.pid')};`,
  // The checkout (so dist/) may be where nginx's default user cannot read, e.g. under /root.
  ...(isRoot ? ['user root;'] : []),
];
const args = ['-p', `${deployRunDir}/`, '-c', configPath, '-e', 'stderr', '-g', globals.join(' ')];

// -q: only errors, which name a line, never the key. (-T would print the whole config.)
const check = spawnSync(nginxBin, ['-t', '-q', ...args], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (check.status !== 0) {
  console.error('deploy/nginx.conf.template, rendered for the test, fails `nginx -t` (see above)');
  process.exit(1);
}

// The viewer's server with the environment the image gives it: it alone has the key, and it
// signs people in at the test provider.
const viewerServerProcess = spawn(
  process.execPath,
  [join(repoRoot, `${deployDistDir}-server`, 'viewer-server.js')],
  {
    stdio: ['ignore', openSync(viewerServerLogPath, 'a'), openSync(viewerServerLogPath, 'a')],
    env: {
      PATH: process.env.PATH,
      CHATVOLT_API_URL: deployStubUrl,
      CHATVOLT_API_KEY: deployApiKey,
      ...signInEnvAt(deployOidcPort),
      VIEWER_SERVER: viewerServer,
      VIEWER_INDEX_HTML: join(repoRoot, deployDistDir, 'index.html'),
    },
  },
);

// The config logs to stdout (access) and stderr (errors): into files the test reads.
const nginx = spawn(nginxBin, args, {
  stdio: ['ignore', openSync(accessLogPath, 'a'), openSync(errorLogPath, 'a')],
});
console.log(`nginx on http://127.0.0.1:${deployPort}, logs in ${deployRunDir}`);

const stop = () => {
  viewerServerProcess.kill('SIGTERM');
  nginx.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Stops by itself after an hour at the latest, like the stub upstream.
setTimeout(stop, 60 * 60 * 1000).unref();

nginx.on('exit', (code, signal) => {
  if (signal !== 'SIGTERM' && code !== 0) {
    console.error(
      `nginx stopped (${signal ?? `exit ${code}`}):\n${readFileSync(errorLogPath, 'utf8')}`,
    );
  }
  viewerServerProcess.kill('SIGTERM');
  process.exit(code ?? 0);
});
