import { describe, expect, it } from 'vitest';
import { cleanLineText, normalisePlanText } from './normalise.ts';

describe('cleanLineText', () => {
  it('turns full-width digits and odd dots into plain ones and drops layout spaces', () => {
    expect(cleanLineText('２２﹒探索合作产业园区共建')).toBe('22．探索合作产业园区共建');
    expect(cleanLineText('（国发〔2016〕62 号）')).toBe('（国发〔2016〕62号）');
    expect(cleanLineText('选择 10—20 户国有企业')).toBe('选择10—20户国有企业');
    expect(cleanLineText('推进 PPP model 改革')).toBe('推进PPP model改革');
  });

  it('drops stray words of extraction', () => {
    expect(cleanLineText('推动两省 and 开展合作')).toBe('推动两省开展合作');
    expect(cleanLineText('（上接第一版）支持东北地区')).toBe('支持东北地区');
    expect(cleanLineText('落实到位。 据中国政府网')).toBe('落实到位。');
  });
});

describe('normalisePlanText', () => {
  it('joins broken lines, drops page numbers and keeps headings apart', () => {
    const text = [
      '附件',
      '',
      '某省与某省对口合作实施方案',
      '',
      '一、重点任务',
      '',
      '（一）体制机制创新',
      '',
      '1．全面对标浙江省推进行政审批制度改革的成功经验，借',
      '',
      '2',
      '',
      ' 鉴浙江省行政许可权相对集中改革等先进做法。',
      '',
      '2．借鉴浙江省有关经验，推进企业投资项目承诺制改革试点。',
      '',
    ].join('\n');
    const n = normalisePlanText(text);
    expect(n.lines.map((l) => l.text)).toEqual([
      '附件',
      '某省与某省对口合作实施方案',
      '一、重点任务',
      '（一）体制机制创新',
      '1．全面对标浙江省推进行政审批制度改革的成功经验，借鉴浙江省行政许可权相对集中改革等先进做法。',
      '2．借鉴浙江省有关经验，推进企业投资项目承诺制改革试点。',
    ]);
    expect(n.lines[4].sourceLines).toEqual([9, 13]);
    expect(n.removed).toEqual([{ line: 11, text: '2', reason: 'page-number' }]);
    expect(n.lines.map((l) => l.marker?.kind ?? null)).toEqual([null, null, 'top', 'sub', 'item', 'item']);
  });

  it('does not take a wrapped line that starts with a number for a new item', () => {
    const text = ['3．支持浙江企业参与改革，选择', '10、20户国有企业试点。', '4．借鉴经验。'].join('\n');
    const lines = normalisePlanText(text).lines;
    expect(lines.map((l) => l.marker?.value)).toEqual([3, 4]);
    expect(lines[0].text).toBe('3．支持浙江企业参与改革，选择10、20户国有企业试点。');
  });

  it('drops running headers repeated on every page but keeps the title', () => {
    const page = (n: number, body: string) => [`某某实施方案`, body, String(n)];
    const text = [...page(1, '一、总体要求'), ...page(2, '二、重点任务'), ...page(3, '三、保障措施')].join('\n');
    const n = normalisePlanText(text);
    expect(n.lines.map((l) => l.text)).toEqual(['某某实施方案', '一、总体要求', '二、重点任务', '三、保障措施']);
    expect(n.removed.filter((r) => r.reason === 'running-header')).toHaveLength(2);
  });
});
