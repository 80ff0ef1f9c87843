/**
 * The public portal (issue 13) on PGlite: demo data filled into 吉林省—浙江省 (it publishes a
 * news item, two projects, a park and a press figure), then a pairing's public page opened in headless Chromium
 * without an account, each time in a new browser context (empty cache). The first load is the server's first page
 * after its start (cold server, cold browser); the others are cold-cache loads of a warm server. Bytes come from the
 * browser's network log (as transferred, headers included, and the bodies as compressed), by kind of resource;
 * times from the page's Navigation and Paint Timing. Targets: under 150 KB of compressed JavaScript (the portal has
 * none), rendered under 1 s.
 */
import { sql } from 'drizzle-orm';
import { fillDemo } from '../src/server/seed/demo-data.ts';
import { hasChromium, launchChromium } from '../src/web/e2e/browser.ts';
import { startDuikou, type Target } from './lib/duikou-server.ts';
import { withAppContext } from './lib/in-process.ts';
import { median } from './lib/stats.ts';

const LOADS = 7;
export const PORTAL_TARGET_MS = 1000;
export const PORTAL_JS_BUDGET = 150 * 1024;

type Kind = 'document' | 'stylesheet' | 'script' | 'image' | 'other';

export interface PortalLoad {
  /** Bytes on the wire by kind (headers included) and the bodies alone as sent (compressed). */
  transferred: Record<Kind, number>;
  body: Record<Kind, number>;
  requests: number;
  /** From the start of navigation: first byte, first contentful paint (when Chromium reports it), load event, and
   * the first frame after it (the page rendered). */
  ttfbMs: number;
  fcpMs: number | null;
  loadMs: number;
  renderedMs: number;
}

export interface PortalResult {
  engine: Target['engine'];
  path: string;
  serverStartMs: number;
  first: PortalLoad;
  cold: PortalLoad[];
}

const kindOf = (type: string | undefined): Kind => {
  const k = (type ?? '').toLowerCase();
  return k === 'document' || k === 'stylesheet' || k === 'script' || k === 'image' ? k : 'other';
};
const zero = (): Record<Kind, number> => ({ document: 0, stylesheet: 0, script: 0, image: 0, other: 0 });

async function loadOnce(browser: Awaited<ReturnType<typeof launchChromium>>, url: string): Promise<PortalLoad> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const seen = new Map<string, { kind: Kind; headers: number; wire: number }>();
    cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
      const headers = Object.entries(response.headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 0);
      seen.set(requestId, { kind: kindOf(type), headers, wire: 0 });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const r = seen.get(requestId);
      if (r) r.wire = encodedDataLength;
    });
    await cdp.send('Network.enable');
    await page.goto(url, { waitUntil: 'load' });
    // Rendered: the first frame after the load event (Chromium reports no paint timing for some headless loads).
    const timing = await page.evaluate(
      () =>
        new Promise<{ ttfb: number; load: number; rendered: number; fcp: number | null }>((resolve) =>
          requestAnimationFrame(() => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            resolve({
              ttfb: nav.responseStart,
              load: nav.loadEventEnd,
              rendered: performance.now(),
              fcp: fcp?.startTime ?? null,
            });
          }),
        ),
    );
    await cdp.detach();
    const transferred = zero();
    const body = zero();
    for (const r of seen.values()) {
      transferred[r.kind] += r.wire;
      body[r.kind] += Math.max(0, r.wire - r.headers);
    }
    return {
      transferred,
      body,
      requests: seen.size,
      ttfbMs: timing.ttfb,
      fcpMs: timing.fcp,
      loadMs: timing.load,
      renderedMs: timing.rendered,
    };
  } finally {
    await context.close();
  }
}

export async function measurePortal(target: Target, log: (line: string) => void): Promise<PortalResult> {
  if (!hasChromium()) throw new Error('no Chromium at /usr/bin/chromium (CHROMIUM_PATH)');
  const pairingId = await withAppContext(target, async ({ ctx, database }) => {
    const [top] = (await database.db.execute<{ id: string }>(sql`SELECT id FROM pairings WHERE name = '吉林省—浙江省'`))
      .rows;
    await fillDemo(ctx, top!.id);
    return top!.id;
  });
  const path = `/public/pairings/${pairingId}`;
  const server = await startDuikou(target);
  const browser = await launchChromium();
  try {
    const first = await loadOnce(browser, server.baseUrl + path);
    const cold: PortalLoad[] = [];
    for (let i = 0; i < LOADS; i++) cold.push(await loadOnce(browser, server.baseUrl + path));
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    const med = (f: (l: PortalLoad) => number) => median(cold.map(f));
    log(
      `  first page after start: rendered at ${first.renderedMs.toFixed(0)} ms; cold cache (median of ${LOADS}): ${kb(med((l) => l.transferred.document + l.transferred.stylesheet + l.transferred.script))} transferred (JS ${kb(med((l) => l.transferred.script))}), loaded at ${med((l) => l.loadMs).toFixed(0)} ms, rendered at ${med((l) => l.renderedMs).toFixed(0)} ms`,
    );
    return { engine: target.engine, path, serverStartMs: server.startupMs, first, cold };
  } finally {
    await browser.close();
    await server.stop();
  }
}
