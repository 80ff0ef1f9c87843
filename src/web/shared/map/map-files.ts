/*
 * The map files (/maps, resources/maps) fetched without ECharts: the dashboard asks for the map of China while its
 * own chunk (with ECharts) still downloads, so the two arrive together instead of one after the other.
 */

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

let china: Promise<unknown> | null = null;

/**
 * The map of China's GeoJSON, fetched once (again after a failure): the simplified copy (a third of the points,
 * scripts/maps/simplify-china-map.mjs), as exact as the screen shows it and quicker to fetch and to draw.
 */
export function chinaMapFile(): Promise<unknown> {
  china ??= fetchJson<unknown>('/maps/china-simplified.json').catch((err: unknown) => {
    china = null;
    throw err;
  });
  return china;
}

/** Starts fetching the map of China for a page about to draw it; a failure is left to the map to report. */
export function prefetchChinaMap(): void {
  chinaMapFile().catch(() => undefined);
}
