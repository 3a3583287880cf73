/** Starts demo mode: Mock Service Worker answers `/api` from the fixtures, in the browser. */
import { handlers } from './handlers';

export async function startDemoApi() {
  const { network } = await import('virtual:msw');
  network.configure({ handlers, onUnhandledFrame: 'bypass' });
  await network.enable();
}
