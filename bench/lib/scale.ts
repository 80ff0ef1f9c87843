/**
 * BENCH_SCALE (default 1) shrinks the generated data of the plans and projects stages, so the whole stage can be
 * checked quickly (e.g. BENCH_SCALE=0.05). Figures from a scale other than 1 are a check that the stage runs, not
 * results: the report says so at the top.
 */
export function benchScale(): number {
  const raw = process.env.BENCH_SCALE;
  if (raw === undefined || raw === '') return 1;
  const s = Number(raw);
  if (!(s > 0 && s <= 1)) throw new Error(`BENCH_SCALE must be a number in (0, 1], not ${raw}`);
  return s;
}

/** `n` at the current scale, never below `min`. */
export function scaled(n: number, min = 1, scale = benchScale()): number {
  return Math.max(min, Math.round(n * scale));
}
