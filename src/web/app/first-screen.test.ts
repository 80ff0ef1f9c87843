import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The frame's menu waits for the page opened first: released after the page's next frame, or by the timer. */
describe('first screen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 16));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('is done at once when no page holds it', async () => {
    const screen = await import('./first-screen.ts');
    expect(screen.firstScreenDone()).toBe(true);
    screen.releaseFirstScreen();
    expect(screen.firstScreenDone()).toBe(true);
  });

  it('waits until the page is drawn, then releases after the browser has shown that frame, telling the frame', async () => {
    const screen = await import('./first-screen.ts');
    const released = vi.fn();
    screen.subscribe(released);
    screen.holdFirstScreen();
    expect(screen.firstScreenDone()).toBe(false);
    screen.releaseFirstScreen();
    // Not in the task that drew the page: after its frame.
    expect(screen.firstScreenDone()).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(screen.firstScreenDone()).toBe(true);
    expect(released).toHaveBeenCalledTimes(1);
    // The timer set when it was held changes nothing afterwards.
    await vi.advanceTimersByTimeAsync(5000);
    expect(released).toHaveBeenCalledTimes(1);
  });

  it('never waits longer than 3 s, drawn or not', async () => {
    const screen = await import('./first-screen.ts');
    screen.holdFirstScreen();
    await vi.advanceTimersByTimeAsync(2900);
    expect(screen.firstScreenDone()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(screen.firstScreenDone()).toBe(true);
  });
});
