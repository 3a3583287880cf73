/// <reference types="vite/client" />
/// <reference types="msw/vite/client" />

/** Set by vite.config.ts at build time: true serves fixtures through MSW, false the live API. */
declare const __DEMO_MODE__: boolean;

/** Set by vite.config.ts from VIEWER_REQUEST_TIMEOUT_MS: how long the browser waits for `/api`. */
declare const __REQUEST_TIMEOUT_MS__: number;
