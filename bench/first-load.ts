import { compressAs } from '../src/server/http/web-delivery.ts';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { createAdminWithCli, startDuikou, type Target } from './lib/duikou-server.ts';
import { BENCH_ADMIN, signInNationalOffice } from './lib/national-user.ts';
import { median } from './lib/stats.ts';
import { hasChromium, launchChromium } from '../src/web/e2e/browser.ts';
import { ensureWebBuilt } from '../src/web/e2e/build-web.ts';
import { appFiles, loadFirstScreen, type FirstScreen } from '../src/web/e2e/bundle-size.ts';

const COLD_LOADS = 5;

export interface LoadSample {
  transferred: number;
  /** Of which had arrived when the map was drawn. */
  firstScreen: number;
  decoded: number;
  /** Of which the web app's own files (/assets/). */
  appTransferred: number;
  requests: number;
  mapDrawnMs: number;
}

export interface JsonCost {
  path: string;
  bytes: number;
  /** As the server compresses it (http/web-delivery.ts compressAs). */
  brotli: { bytes: number; ms: number };
  gzip: { bytes: number; ms: number };
}

export interface FirstLoadResult {
  engine: Target['engine'];
  /** Cold loads (empty cache) of the dashboard, signed in, as the server sends it. */
  compressed: LoadSample[];
  /** The same with the browser asking for no compression (Accept-Encoding: identity): the server before issue 14. */
  identity: LoadSample[];
  /** Reloaded in the same browser profile: what the immutable caching saves. */
  warm: LoadSample;
  /** What compressing the dashboard's JSON answers costs, in this process, per answer. */
  json: JsonCost[];
}

function sample(s: FirstScreen): LoadSample {
  return {
    transferred: s.transferred,
    firstScreen: s.firstScreen,
    decoded: s.decoded,
    appTransferred: appFiles(s.transfers).reduce((sum, t) => sum + t.transferred, 0),
    requests: s.transfers.length,
    mapDrawnMs: s.mapDrawnMs,
  };
}

/** Median time of `fn` over enough runs to pass 200 ms, at least 5. */
function timeIt(fn: () => Buffer): { bytes: number; ms: number } {
  let bytes = 0;
  const times: number[] = [];
  const until = performance.now() + 200;
  while (times.length < 5 || performance.now() < until) {
    const t0 = performance.now();
    bytes = fn().length;
    times.push(performance.now() - t0);
  }
  return { bytes, ms: median(times) };
}

async function coldLoads(
  browser: Browser,
  baseUrl: string,
  cookie: string,
  n: number,
  headers: Record<string, string> = {},
) {
  const samples: LoadSample[] = [];
  let warm: LoadSample | null = null;
  for (let i = 0; i < n; i++) {
    const context = await browser.newContext({ baseURL: baseUrl, extraHTTPHeaders: headers });
    try {
      await context.addCookies(
        cookie.split('; ').map((pair) => {
          const eq = pair.indexOf('=');
          return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: baseUrl };
        }),
      );
      const first = await loadFirstScreen(context, '/');
      await first.page.close();
      samples.push(sample(first));
      if (i === 0) {
        const again = await loadFirstScreen(context, '/');
        await again.page.close();
        warm = sample(again);
      }
    } finally {
      await context.close();
    }
  }
  return { samples, warm: warm! };
}

/**
 * Stage "web" (issue 14): the signed-in national office opens the dashboard in headless Chromium with an empty
 * cache; the bytes come from the browser's network log (what was transferred, headers included), the time is from
 * the start of the navigation to the first frame with the map drawn. Loopback, so it measures the app, not a network.
 */
export async function measureFirstLoad(target: Target, log: (line: string) => void): Promise<FirstLoadResult> {
  if (!hasChromium()) throw new Error('no Chromium at /usr/bin/chromium (CHROMIUM_PATH)');
  ensureWebBuilt();
  await createAdminWithCli(target, BENCH_ADMIN.username, BENCH_ADMIN.password);
  const server = await startDuikou(target);
  const browser = await launchChromium();
  try {
    const user = await signInNationalOffice(server.baseUrl);
    // One load first so the server's own first-request work (compiling queries, loading the maps) is not counted.
    await coldLoads(browser, server.baseUrl, user.cookie, 1);
    const compressed = await coldLoads(browser, server.baseUrl, user.cookie, COLD_LOADS);
    const identity = await coldLoads(browser, server.baseUrl, user.cookie, 3, { 'accept-encoding': 'identity' });
    const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
    const med = (xs: LoadSample[], k: keyof LoadSample) => median(xs.map((x) => x[k]));
    log(
      `  compressed: first screen ${kb(med(compressed.samples, 'firstScreen'))}, ${kb(med(compressed.samples, 'transferred'))} in all, map drawn at ${med(compressed.samples, 'mapDrawnMs').toFixed(0)} ms (median of ${COLD_LOADS})`,
    );
    log(
      `  uncompressed: ${kb(med(identity.samples, 'transferred'))}, map at ${med(identity.samples, 'mapDrawnMs').toFixed(0)} ms; warm reload ${kb(compressed.warm.transferred)}`,
    );

    const paths = ['/api/dashboard', '/api/pairings?pageSize=100', '/api/auth/me', '/maps/china-simplified.json'];
    const json: JsonCost[] = [];
    for (const path of paths) {
      const res = await fetch(server.baseUrl + path, {
        headers: { cookie: user.cookie, 'accept-encoding': 'identity' },
      });
      if (!res.ok) throw new Error(`GET ${path} → ${res.status}`);
      const body = Buffer.from(await res.arrayBuffer());
      json.push({
        path,
        bytes: body.length,
        brotli: timeIt(() => compressAs('br', body)),
        gzip: timeIt(() => compressAs('gzip', body)),
      });
    }
    for (const j of json) log(`  ${j.path}: ${kb(j.bytes)} → br ${kb(j.brotli.bytes)} in ${j.brotli.ms.toFixed(2)} ms`);
    return {
      engine: target.engine,
      compressed: compressed.samples,
      identity: identity.samples,
      warm: compressed.warm,
      json,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
