import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

/** The built web app (vite.config.ts: outDir). */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/** One response as the browser received it (Chrome DevTools protocol, Network domain). */
export interface Transfer {
  url: string;
  status: number;
  mimeType: string;
  contentEncoding: string | null;
  cacheControl: string | null;
  /** Bytes on the wire, headers included: what DevTools calls "transferred". 0 when served from the cache. */
  transferred: number;
  /** The body after decompression. */
  decoded: number;
  fromCache: boolean;
}

export interface FirstScreen {
  transfers: Transfer[];
  /** Sum of `transferred` over every response of the load, until the network was idle. */
  transferred: number;
  /** What had arrived when the map was drawn: the first screen, without what loads later below it. */
  firstScreen: number;
  decoded: number;
  /** Milliseconds from the start of the navigation to the first frame with the map drawn. */
  mapDrawnMs: number;
}

/** The dashboard's map: its canvas exists and has paint on it (navigator.webdriver turns its animation off). */
function mapDrawn(selector: string): number | false {
  const canvas = document.querySelector<HTMLCanvasElement>(`${selector} canvas`);
  if (!canvas?.width || !canvas.height) return false;
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let painted = 0;
  for (let i = 3; i < data.length; i += 64) if (data[i]) painted++;
  return painted > data.length / 64 / 50 ? performance.now() : false;
}

/**
 * Loads `url` in a new page of `context` and records every response from the network (not sizes on disk): the
 * bytes the server really sent, compressed or not. A new context has an empty cache, so the first call is a cold
 * load; a second call in the same context shows what the cache saves. Resolves once the map is drawn and the
 * network has been idle.
 */
export async function loadFirstScreen(
  context: BrowserContext,
  url: string,
  mapSelector = '[data-testid="dashboard-map"]',
): Promise<FirstScreen & { page: Page }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const seen = new Map<string, Transfer>();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const header = (name: string) =>
      Object.entries(response.headers)
        .find(([k]) => k.toLowerCase() === name)?.[1]
        ?.toString() ?? null;
    seen.set(requestId, {
      url: response.url,
      status: response.status,
      mimeType: response.mimeType,
      contentEncoding: header('content-encoding'),
      cacheControl: header('cache-control'),
      transferred: 0,
      decoded: 0,
      fromCache: !!(response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker),
    });
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const t = seen.get(requestId);
    if (t) t.decoded += dataLength;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const t = seen.get(requestId);
    if (t) t.transferred = t.fromCache ? 0 : encodedDataLength;
  });
  await cdp.send('Network.enable');
  await page.goto(url);
  const handle = await page.waitForFunction(mapDrawn, mapSelector, { polling: 'raf', timeout: 60_000 });
  const mapDrawnMs = (await handle.jsonValue()) as number;
  const firstScreen = [...seen.values()].reduce((sum, t) => sum + t.transferred, 0);
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  const transfers = [...seen.values()];
  return {
    page,
    transfers,
    transferred: transfers.reduce((s, t) => s + t.transferred, 0),
    firstScreen,
    decoded: transfers.reduce((s, t) => s + t.decoded, 0),
    mapDrawnMs,
  };
}

/** The web app's own files among the transfers (not the API, not the map data). */
export const appFiles = (transfers: Transfer[]) =>
  transfers.filter((t) => new URL(t.url).pathname.startsWith('/assets/'));
