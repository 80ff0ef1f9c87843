import { parseChineseNumber } from './chinese-numerals.ts';
import type { Comparison, PlanTarget } from './types.ts';

// Longest first, so 万元 wins over 元 and 人次 over 人. 年, 月, 号, 市, 省 are never target units:
// "三年行动计划", "2020年", "22号", "苏南5市" are not targets.
const UNITS = [
  '个百分点',
  '平方公里',
  '万平方米',
  '万人次',
  '亿美元',
  '万美元',
  '平方米',
  '人次',
  '万人',
  '亿元',
  '万元',
  '美元',
  '公里',
  '万吨',
  '万亩',
  '%',
  '户',
  '家',
  '人',
  '个',
  '次',
  '名',
  '项',
  '所',
  '场',
  '套',
  '座',
  '条',
  '处',
  '台',
  '支',
  '亩',
  '吨',
  '元',
  '倍',
];
const AT_LEAST_WORDS = ['不少于', '不低于', '不小于', '至少', '超过', '多于', '大于', '达到', '突破'];
const AT_MOST_WORDS = ['不超过', '不高于', '不多于', '最多', '控制在'];
const APPROX_WORDS = ['约', '近'];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
const UNIT = `(?:${UNITS.map(esc).join('|')})`;
// Chinese numerals are lazy so that 五千万元 reads as 五千 + 万元.
const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿]+?)`;
const PREFIX = `(${[...AT_LEAST_WORDS, ...AT_MOST_WORDS, ...APPROX_WORDS].join('|')})?`;
const TARGET_RE = new RegExp(
  `${PREFIX}(${NUM})(?:${UNIT}?(?:[—\\-－~～]{1,2}|至|到)(${NUM}))?(余|多)?(${UNIT})(及以上|以上|以内|以下|之内|左右)?`,
  'g',
);

// A numeral that is part of a word: 统一, 唯一, 第一, 之一.
const WORD_BEFORE_RE = /[第统同唯单专逐之万每]$/;
// What follows a unit that shows it was not a count: 千人计划, 一次性, 一条龙, 千家万户.
const WORD_AFTER_RE = /^(?:计划|性|龙|万户|一)/;
const PER_YEAR_RE = /每年|年均|每年度|全年|一年/;
// "一个主园和三个分园", "两个平台": a small count in words describes the task unless the clause sets it as a goal.
const GOAL_WORDS_RE =
  /力争|目标|达到|新增|新建|建成|累计|完成|实现|不少于|至少|培育|引进|每年|年均|年内|共计|争取|确保/;
const DESCRIPTIVE_MAX = 10;

function value(s: string): number | null {
  if (/^\d/.test(s)) return Number(s.replace(/,/g, ''));
  return parseChineseNumber(s);
}

/** Spans of quoted or bracketed text, where numbers are names ("四个全面", 〔2017〕, 《…2016—2020年》). */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /“[^”]*”|《[^》]*》|〔[^〕]*〕|‘[^’]*’|"[^"]*"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * Quantitative targets in a task text: "选择10—20户" → 10..20 户, "培训千人以上" → ≥1000 人,
 * "不少于50家" → ≥50 家, "每年选择1—2个" → 1..2 个 per year. `places` are the spans of place names in the text:
 * a numeral inside one is part of the name (七台河市, 九台区, 五家渠市), never a count.
 */
export function extractTargets(text: string, places: readonly { start: number; end: number }[] = []): PlanTarget[] {
  const out: PlanTarget[] = [];
  const quoted = quotedSpans(text);
  TARGET_RE.lastIndex = 0;
  for (let m = TARGET_RE.exec(text); m; m = TARGET_RE.exec(text)) {
    const [source, prefix, n1, n2, approxMore, unit, suffix] = m;
    const start = m.index;
    const end = start + source.length;
    const numStart = start + (prefix?.length ?? 0);
    if (WORD_BEFORE_RE.test(text.slice(0, numStart))) continue;
    // 进一步 is a word; 引进三个项目 is a count.
    if (text.startsWith('进一步', numStart - 1)) continue;
    if (WORD_AFTER_RE.test(text.slice(end))) continue;
    if (quoted.some(([a, b]) => numStart >= a && numStart < b)) continue;
    if (places.some((p) => numStart < p.end && end > p.start)) continue;
    const lo = value(n1);
    const hi = n2 !== undefined ? value(n2) : null;
    if (lo === null || Number.isNaN(lo) || (n2 !== undefined && (hi === null || Number.isNaN(hi)))) continue;

    let comparison: Comparison = 'exactly';
    if (hi !== null) comparison = 'range';
    else if ((prefix && AT_LEAST_WORDS.includes(prefix)) || suffix === '以上' || suffix === '及以上' || approxMore)
      comparison = 'atLeast';
    else if ((prefix && AT_MOST_WORDS.includes(prefix)) || suffix === '以内' || suffix === '以下' || suffix === '之内')
      comparison = 'atMost';

    const sentenceStart = Math.max(text.lastIndexOf('。', start), text.lastIndexOf('；', start)) + 1;
    const perYear = PER_YEAR_RE.test(text.slice(sentenceStart, start)) || /^(?:\/年|每年)/.test(text.slice(end));
    const inWords = !/\d/.test(n1) && n2 === undefined;
    const clauseStart = Math.max(sentenceStart, text.lastIndexOf('，', start) + 1);
    if (
      inWords &&
      comparison === 'exactly' &&
      lo <= DESCRIPTIVE_MAX &&
      !GOAL_WORDS_RE.test(text.slice(clauseStart, start))
    )
      continue;

    out.push({
      min: comparison === 'atMost' ? null : lo,
      max: comparison === 'range' ? hi : comparison === 'atLeast' ? null : lo,
      unit,
      perYear,
      comparison,
      source,
    });
  }
  return out;
}
