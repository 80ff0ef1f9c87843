import type { EvaluationsResult } from './evaluations.ts';
import { median } from './lib/stats.ts';
import type { BenchResults } from './run.ts';

const ENGINE = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;
/** Issue 12: a whole round over the 10× data under 5 s, and within 1.5× of hand-written SQL for the same figures. */
const ROUND_TARGET_MS = 5_000;
const RATIO_TARGET = 1.5;
const n = (v: number) => Math.round(v).toLocaleString('en-US');
const mark = (ok: boolean) => (ok ? ' ✓' : ' ✗');

function row(e: EvaluationsResult): string {
  const lib = median(e.libraryMs);
  const hand = median(e.handMs);
  const ratio = lib / hand;
  return `| ${ENGINE[e.engine]} | ${e.subjects} × ${e.indicators} (${e.measures} measures) | ${n(lib)} ms | ${n(hand)} ms | **${ratio.toFixed(2)}×**${mark(ratio <= RATIO_TARGET)} | **${n(e.closeMs)} ms**${mark(e.closeMs < ROUND_TARGET_MS)} | ${e.agree ? 'yes' : '**no**'} |`;
}

/** Stage 8 (issue 12): one evaluation round over the 10× national dataset. */
export function evaluationsSection(r: BenchResults): string {
  const runs = r.evaluations ?? [];
  const title = '## 8. One evaluation round (issue 12)';
  if (!runs.length) return `${title}\n\nNot measured in this run.`;
  const d = runs[0]!.data;
  return `${title}

Every built-in indicator for every pairing and sub-pair, year ${runs[0]!.year}, on the mix's data plus bulk records:
${Object.entries(d)
  .map(([k, v]) => `${k} ${n(v)}`)
  .join(', ')}. Medians of 3, in the service (no HTTP). "Library": the figures as the indicator library computes them
(one statement, one pass per family of measures, rolled up sub-pair → pair). "Hand-written": one query over all source tables, every
figure of a table in one pass with FILTER, the same roll-up. "Close": the whole close of the round (figures, frozen
values, scores, ranks, grades written). Targets: close under ${ROUND_TARGET_MS / 1000} s, library within ${RATIO_TARGET}× of hand-written.

| engine | subjects × indicators | library | hand-written | ratio | close of the round | same figures |
|---|---|---|---|---|---|---|
${runs.map(row).join('\n')}

Annual summary (年度工作总结) of the pairing with the most projects signed in the year, its sub-pairs rolled in:
drafted from the records and written as the 公文 Word file, then with the Excel annex (\`exportPairingYear\`, as
\`duikou summary export\` does; medians of 3). Target: the Word file under ${SUMMARY_TARGET_MS / 1000} s.

| engine | pairing (projects of the year) | Word file | Word + Excel annex | Word size |
|---|---|---|---|---|
${runs.map(summaryRow).join('\n')}`;
}

/** Issue 12: the annual summary's Word file for one pairing under 2 s. */
const SUMMARY_TARGET_MS = 2_000;

function summaryRow(e: EvaluationsResult): string {
  const s = e.summary;
  if (!s) return `| ${ENGINE[e.engine]} | — | not measured | | |`;
  const docx = median(s.docxMs);
  return `| ${ENGINE[e.engine]} | ${s.pairing} (${n(s.projects)}) | **${n(docx)} ms**${mark(docx < SUMMARY_TARGET_MS)} | ${n(median(s.withXlsxMs))} ms | ${n(s.docxBytes / 1024)} KB |`;
}
