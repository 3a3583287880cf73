import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyLocale, preferredLocale } from './features/language/locale';
import './index.css';

// An async function rather than top-level await: with TLA in the entry, the bundler must split
// every module a lazy chunk shares with the entry into chunks of their own.
async function start() {
  // Demo mode answers `/api` from fixtures in the browser. The flag is a literal here, so a live
  // build drops this branch before bundling and ships nothing of MSW.
  if (__DEMO_MODE__) {
    const { startDemoApi } = await import('./mocks/browser');
    await startDemoApi();
  }

  // Portuguese strings arrive before the first render, so nobody sees the page switch language.
  await applyLocale(preferredLocale());

  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
}

void start();
