/** Whether the page is being printed, for lists that only render what is on screen. */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

// No window on the server, which renders for the screen.
const printQuery = () =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('print')
    : null;

export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => printQuery()?.matches ?? false);
  useEffect(() => {
    // The browser lays out the printout right after `beforeprint`: render now, not in a later frame.
    const start = () => flushSync(() => setPrinting(true));
    const end = () => setPrinting(false);
    const query = printQuery();
    const change = (event: MediaQueryListEvent) => (event.matches ? start() : end());
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', end);
    query?.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', end);
      query?.removeEventListener('change', change);
    };
  }, []);
  return printing;
}
