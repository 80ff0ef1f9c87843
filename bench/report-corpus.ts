import type { BenchResults } from './run.ts';
import { corpusPercent as pct } from './plan-corpus.ts';

const RENDERING = {
  text: 'text',
  docx: '.docx (hard returns between numbers and units, page break in the list)',
  pdf: '.pdf (typeset, A4)',
};

/** Issue 15: precision and recall of the plan parser on the labelled corpus of plans it was not built on. */
export function corpusSection(r: BenchResults): string {
  const c = r.corpus;
  const head = '### 4.4 Plans never seen: sub-pairs and targets on the labelled corpus (issue 15)';
  if (!c) return `${head}\n\nNot measured in this run.`;
  const rows = c.renderings.map((x) => [
    RENDERING[x.rendering],
    `${pct(x.subPairs.precision)} / ${pct(x.subPairs.recall)} (${x.subPairs.truePositives} of ${x.subPairs.labelled}, ${x.subPairs.found} found)`,
    `${pct(x.targets.precision)} / ${pct(x.targets.recall)} (${x.targets.truePositives} of ${x.targets.labelled}, ${x.targets.found} found)`,
  ]);
  const table = [
    '| Rendering | sub-pairs: precision / recall | targets: precision / recall |',
    '|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
  const misses = c.renderings.flatMap((x) => x.misses.map((m) => `- ${x.rendering}: ${m}`));
  return `${head}

The ${c.plans} plans of \`src/server/modules/plans/parser/corpus\` (written in the genre's phrasings: lists of district
and zone pairs with remarks in brackets, sides without their city, names several cities bear, one side with several
partners, zones, place names with numerals), each labelled with its sub-pairs and targets. A found sub-pair counts when
its task and the codes of both sides match a label (a name that must stay unresolved matches by name); a target when its
task, bounds and unit do.${c.pdfSkipped ? ` PDF: ${c.pdfSkipped}.` : ''}

${table}
${misses.length ? `\nWhat was missed or found in excess:\n\n${misses.join('\n')}\n` : ''}`;
}
