import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { applyLocale } from '@/features/language/locale';
import { resetDemoWrites } from '@/mocks/handlers';
import { server } from './server';

// Two cores run lazy chunks, MSW and a 1,207-row open queue at once: give `find*` queries room.
configure({ asyncUtilTimeout: 5000 });

// jsdom loads no stylesheet: the one Tailwind utility that hides what stays laid out (the
// refresh indicator) is given here, so `toBeVisible` sees what a reader sees.
if (typeof document !== 'undefined') {
  const style = document.createElement('style');
  style.textContent = '.invisible { visibility: hidden; }';
  document.head.append(style);
}

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(async () => {
  server.resetHandlers();
  resetDemoWrites();
  cleanup();
  // The server's tests run in Node, with no page language or storage to reset.
  if (typeof window === 'undefined') return;
  localStorage.clear();
  await applyLocale('en');
});
afterAll(() => server.close());
