/// <reference types="vitest/config" />
import { defineConfig, loadEnv, type Connect, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { msw } from 'msw/vite';
import { createApiProxy } from './src/server/api-proxy.ts';
import { preloadLinkMiddleware } from './src/server/preload-link.ts';
import { securityHeadersPlugin } from './src/server/security-headers.ts';

const DEFAULT_API_URL = 'https://api.chatvolt.ai';
const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;
// Longer than the proxy's, so the proxy's own 504 reaches the browser before it gives up.
const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/** Server-side settings; an empty value counts as unset. None of them reaches the bundle. */
function readServerEnv(mode: string) {
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const value = (name: string) => env[name]?.trim() || undefined;
  const milliseconds = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
      throw new Error(
        `${name} must be a whole number of milliseconds, such as 15000, not "${raw}"`,
      );
    }
    return Number(raw);
  };
  const viewerMode = value('VIEWER_MODE');
  if (viewerMode && viewerMode !== 'live' && viewerMode !== 'demo') {
    throw new Error(`VIEWER_MODE must be "live" or "demo", not "${viewerMode}"`);
  }
  const apiKey = value('CHATVOLT_API_KEY');
  return {
    apiUrl: value('CHATVOLT_API_URL') ?? DEFAULT_API_URL,
    apiKey,
    timeoutMs: milliseconds('CHATVOLT_API_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS),
    requestTimeoutMs: milliseconds('VIEWER_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS),
    viewerMode: viewerMode ?? (apiKey ? 'live' : 'demo'),
  };
}

function apiProxyPlugin(options: Parameters<typeof createApiProxy>[0]): Plugin {
  const proxy = createApiProxy(options);
  const preload = preloadLinkMiddleware();
  const use = (server: { middlewares: Connect.Server }) => {
    server.middlewares.use(proxy);
    // With a key, pages preload their conversation through this proxy.
    if (options.apiKey) server.middlewares.use(preload);
  };
  return { name: 'chatvolt-api-proxy', configureServer: use, configurePreviewServer: use };
}

/**
 * Everything the entry imports statically goes into one initial chunk. Left to itself, Rolldown
 * gives each module the entry shares with a lazy chunk (icons, strings, the API client…) a chunk
 * of its own: a dozen files on a page's critical path, each compressed alone. This plugin records
 * the static import graph as modules are parsed; the chunk group asks it what the entry reaches.
 */
function initialChunk() {
  const staticImports = new Map<string, string[]>();
  let entry: string | undefined;
  let initial: Set<string> | undefined;
  const reachedFromEntry = (id: string) => {
    if (!initial && entry) {
      initial = new Set([entry]);
      for (const module of initial) {
        for (const imported of staticImports.get(module) ?? []) initial.add(imported);
      }
    }
    return initial?.has(id) ?? false;
  };
  const plugin: Plugin = {
    name: 'initial-chunk',
    apply: 'build',
    moduleParsed(info) {
      staticImports.set(info.id, info.importedIds);
      if (info.isEntry) entry = info.id;
    },
  };
  return { plugin, group: { name: 'index', test: reachedFromEntry } };
}

export default defineConfig(({ mode }) => {
  const server = readServerEnv(mode);
  const initial = initialChunk();
  return {
    plugins: [
      react(),
      tailwindcss(),
      msw(),
      securityHeadersPlugin(),
      apiProxyPlugin(server),
      initial.plugin,
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
      rolldownOptions: { output: { codeSplitting: { groups: [initial.group] } } },
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
