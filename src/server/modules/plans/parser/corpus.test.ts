import { describe, expect, it } from 'vitest';
import { extractPlanText } from './extract-text.ts';
import { normalisePlanText } from './normalise.ts';
import { allTasks, parsePlan } from './parse-plan.ts';
import { brokenDocx, corpusPlans, corpusRates, scorePlan } from './test-support/corpus.ts';
import { noisyVariant } from './test-support/noisy-text.ts';
import { hasCjkFont, planPdf } from './test-support/plan-documents.ts';
import { regions } from './test-support/seeds.ts';

const deps = () => ({ regions: regions() });
const plans = corpusPlans();

/** Issue 15: the labelled plans of the genre: every sub-pair and target found, nothing else, in every rendering. */
describe.each(plans)('corpus: $file', (label) => {
  const expectLabels = (text: string) => {
    const score = scorePlan(parsePlan(text, deps()), label);
    expect(score.tasks, 'tasks').toBe(label.tasks);
    expect({ missed: score.subPairs.missed, extra: score.subPairs.extra }, 'sub-pairs').toEqual({
      missed: [],
      extra: [],
    });
    expect({ missed: score.targets.missed, extra: score.targets.extra }, 'targets').toEqual({ missed: [], extra: [] });
  };
  const paragraphs = normalisePlanText(label.text).lines.map((l) => l.text);

  it('text: the labelled sub-pairs and targets, and the plan’s two sides', () => {
    expectLabels(label.text);
    expect(parsePlan(label.text, deps()).sides.map((s) => s.code)).toEqual(label.sides);
  });

  it('wrapped narrow with page numbers and running headers inside the lists', () => {
    for (const seed of [1, 2, 3]) {
      const noisy = noisyVariant(label.text, {
        seed,
        minWidth: 14,
        maxWidth: 22,
        pageLines: 8,
        runningHeader: paragraphs[0],
      });
      expect(normalisePlanText(noisy).removed.some((r) => r.reason === 'page-number')).toBe(true);
      expectLabels(noisy);
    }
  });

  it('.docx with numbers broken from their units and a page break inside the list', async () => {
    const text = await extractPlanText(await brokenDocx(paragraphs), `${label.file}.docx`);
    if (label.targets.some((t) => t.min !== null && t.min >= 10)) expect(text).toMatch(/\d\n+[个家项次名人户场条亿万]/);
    expectLabels(text);
  });

  it.runIf(hasCjkFont())(
    '.pdf typeset on A4',
    async () => {
      const pdf = await planPdf(paragraphs, paragraphs[0]);
      expectLabels(await extractPlanText(pdf, `${label.file}.pdf`));
    },
    60_000,
  );
});

describe('corpus: resolution in context', () => {
  const plan = (file: string) => parsePlan(plans.find((p) => p.file === file)!.text, deps());

  it('reports a name several regions bear on each side instead of guessing', () => {
    const task = allTasks(plan('liaoning-jiangsu-2026.txt')).find((t) => t.no === 3)!;
    expect(task.subPairs).toHaveLength(1);
    const [pair] = task.subPairs;
    expect(pair.a).toEqual([
      {
        name: '铁西区',
        code: null,
        candidates: [
          { name: '沈阳市铁西区', code: '210106' },
          { name: '鞍山市铁西区', code: '210303' },
        ],
      },
    ]);
    expect(pair.b[0].candidates?.map((c) => c.name)).toEqual(['南京市鼓楼区', '徐州市鼓楼区']);
  });

  it('resolves the same names within the parent pairing or the city named before them', () => {
    const task1 = allTasks(plan('liaoning-jiangsu-2026.txt')).find((t) => t.no === 1)!;
    const pair = task1.subPairs.find((p) => p.a[0].name === '铁西区')!;
    expect([pair.a[0].code, pair.b[0].code]).toEqual(['210303', '320302']);
    const sy = allTasks(plan('shenyang-beijing-2026.txt'))[0];
    expect(sy.subPairs.find((p) => p.b[0].name === '朝阳区')!.b[0].code).toBe('110105');
    const cc = allTasks(plan('changchun-tianjin-revised.txt'))[0];
    expect(cc.subPairs.find((p) => p.b[0].name === '河东区')!.b[0].code).toBe('120102');
  });

  it('keeps a zone the registry does not know as a name, never drops it', () => {
    const task = allTasks(plan('dalian-shanghai-2026.txt')).find((t) => t.no === 2)!;
    expect(task.subPairs.map((p) => [p.a, p.b])).toEqual([
      [[{ name: '大连太平湾合作创新区', code: null }], [{ name: '上海临港新片区', code: null }]],
    ]);
  });

  it('reads no pair from a remark in brackets', () => {
    const task = allTasks(plan('heilongjiang-guangdong-2026.txt'))[0];
    const names = task.subPairs.flatMap((p) => [...p.a, ...p.b].map((r) => r.name));
    expect(names).not.toContain('松北区');
    expect(names).not.toContain('黄埔区');
  });

  it('prints precision and recall over the corpus', () => {
    const rates = corpusRates(plans.map((p) => scorePlan(parsePlan(p.text, deps()), p)));
    expect(rates.subPairs.labelled).toBeGreaterThan(60);
    expect(rates.subPairs).toMatchObject({ precision: 1, recall: 1 });
    expect(rates.targets).toMatchObject({ precision: 1, recall: 1 });
  });
});
