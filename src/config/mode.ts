/** Demo or live, decided at build time (see vite.config.ts); the only build-time fact we ship. */
export const isDemoMode: boolean = __DEMO_MODE__;
