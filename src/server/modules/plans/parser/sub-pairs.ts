import type { RegionMatcher, RegionMention } from './region-mentions.ts';
import type { RegionRef, SubPair } from './types.ts';

export interface PairContext {
  matcher: RegionMatcher;
  /** Codes of the plan's own two sides: a pair of exactly these is the plan itself, not a sub-pair. */
  sideCodes: [string | null, string | null] | null;
}

type Side = 'A' | 'B';
type Glue = 'conn' | 'and' | 'list' | 'strong' | 'break';

interface Mention extends RegionMention {
  /** "江苏省有关城市": the province stands for cities the text does not name. */
  unnamed?: string;
}

const UNNAMED_RE = /^(?:有关|相关|其他|部分)(?:城市|地区|市县|县区|县市|市|县|区)/;
const EXPLORATORY_RE = /^主动(?:对接|联系|融入)([^，。；,;]{0,12})/;

const THEMES: [RegExp, string][] = [
  [/互联网/, '互联网+'],
  [/装备制造/, '装备制造'],
  [/旅游/, '旅游'],
  [/医药|医疗|健康|养老/, '医药健康'],
  [/农业|农产品|粮食/, '农业'],
  [/双创|创新创业|创业创新/, '双创'],
  [/科技|技术|研发/, '科技'],
  [/城市建设|城市规划|城市管理|城建/, '城市建设'],
  [/服务业/, '服务业'],
  [/物流/, '物流'],
  [/金融/, '金融'],
  [/文化/, '文化'],
  [/教育|人才/, '人才教育'],
];
const THEME_PATTERNS: RegExp[] = [
  /^(?:两[市地省区县])?(?:结对)?(?:共同)?(?:打造|共建|建设|创建)(.{1,16}?)(?:产业)?(?:合作)?(?:标杆|样板|示范)/,
  /^(?:结对)?(?:开展|加强|深化)(.{1,12}?)(?:产业)?(?:合作|交流)/,
  /^在(.{1,12}?)(?:等)?方面/,
];

/** Canonical theme for a phrase such as "“互联网+”" or "科技研发与转化"; the phrase itself if none fits. */
export function themeOf(phrase: string): string {
  const p = phrase.replace(/[“”"‘’]/g, '');
  for (const [re, theme] of THEMES) if (re.test(p)) return theme;
  return p.replace(/(?:产业|行业)$/, '');
}

function readTheme(after: string): { theme: string; length: number } | null {
  const clause = /^[^。；;！？]*/.exec(after)![0];
  for (const re of THEME_PATTERNS) {
    const m = re.exec(clause);
    if (m && m[1].replace(/[“”"]/g, '').length >= 2) return { theme: themeOf(m[1]), length: m[0].length };
  }
  return null;
}

function glueOf(between: string): Glue {
  const g = between.trim();
  if (/^(?:与|同|跟)$/.test(g)) return 'conn';
  if (g === '和') return 'and';
  if (/^(?:、|及|以及|、以及|、及)$/.test(g)) return 'list';
  if (/^[，；,;]$/.test(g)) return 'strong';
  return 'break';
}

const ref = (m: RegionMention): RegionRef => ({ name: m.name, code: m.record.code });

/** Sentences with their offsets; pairs never span a full stop. */
function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^。！？!?]+[。！？!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], start: m.index });
  return out;
}

/**
 * Finds sub-pairs named in a text: "长春市、长白山开发区管委会与杭州市；吉林市与温州市", "辽宁省与江苏省，吉林省与
 * 浙江省", "支持辽宁省盘锦市与江苏省无锡市结对打造…", "A 与 B、C 与 D 和 E". Names joined by 与 / 同 (and 和 when
 * it joins a north-eastern and an eastern name) form a pair; 、 及 和 extend a side while the next name is on the
 * same side, so "B、C" splits where the side changes.
 */
export function findSubPairs(text: string, ctx: PairContext): SubPair[] {
  const pairs: SubPair[] = [];
  for (const sentence of sentences(text)) {
    if (!/[与和同]|主动/.test(sentence.text)) continue;
    const s = sentence.text;
    const mentions: Mention[] = ctx.matcher.find(s);
    if (mentions.length === 0) continue;
    for (const m of mentions) {
      const u = UNNAMED_RE.exec(s.slice(m.end));
      if (u) m.unnamed = u[0];
    }
    const side = (m: Mention): Side => sideOf(m, ctx);
    pairs.push(...pairsInSentence(s, mentions, side, ctx));
    pairs.push(...exploratoryInSentence(s, mentions));
  }
  return pairs;
}

function sideOf(m: RegionMention, ctx: PairContext): Side {
  const [a, b] = ctx.sideCodes ?? [null, null];
  if (a && ctx.matcher.isWithin(m.record, a)) return 'A';
  if (b && ctx.matcher.isWithin(m.record, b)) return 'B';
  return ctx.matcher.isNorthEast(m.record) ? 'A' : 'B';
}

function pairsInSentence(s: string, ms: Mention[], side: (m: Mention) => Side, ctx: PairContext): SubPair[] {
  const n = ms.length;
  const glue: Glue[] = [];
  for (let k = 0; k + 1 < n; k++) glue.push(glueOf(s.slice(ms[k].end, ms[k + 1].start)));
  const isConnector = (k: number) =>
    k >= 0 && k < glue.length && (glue[k] === 'conn' || (glue[k] === 'and' && side(ms[k]) !== side(ms[k + 1])));
  const joinsSide = (k: number) => (glue[k] === 'list' || glue[k] === 'and') && !isConnector(k);

  const out: SubPair[] = [];
  let lastRight = -1;
  for (let k = 0; k < glue.length; k++) {
    if (!isConnector(k)) continue;
    let first = k;
    while (first - 1 > lastRight && joinsSide(first - 1) && side(ms[first - 1]) === side(ms[k])) first--;
    let last = k + 1;
    while (last + 1 < n && joinsSide(last) && !isConnector(last + 1) && side(ms[last + 1]) === side(ms[k + 1])) last++;
    lastRight = last;

    const left = ms.slice(first, k + 1);
    const right = ms.slice(k + 1, last + 1);
    const leftSide = side(ms[k]);
    const rightSide = side(ms[k + 1]);
    if (leftSide === rightSide) continue; // 沈阳市与大连市: two cities of one side are not a pair
    if (left.some((m) => m.unnamed)) continue;
    if (isPlanItself(left, right, ctx)) continue;

    let end = ms[last].end;
    const unnamed = right.find((m) => m.unnamed);
    if (unnamed) end = unnamed.end + unnamed.unnamed!.length;
    const theme = readTheme(s.slice(end));
    if (theme) end += theme.length;

    const named = right.filter((m) => !m.unnamed);
    const [a, b] = leftSide === 'A' ? [left.map(ref), named.map(ref)] : [named.map(ref), left.map(ref)];
    const pair: SubPair = { a, b, source: s.slice(ms[first].start, end) };
    if (theme) pair.theme = theme.theme;
    if (unnamed) pair.note = `${unnamed.name}${unnamed.unnamed}（未具名）`;
    out.push(pair);
  }
  return out;
}

function isPlanItself(left: RegionMention[], right: RegionMention[], ctx: PairContext): boolean {
  const codes = ctx.sideCodes;
  if (!codes || left.length !== 1 || right.length !== 1) return false;
  const pair = [left[0].record.code, right[0].record.code];
  return pair.includes(codes[0] ?? '') && pair.includes(codes[1] ?? '');
}

/** "支持内蒙古自治区主动对接东部省市，探索建立相应合作机制": one side only, not yet a pairing. */
function exploratoryInSentence(s: string, ms: Mention[]): SubPair[] {
  if (!/探索/.test(s)) return [];
  const out: SubPair[] = [];
  for (const m of ms) {
    const e = EXPLORATORY_RE.exec(s.slice(m.end));
    if (!e || ms.some((o) => o.start >= m.end && o.start < m.end + e[0].length)) continue;
    const source = s.slice(m.start).replace(/[。！？!?]$/, '');
    out.push({ a: [ref(m)], b: [], source, note: source.slice(m.end - m.start), exploratory: true });
  }
  return out;
}
