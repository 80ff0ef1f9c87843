// Writes resources/maps/china-simplified.json, the map of China the national dashboard draws, from
// resources/maps/china.json (ECharts 4.9.0's map, 16,173 points): the same features, properties and compressed
// encoding, each ring simplified (Douglas–Peucker) to TOLERANCE degrees. The dashboard's map is 500 px high, about
// 10 px a degree, so the error is about half a pixel (a pixel once zoomed in twice), for a third of the points and
// less than half the bytes. Rings are never dropped: every island stays, with at least MIN_POINTS points.
// Usage: node scripts/maps/simplify-china-map.mjs
import fs from 'node:fs';
import path from 'node:path';

const TOLERANCE = 0.05;
const MIN_POINTS = 4;
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const source = JSON.parse(fs.readFileSync(path.join(REPO, 'resources/maps/china.json'), 'utf8'));
const scale = source.UTF8Scale ?? 1024;

/** ECharts' compressed ring (parseGeoJson.js decodeRing): zigzag deltas from the offsets, as integers. */
function decodeRing(text, [x0, y0]) {
  const points = [];
  let x = x0;
  let y = y0;
  for (let i = 0; i < text.length; i += 2) {
    const dx = text.charCodeAt(i) - 64;
    const dy = text.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    points.push([x, y]);
  }
  return points;
}

function encodeRing(points) {
  const [x0, y0] = points[0];
  let px = x0;
  let py = y0;
  let text = '';
  for (const [x, y] of points) {
    for (const delta of [x - px, y - py]) {
      const code = ((delta << 1) ^ (delta >> 31)) + 64;
      if (code >= 0xd800) throw new Error(`a step of ${delta} does not fit the encoding`);
      text += String.fromCharCode(code);
    }
    px = x;
    py = y;
  }
  return { text, offsets: [x0, y0] };
}

function distanceToSegment([x, y], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2)) : 0;
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** Douglas–Peucker on the integer points (the tolerance in the same units). */
function simplify(points, tolerance) {
  const kept = new Uint8Array(points.length);
  kept[0] = kept[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let worst = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > worst) [worst, index] = [d, i];
    }
    if (index >= 0 && worst > tolerance) {
      kept[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  let result = points.filter((_, i) => kept[i]);
  // A small island reduced to a line would vanish: it keeps MIN_POINTS of its points, evenly spaced.
  if (result.length < MIN_POINTS && points.length >= MIN_POINTS) {
    const step = (points.length - 1) / (MIN_POINTS - 1);
    result = Array.from({ length: MIN_POINTS }, (_, i) => points[Math.round(i * step)]);
  }
  return result;
}

let before = 0;
let after = 0;
const features = source.features.map((feature) => {
  const { type, coordinates, encodeOffsets } = feature.geometry;
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  const offsets = type === 'Polygon' ? [encodeOffsets] : encodeOffsets;
  const simplified = polygons.map((rings, p) =>
    rings.map((ring, r) => {
      const points = decodeRing(ring, offsets[p][r]);
      const kept = simplify(points, TOLERANCE * scale);
      before += points.length;
      after += kept.length;
      return encodeRing(kept);
    }),
  );
  const rings = simplified.map((polygon) => polygon.map((ring) => ring.text));
  const ringOffsets = simplified.map((polygon) => polygon.map((ring) => ring.offsets));
  return {
    ...feature,
    geometry: {
      type,
      coordinates: type === 'Polygon' ? rings[0] : rings,
      encodeOffsets: type === 'Polygon' ? ringOffsets[0] : ringOffsets,
    },
  };
});

const out = path.join(REPO, 'resources/maps/china-simplified.json');
fs.writeFileSync(out, JSON.stringify({ ...source, features }));
console.log(`${before} → ${after} points, ${fs.statSync(out).size} bytes: ${path.relative(REPO, out)}`);
