/// <reference types="vitest/config" />
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, defineConfig, loadEnv, type Connect, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { msw } from 'msw/vite';
import { createApiGate, type ApiGate } from './src/server/api-gate.ts';
import { createApiProxy } from './src/server/api-proxy.ts';
import { writeAuditLine } from './src/server/audit-log.ts';
import { createAccess } from './src/server/auth/access.ts';
import type { Access } from './src/server/auth/visitor.ts';
import { conversationPageMiddleware, type RenderPageOptions } from './src/server/render-page.ts';
import { readServerEnv, refusalToServe, type ServerEnv } from './src/server/server-env.ts';
import { preloadLinkMiddleware } from './src/server/preload-link.ts';
import { securityHeadersPlugin } from './src/server/security-headers.ts';

/** Sign-in's routes and the `/api` proxy behind its session check, as the viewer's server runs them. */
function apiProxyPlugin(options: ServerEnv, access: Access, gate: ApiGate): Plugin {
  const proxy = createApiProxy({
    ...options,
    gate,
    visitor: access.visitor,
    audit: writeAuditLine,
  });
  const preload = preloadLinkMiddleware();
  const use = (server: { middlewares: Connect.Server }) => {
    // A server that holds the key starts only when it is said to be safe (a build never serves).
    const refusal = refusalToServe(options);
    if (refusal) throw new Error(refusal);
    server.middlewares.use(access.routes);
    server.middlewares.use(proxy);
    // With a key, pages preload their conversation through this proxy.
    if (options.apiKey) server.middlewares.use(preload);
  };
  return { name: 'chatvolt-api-proxy', configureServer: use, configurePreviewServer: use };
}

/** Where the server renderer of a build goes: beside the build, never inside what is served. */
const serverBuildDir = (outDir: string) => `${outDir}-server`;
// The renderer, for `vite preview`, and the viewer's server of a deployment, which runs it.
const SERVER_ENTRIES = {
  'entry-server': 'src/entry-server.tsx',
  'viewer-server': 'src/server/viewer-server.ts',
};

/**
 * Live builds carry a server renderer, built for Node after the app; `vite preview` then renders
 * deep links with their conversation (src/server/render-page.ts). Demo builds have no server data.
 */
function serverRenderPlugin(options: ServerEnv, access: Access, gate: ApiGate): Plugin {
  let outDir = '';
  let configFile: string | undefined;
  let mode = '';
  let serverBuild = false;
  return {
    name: 'server-render',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      configFile = config.configFile;
      mode = config.mode;
      serverBuild = Boolean(config.build.ssr);
    },
    async closeBundle() {
      if (serverBuild || options.viewerMode !== 'live') return;
      await build({
        configFile,
        mode,
        logLevel: 'warn',
        // Self-contained, so a server runs it without the project's node_modules.
        ssr: { noExternal: true },
        build: {
          ssr: true,
          rolldownOptions: { input: SERVER_ENTRIES },
          outDir: serverBuildDir(outDir),
          emptyOutDir: true,
          copyPublicDir: false,
          sourcemap: false,
        },
      });
    },
    async configurePreviewServer(server) {
      const entry = join(serverBuildDir(outDir), 'entry-server.js');
      if (!options.apiKey || !existsSync(entry)) return;
      const { renderConversationPage } = (await import(pathToFileURL(entry).href)) as {
        renderConversationPage: RenderPageOptions['render'];
      };
      server.middlewares.use(
        conversationPageMiddleware({
          template: readFileSync(join(outDir, 'index.html'), 'utf8'),
          render: renderConversationPage,
          env: options,
          visitor: access.visitor,
          audit: writeAuditLine,
          gate,
        }),
      );
    },
  };
}

/**
 * The app's code in one chunk, preloaded beside the tiny entry (src/main.tsx), which runs it once
 * a server-rendered page has painted. The chunk holds everything src/start.tsx imports
 * statically: left to itself, Rolldown gives each module shared with a lazy chunk (icons,
 * strings, the API client…) a chunk of its own, a dozen files on a page's critical path, each
 * compressed alone. This plugin records the static import graph as modules are parsed; the chunk
 * group asks it what the app reaches.
 */
/**
 * Library modules the app's barrel imports reach but only on-demand code uses (the conversation's
 * actions write through TanStack Query's mutations): left out of the app chunk, they load with it.
 */
const usedOnlyOnDemand = /[\\/](?:useMutation|mutationObserver)\.js$/;

function appChunk() {
  const appModule = resolve('src/start.tsx');
  const staticImports = new Map<string, string[]>();
  let entry: string | undefined;
  const closure = (from: string) => {
    const reached = new Set([from]);
    for (const module of reached) {
      for (const imported of staticImports.get(module) ?? []) reached.add(imported);
    }
    return reached;
  };
  let groups: { entry: Set<string>; app: Set<string> } | undefined;
  const moduleGroups = () => {
    if (!groups && entry && staticImports.has(appModule)) {
      const entryModules = closure(entry);
      const app = new Set([...closure(appModule)].filter((module) => !entryModules.has(module)));
      groups = { entry: entryModules, app };
    }
    return groups;
  };
  const plugin: Plugin = {
    name: 'app-chunk',
    apply: 'build',
    moduleParsed(info) {
      staticImports.set(info.id, info.importedIds);
      if (info.isEntry) entry = info.id;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.moduleIds.includes(appModule),
        );
        if (chunk?.type !== 'chunk') return html;
        const links = [...chunk.imports, chunk.fileName]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`);
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
  return {
    plugin,
    groups: [
      {
        name: 'app',
        test: (id: string) => !usedOnlyOnDemand.test(id) && (moduleGroups()?.app.has(id) ?? false),
      },
      // What the entry imports, with the helper it loads the app with, stays with the entry:
      // otherwise Rolldown moves it into the app's chunk, which the entry would then need to run.
      {
        name: 'index',
        priority: 1,
        test: (id: string) =>
          id.includes('vite/preload-helper') || (moduleGroups()?.entry.has(id) ?? false),
      },
    ],
  };
}

export default defineConfig(({ mode }) => {
  const server = readServerEnv({ ...loadEnv(mode, process.cwd(), ''), ...process.env });
  const app = appChunk();
  const access = createAccess(server, writeAuditLine);
  // One door to the API: the proxy and the pages it draws respect the same limits.
  const gate = createApiGate({ maxConcurrent: server.apiMaxConcurrent });
  return {
    plugins: [
      react(),
      tailwindcss(),
      msw(),
      securityHeadersPlugin(),
      serverRenderPlugin(server, access, gate),
      apiProxyPlugin(server, access, gate),
      app.plugin,
    ],
    resolve: { alias: { '@': new URL('./src', import.meta.url).pathname } },
    // The only build-time fact the browser gets: demo or live. A literal boolean, so a live
    // build drops every demo-only branch, and with it MSW and the fixtures.
    define: {
      __DEMO_MODE__: JSON.stringify(server.viewerMode === 'demo'),
      __REQUEST_TIMEOUT_MS__: JSON.stringify(server.requestTimeoutMs),
    },
    server: { port: 5173 },
    preview: { port: 4173 },
    build: {
      sourcemap: 'hidden',
      // Every browser the viewer supports preloads modules natively.
      modulePreload: { polyfill: false },
      rolldownOptions: { output: { codeSplitting: { groups: app.groups } } },
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/testing/setup-tests.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      reporters: process.env.CI
        ? ['default', ['json', { outputFile: '.ci-out/unit.json' }]]
        : ['default'],
    },
  };
});
