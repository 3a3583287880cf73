/** Starts demo mode: Mock Service Worker answers `/api` from the fixtures, in the browser. */
import { handlers, startQueueMoves } from './handlers';

export async function startDemoApi() {
  const { network } = await import('virtual:msw');
  network.configure({ handlers, onUnhandledFrame: 'bypass' });
  await network.enable();
  // The open queue moves on its own, so the live list has news to show.
  startQueueMoves();
}
