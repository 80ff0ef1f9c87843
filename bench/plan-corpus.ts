import { extractPlanText, normalisePlanText, parsePlan } from '../src/server/modules/plans/parser/index.ts';
import { planRegions } from '../src/server/modules/plans/plan-preview.service.ts';
import {
  brokenDocx,
  corpusPlans,
  corpusRates,
  type PlanScore,
  type Rates,
  scorePlan,
} from '../src/server/modules/plans/parser/test-support/corpus.ts';
import { hasCjkFont, planPdf } from '../src/server/modules/plans/parser/test-support/plan-documents.ts';

export type CorpusRendering = 'text' | 'docx' | 'pdf';

export interface CorpusResult {
  plans: number;
  /** Per rendering: precision and recall of sub-pairs and targets over the labelled corpus. */
  renderings: { rendering: CorpusRendering; subPairs: Rates; targets: Rates; misses: string[] }[];
  pdfSkipped?: string;
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/** What went wrong in a rendering, one line per plan with a miss or an extra, for the report and the log. */
function misses(scores: PlanScore[]): string[] {
  return scores.flatMap((s) => {
    const parts = [
      ...s.subPairs.missed.map((k) => `missed pair ${k}`),
      ...s.subPairs.extra.map((k) => `extra pair ${k}`),
      ...s.targets.missed.map((k) => `missed target ${k}`),
      ...s.targets.extra.map((k) => `extra target ${k}`),
    ];
    return parts.length ? [`${s.file}: ${parts.join('; ')}`] : [];
  });
}

/**
 * Issue 15: how well the parser reads plans it was not built on. Each labelled plan of the corpus
 * (src/server/modules/plans/parser/corpus) is parsed as text, as a Word file with hard returns between numbers and
 * units and a page break inside its list of pairs, and as a typeset PDF; found sub-pairs and targets are matched to
 * the labels.
 */
export async function measurePlanCorpus(log: (line: string) => void): Promise<CorpusResult> {
  const deps = { regions: planRegions() };
  const plans = corpusPlans();
  const pdfSkipped = hasCjkFont() ? undefined : 'no CJK font (@expo-google-fonts/noto-sans-sc) to typeset the PDF';
  const readers: [CorpusRendering, (text: string, file: string) => Promise<string>][] = [
    ['text', async (text) => text],
    ['docx', async (text, file) => extractPlanText(await brokenDocx(paragraphs(text)), `${file}.docx`)],
  ];
  if (!pdfSkipped) {
    readers.push(['pdf', async (text, file) => extractPlanText(await planPdf(paragraphs(text)), `${file}.pdf`)]);
  }
  const renderings: CorpusResult['renderings'] = [];
  for (const [rendering, read] of readers) {
    const scores: PlanScore[] = [];
    for (const p of plans) scores.push(scorePlan(parsePlan(await read(p.text, p.file), deps), p));
    const rates = corpusRates(scores);
    renderings.push({ rendering, ...rates, misses: misses(scores) });
    log(
      `  ${rendering}: sub-pairs precision ${pct(rates.subPairs.precision)}, recall ${pct(rates.subPairs.recall)} (${rates.subPairs.truePositives}/${rates.subPairs.labelled}); targets precision ${pct(rates.targets.precision)}, recall ${pct(rates.targets.recall)} (${rates.targets.truePositives}/${rates.targets.labelled})`,
    );
    for (const m of misses(scores)) log(`    ${m}`);
  }
  return { plans: plans.length, renderings, ...(pdfSkipped ? { pdfSkipped } : {}) };
}

function paragraphs(text: string): string[] {
  return normalisePlanText(text).lines.map((l) => l.text);
}

export { pct as corpusPercent };
