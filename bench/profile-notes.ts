/**
 * Where the time goes: written by hand from one-off profiles (EXPLAIN ANALYZE, node --cpu-prof), not re-measured by
 * each run. Kept here so that `npm run bench` reproduces it in docs/BENCHMARKS.md.
 */
export const PROFILE_NOTES = `### Where the time goes

(To be written from the profiles of this change.)`;
