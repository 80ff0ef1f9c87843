import { useSyncExternalStore } from 'react';

/*
 * The page opened first can ask the frame to wait with what is not needed to see it (the menu, the header's tools):
 * on 2 busy cores their first render (antd's styles, a tooltip per menu item) came before the dashboard's map.
 * The page releases the frame once its own first screen is drawn, or when it knows it will not draw it; a timer
 * releases it anyway, so the frame never waits longer than that.
 */

/** The longest the frame waits for the page, whatever happens to it. */
const LONGEST_WAIT_MS = 3000;

let held = false;
const listeners = new Set<() => void>();

/** Called when the frame is released. */
export function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The page about to show asks the frame to wait (called before the app's first render). */
export function holdFirstScreen(): void {
  if (held) return;
  held = true;
  setTimeout(finish, LONGEST_WAIT_MS);
}

function finish() {
  if (!held) return;
  held = false;
  for (const listener of listeners) listener();
}

/** The page's first screen is drawn (or will not be): the frame renders the rest, after the browser's next frame. */
export function releaseFirstScreen(): void {
  if (!held) return;
  // After the frame with the page in it is on screen, not in the same task.
  requestAnimationFrame(() => setTimeout(finish));
}

/** False while the page opened first is not drawn yet. */
export function firstScreenDone(): boolean {
  return !held;
}

/** False while the page opened first is not drawn yet: the frame leaves its secondary parts out until then. */
export function useFirstScreenDone(): boolean {
  return useSyncExternalStore(subscribe, firstScreenDone, () => true);
}
