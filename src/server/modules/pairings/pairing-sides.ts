export function uniqueCodes(codes: string[]): string[] {
  return [...new Set(codes)];
}

/** 吉林—浙江 and 浙江—吉林 are the same pairing, so the key orders the two sides as well as the codes within each. */
export function sidesKey(a: string[], b: string[]): string {
  const [x, y] = [[...a].sort().join(','), [...b].sort().join(',')].sort();
  return `${x}|${y}`;
}
