import type { PairingStatus } from '../../../common/api/enums.ts';
import type { PairingSummary } from '../../../common/api/pairings.ts';
import type { RegionRef } from '../../../common/api/regions.ts';

export const STATUS_COLOURS: Record<PairingStatus, string> = {
  active: '#c62828',
  exploratory: '#ef6c00',
  inactive: '#9e9e9e',
};

export interface LineDatum {
  pairingId: string;
  name: string;
  status: PairingStatus;
  coords: [[number, number], [number, number]];
  fromName: string;
  toName: string;
  lineStyle: { color: string };
}

export interface PointDatum {
  name: string;
  code: string;
  value: [number, number];
  pairingIds: string[];
  itemStyle: { color: string };
  label?: { position: 'left' | 'right' };
}

const located = (region: RegionRef): region is RegionRef & { lng: number; lat: number } =>
  region.lng !== null && region.lat !== null;

/**
 * One line from every located region of side A to every located region of side B (a side of several regions,
 * such as 长春市 with 长白山开发区, gives several lines), and one labelled point per region.
 */
export function pairingGeometry(pairings: PairingSummary[], separator: string) {
  const lines: LineDatum[] = [];
  const points = new Map<string, PointDatum>();
  const drawn = new Set<string>();
  // Regions drawn at the same place (吉林省 at its capital 长春市) share one point and one label.
  const place = (region: { lng: number; lat: number }) => `${region.lng.toFixed(2)},${region.lat.toFixed(2)}`;
  const addPoint = (region: RegionRef & { lng: number; lat: number }, pairing: PairingSummary) => {
    const key = place(region);
    const point = points.get(key) ?? {
      name: region.name,
      code: region.code,
      value: [region.lng, region.lat],
      pairingIds: [],
      itemStyle: { color: STATUS_COLOURS[pairing.status] },
    };
    if (!point.code.split(' ').includes(region.code)) {
      point.name = `${point.name}${separator}${region.name}`;
      point.code = `${point.code} ${region.code}`;
    }
    if (!point.pairingIds.includes(pairing.id)) point.pairingIds.push(pairing.id);
    points.set(key, point);
  };
  for (const pairing of pairings) {
    const sideA = pairing.sideA.filter(located);
    const sideB = pairing.sideB.filter(located);
    for (const region of [...sideA, ...sideB]) addPoint(region, pairing);
    for (const a of sideA) {
      for (const b of sideB) {
        if (a.lng === b.lng && a.lat === b.lat) continue;
        drawn.add(pairing.id);
        lines.push({
          pairingId: pairing.id,
          name: pairing.name,
          status: pairing.status,
          coords: [
            [a.lng, a.lat],
            [b.lng, b.lat],
          ],
          fromName: a.name,
          toName: b.name,
          lineStyle: { color: STATUS_COLOURS[pairing.status] },
        });
      }
    }
  }
  // A label would run into a neighbour just east of it (北京 and 天津, 广东 and 深圳): put it on the left.
  const all = [...points.values()];
  for (const p of all) {
    const crowded = all.some(
      (q) =>
        q !== p &&
        q.value[0] - p.value[0] > 0 &&
        q.value[0] - p.value[0] < 2 &&
        Math.abs(q.value[1] - p.value[1]) < 1.2,
    );
    if (crowded) p.label = { position: 'left' };
  }
  return { lines, points: all, drawnPairings: drawn.size };
}
