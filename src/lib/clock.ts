/**
 * The time a page is rendered at. A server-rendered page pins it while it renders on the server
 * and hydrates in the browser, so both compute the same "3 minutes ago"; otherwise it is now.
 */
let pinned: number | undefined;

export const renderTime = (): number => pinned ?? Date.now();

export function pinRenderTime(time: number | undefined) {
  pinned = time;
}
