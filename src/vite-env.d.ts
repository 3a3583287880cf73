/// <reference types="vite/client" />
/// <reference types="msw/vite/client" />

/** Set by vite.config.ts at build time: true serves fixtures through MSW, false the live API. */
declare const __DEMO_MODE__: boolean;
