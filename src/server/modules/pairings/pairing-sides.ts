export function uniqueCodes(codes: string[]): string[] {
  return [...new Set(codes)];
}

/** 吉林—浙江 and 浙江—吉林 are the same pairing, so the key orders the two sides as well as the codes within each. */
export function sidesKey(a: string[], b: string[]): string {
  const [x, y] = [[...a].sort().join(','), [...b].sort().join(',')].sort();
  return `${x}|${y}`;
}

/**
 * Where a sub-pair's sides leave its parent's: each region of a side must be one of the parent's regions on the
 * matching side or lie inside one (a city of a paired province). The sub-pair may name the parent's sides in
 * either order; the order that fits better is the one reported against. Answers the misplaced regions by side and
 * position, none when the sides fit.
 */
export function regionsOutsideParent(
  sides: { a: readonly string[]; b: readonly string[] },
  parent: { sideA: readonly string[]; sideB: readonly string[] },
  parentOf: (code: string) => string | null,
): { side: 'sideA' | 'sideB'; index: number; code: string }[] {
  const inside = (code: string, area: readonly string[]) => {
    for (let c: string | null = code; c; c = parentOf(c)) if (area.includes(c)) return true;
    return false;
  };
  const misfits = (pa: readonly string[], pb: readonly string[]) => [
    ...sides.a.flatMap((code, index) => (inside(code, pa) ? [] : [{ side: 'sideA' as const, index, code }])),
    ...sides.b.flatMap((code, index) => (inside(code, pb) ? [] : [{ side: 'sideB' as const, index, code }])),
  ];
  const straight = misfits(parent.sideA, parent.sideB);
  if (!straight.length) return [];
  const crossed = misfits(parent.sideB, parent.sideA);
  return crossed.length < straight.length ? crossed : straight;
}
