import { describe, expect, it } from 'vitest';
import { SUMMARY_FIGURES } from '../../../common/api/summaries.ts';
import { translate } from '../../../common/i18n/messages.ts';
import { sideParams } from '../../../common/programme-sides.ts';
import { citedFigures, fillFigures, planSections, summarySections } from './summary-draft.ts';

const empty = { tasks: [], projects: [], parks: [], cadres: [], trainings: [], meetings: [], practices: [] };
const sidesOf = (a: string, b: string) =>
  sideParams({ a: { zh: a, en: a }, b: { zh: b, en: b } }, 'zh-CN', (key, params) => translate('zh-CN', key, params));
const northEast = sidesOf('东北地区', '东部地区');

describe('the draft of an annual summary', () => {
  it('cites every figure of the summary as {{code}}, each known, and leaves no placeholder of the template unfilled', () => {
    const sections = summarySections(2024, empty, northEast);
    const cited = new Set(sections.flatMap((s) => s.figures));
    expect([...cited].sort()).toEqual([...SUMMARY_FIGURES].sort());
    for (const s of sections) {
      expect(citedFigures(s.text)).toEqual({ figures: s.figures, unknown: [] });
      // A single-brace placeholder left over means a template parameter was not given (or collided with a code).
      expect(s.text.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/[{}]/);
    }
    expect(sections.find((s) => s.key === 'next_year')!.text).toContain('2025年');
  });

  it('names the records it lists, and at most eight of them with the count of the rest', () => {
    const parks = Array.from({ length: 10 }, (_, i) => ({
      name: `园区${i + 1}`,
      establishedOn: null,
      taxWan: null,
      pairing: 'p',
    }));
    const text = summarySections(2024, { ...empty, parks }, northEast).find((s) => s.key === 'parks')!.text;
    expect(text).toContain('园区1、园区2、园区3、园区4、园区5、园区6、园区7、园区8等10项');
  });

  it("names the sides as the pairing's programme names them, and no other programme's", () => {
    const cadres = (sides: ReturnType<typeof sidesOf>) =>
      summarySections(2024, empty, sides).find((s) => s.key === 'cadres')!.text;
    expect(cadres(northEast)).toContain(
      '东北地区赴东部地区挂职干部{{cadres_ne_to_east}}名，东部地区赴东北地区挂职干部',
    );
    const eastWest = summarySections(2024, empty, sidesOf('东部', '西部'));
    expect(eastWest.find((s) => s.key === 'cadres')!.text).toContain('东部赴西部挂职干部{{cadres_ne_to_east}}名');
    expect(eastWest.map((s) => s.text).join('')).not.toMatch(/东北/);
  });

  it('writes the figures in where the text cites them, and finds unknown codes', () => {
    expect(fillFigures('签约额{{signed_wan}}万元，{{tasks_done}}项', { signed_wan: '50000', tasks_done: '3' })).toBe(
      '签约额50000万元，3项',
    );
    expect(citedFigures('{{tasks_done}}{{bogus}}{{tasks_done}}')).toEqual({
      figures: ['tasks_done'],
      unknown: ['bogus'],
    });
  });

  it('words the plan from its items with their lead units and deadlines', () => {
    const [req, items] = planSections(2025, [
      { title: '共建产业园区', text: '推进园区建设。', deadline: '2025-12-31', units: '吉林省发展改革委' },
    ]);
    expect(req!.text).toContain('2025年');
    expect(items!.text).toBe('1. 共建产业园区。推进园区建设。（牵头单位：吉林省发展改革委；完成时限：2025-12-31）');
  });
});
