import { extractPlanText, normalisePlanText, parsePlan } from '../src/server/modules/plans/parser/index.ts';
import { planRegions } from '../src/server/modules/plans/plan-preview.service.ts';
import { hasCjkFont, planDocx, planPdf } from '../src/server/modules/plans/parser/test-support/plan-documents.ts';
import { SEED_FILES, seedText, type SeedName } from '../src/server/modules/plans/parser/test-support/seeds.ts';
import { quietly, type Quietly } from './lib/quiet.ts';
import { timedRuns, type Timing } from './lib/stats.ts';

export interface SeedParse {
  name: SeedName;
  file: string;
  title: string;
  chars: number;
  tasks: number;
  /** parsePlan on the text (normalise, structure, targets, sub-pairs, units). */
  txt: Timing;
  /** extractPlanText + parsePlan on a Word file of the same paragraphs; `bytes` is the file's size. */
  docx?: Timing & { bytes: number };
  pdf?: Timing & { bytes: number };
}

export interface ParseResult {
  seeds: SeedParse[];
  pdfSkipped?: string;
}

export const PARSE_RUNS = {
  txt: { warmup: 5, runs: 50 },
  docx: { warmup: 2, runs: 20 },
  pdf: { warmup: 1, runs: 10 },
} as const;

const countTasks = (plan: ReturnType<typeof parsePlan>) => {
  let n = 0;
  const walk = (s: (typeof plan.sections)[number]) => {
    n += s.tasks.length;
    (s.children ?? []).forEach(walk);
  };
  plan.sections.forEach(walk);
  return n;
};

/**
 * Issue 3: how long reading each seed plan takes, in this process (no server, no database): the text as it is, and
 * the same paragraphs as a .docx and a typeset .pdf made the way the parser's tests make them. Each figure is the
 * median and p95 of several runs after warm-up runs; the region list is loaded once before, as the server does.
 */
export async function measurePlanParsing(log: (line: string) => void): Promise<Quietly<ParseResult>> {
  const deps = { regions: planRegions() };
  const docs = new Map<SeedName, { docx: Buffer; pdf?: Buffer }>();
  const pdfSkipped = hasCjkFont() ? undefined : 'no CJK font (@expo-google-fonts/noto-sans-sc) to typeset the PDF';
  for (const name of Object.keys(SEED_FILES) as SeedName[]) {
    const text = seedText(name);
    const paragraphs = normalisePlanText(text).lines.map((l) => l.text);
    const title = parsePlan(text, deps).title;
    docs.set(name, {
      docx: await planDocx(paragraphs, title),
      pdf: pdfSkipped ? undefined : await planPdf(paragraphs, title),
    });
  }
  return quietly(
    async () => {
      const seeds: SeedParse[] = [];
      for (const name of Object.keys(SEED_FILES) as SeedName[]) {
        const text = seedText(name);
        const plan = parsePlan(text, deps);
        const tasks = countTasks(plan);
        const { docx, pdf } = docs.get(name)!;
        const viaFile = (buf: Buffer, file: string) => async () => {
          const got = countTasks(parsePlan(await extractPlanText(buf, file), deps));
          if (got !== tasks) throw new Error(`${file}: ${got} tasks, the text has ${tasks}`);
        };
        const seed: SeedParse = {
          name,
          file: SEED_FILES[name],
          title: plan.title,
          chars: text.length,
          tasks,
          txt: await timedRuns(() => parsePlan(text, deps), PARSE_RUNS.txt),
          docx: { ...(await timedRuns(viaFile(docx, `${name}.docx`), PARSE_RUNS.docx)), bytes: docx.length },
          ...(pdf
            ? { pdf: { ...(await timedRuns(viaFile(pdf, `${name}.pdf`), PARSE_RUNS.pdf)), bytes: pdf.length } }
            : {}),
        };
        log(
          `  ${SEED_FILES[name]} (${tasks} tasks): text ${seed.txt.median.toFixed(1)} ms (p95 ${seed.txt.p95.toFixed(1)}), .docx ${seed.docx!.median.toFixed(1)} ms, .pdf ${seed.pdf ? `${seed.pdf.median.toFixed(0)} ms` : 'skipped'}`,
        );
        seeds.push(seed);
      }
      return { seeds, ...(pdfSkipped ? { pdfSkipped } : {}) };
    },
    { retries: 0 },
  );
}
