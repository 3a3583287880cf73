/**
 * Whether the app is taking over server-rendered markup. While it does, parts the server leaves
 * out (code that loads on demand) render their placeholder, as the server did, so both agree;
 * they render for real in a transition right after.
 */
import { startTransition, useEffect, useState } from 'react';
import { pinRenderTime } from './clock';

// On the server there is no document: it renders what hydration will then find.
let hydrating = typeof document === 'undefined';

export function startHydration() {
  hydrating = true;
}

/** Called once the markup is taken over: "ago" counts from now again, and parts fill in. */
export function finishHydration() {
  hydrating = false;
  pinRenderTime(undefined);
}

/** False while the server renders or the browser hydrates; true ever after. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(() => !hydrating);
  useEffect(() => {
    if (!hydrated) startTransition(() => setHydrated(true));
  }, [hydrated]);
  return hydrated;
}
