/**
 * nginx and the viewer's server for the deploy end-to-end run, configured as in production:
 * renders deploy/nginx.conf.template with envsubst (Debian's nginx and gettext-base are installed
 * with apt when missing, as root), checks it with `nginx -t`, starts two copies of the build's
 * viewer server as deploy/entrypoint.sh starts one, with the key and the same session secret,
 * both in nginx's upstream, then runs nginx in the foreground as this process's child until it is
 * stopped. A copy may be stopped alone (the test of a copy that drains): this says how it exited.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  accessLogPath,
  deployApiKey,
  deployDistDir,
  deployOidcPort,
  deployPort,
  deployRunDir,
  deployStubUrl,
  errorLogPath,
  viewerServerCopies,
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

const [firstCopy, secondCopy] = viewerServerCopies.map(({ address }) => address);

/** The template rendered as the image's entrypoint does, with the test's two values. */
function render(): string {
  const names = '${PORT} ${VIEWER_SERVER}';
  const rendered = execFileSync('envsubst', [names], {
    input: readFileSync(join(repoRoot, 'deploy/nginx.conf.template'), 'utf8'),
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      PORT: `127.0.0.1:${deployPort}`,
      VIEWER_SERVER: firstCopy,
    },
  });
  // The first change for the test: serve the fresh build rather than the image's copy of it.
  const imageRoot = 'root /usr/share/nginx/html;';
  if (rendered.split(imageRoot).length !== 2) {
    throw new Error(`deploy/nginx.conf.template must say "${imageRoot}" once`);
  }
  // And a test-only addition: the second copy in the upstream beside the first, as if nginx stood
  // in front of two pods (in production each pod's nginx has its own server alone), taking the
  // agents' requests in turn: an agent's read after their own write, answered by the other copy,
  // must still show it (the browser asks past the shared reads after a write).
  const upstream = `server ${firstCopy};`;
  if (rendered.split(upstream).length !== 2) {
    throw new Error(`deploy/nginx.conf.template must say "server \${VIEWER_SERVER};" once`);
  }
  return rendered
    .replace(imageRoot, `root "${join(repoRoot, deployDistDir)}";`)
    .replace(upstream, `${upstream} server ${secondCopy};`);
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

// The copies of the viewer's server, each with the environment the image gives it: they alone
// have the key, and they sign people in at the test provider with the same session secret.
const copies = viewerServerCopies.map(({ address, logPath, pidPath, exitPath }) => {
  const output = openSync(logPath, 'a');
  const copy = spawn(
    process.execPath,
    [join(repoRoot, `${deployDistDir}-server`, 'viewer-server.js')],
    {
      stdio: ['ignore', output, output],
      env: {
        PATH: process.env.PATH,
        CHATVOLT_API_URL: deployStubUrl,
        CHATVOLT_API_KEY: deployApiKey,
        ...signInEnvAt(deployOidcPort),
        VIEWER_SERVER: address,
        VIEWER_INDEX_HTML: join(repoRoot, deployDistDir, 'index.html'),
      },
    },
  );
  writeFileSync(pidPath, String(copy.pid));
  copy.on('exit', (code, signal) => writeFileSync(exitPath, JSON.stringify({ code, signal })));
  return copy;
});

// The config logs to stdout (access) and stderr (errors): into files the test reads.
const nginx = spawn(nginxBin, args, {
  stdio: ['ignore', openSync(accessLogPath, 'a'), openSync(errorLogPath, 'a')],
});
console.log(`nginx on http://127.0.0.1:${deployPort}, logs in ${deployRunDir}`);

const stopCopies = () => {
  for (const copy of copies) if (copy.exitCode === null && copy.signalCode === null) copy.kill();
};
const stop = () => {
  stopCopies();
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
  stopCopies();
  process.exit(code ?? 0);
});
