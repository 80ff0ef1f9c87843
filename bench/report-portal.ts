import type { BenchResults } from './run.ts';
import { median } from './lib/stats.ts';
import { PORTAL_JS_BUDGET, PORTAL_TARGET_MS, type PortalLoad } from './portal.ts';

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Issue 13's section: a pairing's public page in headless Chromium, cold. */
export function portalSection(r: BenchResults): string {
  const rows = r.portal ?? [];
  if (!rows.length) return '';
  const lines = rows.flatMap((x) => {
    const med = (f: (l: PortalLoad) => number) => median(x.cold.map(f));
    const row = (label: string, f: (l: PortalLoad) => number) =>
      `| ${x.engine} | ${label} | ${kb(f(x.first))} | ${kb(med(f))} |`;
    return [
      row('HTML (document)', (l) => l.transferred.document),
      row('CSS', (l) => l.transferred.stylesheet),
      row('JavaScript', (l) => l.transferred.script),
      row('images', (l) => l.transferred.image),
      row('HTML + CSS + JS bodies as sent (compressed)', (l) => l.body.document + l.body.stylesheet + l.body.script),
    ];
  });
  const times = rows.map((x) => {
    const med = (f: (l: PortalLoad) => number) => median(x.cold.map(f));
    const met =
      Math.max(
        x.first.renderedMs,
        med((l) => l.renderedMs),
      ) < PORTAL_TARGET_MS
        ? 'met'
        : 'not met';
    return `| ${x.engine} | ${ms(x.serverStartMs)} | ${ms(x.first.ttfbMs)} / ${ms(x.first.loadMs)} / ${ms(x.first.renderedMs)} | ${ms(med((l) => l.ttfbMs))} / ${ms(med((l) => l.loadMs))} / ${ms(med((l) => l.renderedMs))} | ${met} |`;
  });
  const js = rows.every(
    (x) => Math.max(x.first.transferred.script, ...x.cold.map((l) => l.transferred.script)) < PORTAL_JS_BUDGET,
  );
  return `## 11. The public portal's first screen (issue 13)

A pairing's public page (\`${rows[0]!.path.replace(/[0-9a-f-]{36}/, ':id')}\`, after demo fill: a published news item, two public
projects, a public park, press figures) opened without an account in headless Chromium, each load in a new browser
context (empty cache), on loopback. "First" is the server's first page after its start; the others are the median
of ${rows[0]!.cold.length} cold-cache loads. Bytes from the browser's network log (headers included unless said); "rendered" is the first frame after the load event.
Targets: under ${PORTAL_JS_BUDGET / 1024} KB of compressed JavaScript (${js ? 'met: the portal sends none' : 'not met'}), rendered under ${PORTAL_TARGET_MS} ms.

| engine | resource | first | cold (median) |
|---|---|---|---|
${lines.join('\n')}

| engine | server start to first 200 | first: first byte / load / rendered | cold: first byte / load / rendered | rendered under ${PORTAL_TARGET_MS} ms |
|---|---|---|---|---|
${times.join('\n')}
`;
}
