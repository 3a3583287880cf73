/**
 * Whether the app is in its first render: on the server, or in the browser taking a drawn page
 * over (hydrating) or drawing one afresh. In it, parts that load on demand (the transcript, the
 * jump box) render their placeholder, as the server did, so hydration finds what it expects and
 * the first paint waits for none of them; they render for real in a transition right after.
 */
import { startTransition, useEffect, useState } from 'react';
import { pinRenderTime } from './clock';

// On the server there is no document: it renders what the browser's first render then finds.
let firstRender = typeof document === 'undefined';

export function beginFirstRender() {
  firstRender = true;
}

/** Called once the first render is on screen: "ago" counts from now again, and parts fill in. */
export function endFirstRender() {
  firstRender = false;
  pinRenderTime(undefined);
}

/** False in the app's first render (on the server too); true ever after. */
export function usePastFirstRender(): boolean {
  const [past, setPast] = useState(() => !firstRender);
  useEffect(() => {
    if (!past) startTransition(() => setPast(true));
  }, [past]);
  return past;
}
