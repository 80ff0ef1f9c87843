import type { PlaceMention, RegionMatcher } from './region-mentions.ts';
import type { RegionLike, RegionRef, SubPair } from './types.ts';

export interface PairContext {
  matcher: RegionMatcher;
  /** Codes of the plan's own two sides: a pair of exactly these is the plan itself, not a sub-pair. */
  sideCodes: [string | null, string | null] | null;
}

type Side = 'A' | 'B';
type Glue = 'conn' | 'and' | 'list' | 'strong' | 'break';

interface Mention extends PlaceMention {
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
  // Lists of pairs also join the two sides with a dash: 南岗区—天河区；道里区—越秀区.
  if (/^(?:与|同|跟|—{1,2}|－|-)$/.test(g)) return 'conn';
  if (g === '和') return 'and';
  if (/^(?:、|及|以及|、以及|、及|、和)$/.test(g)) return 'list';
  if (/^[，；,;]$/.test(g)) return 'strong';
  return 'break';
}

/** Sentences with their offsets; pairs never span a full stop. */
function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^。！？!?]+[。！？!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], start: m.index });
  return out;
}

// A bracket that says who works with whom, or closes before a separator, is a remark on the pair before it.
const REMARK_RE = /（[^（）]*）|\([^()]*\)/g;
const REMARK_WORDS_RE = /对接|对口|结对|合作|与|和|及|、|，|；|等|包括|含|重点/;
const IDEOGRAPH_RE = /[\u4e00-\u9fff]/;

/**
 * Blanks out remarks in brackets ("D区（E对接F和G）、…") so their names form no pairs of their own; a bracket inside a
 * name (中德（沈阳）高端装备制造产业园) stays. Offsets are kept, so the pair's words are read from the sentence itself.
 */
export function maskRemarks(s: string): string {
  return s.replace(REMARK_RE, (m, offset: number) => {
    const after = s[offset + m.length] ?? '';
    const inName = IDEOGRAPH_RE.test(after) && !REMARK_WORDS_RE.test(m) && m.length <= 10;
    return inName ? m : ' '.repeat(m.length);
  });
}

/**
 * Finds sub-pairs named in a text: "长春市、长白山开发区管委会与杭州市；吉林市与温州市", "辽宁省与江苏省，吉林省与
 * 浙江省", "支持辽宁省盘锦市与江苏省无锡市结对打造…", "A区与B区、C开发区与D区（E对接F和G）、H与I区和J进行合作对接".
 * Names joined by 与 / 同 (and 和 when it joins places of the two sides) form a pair; 、 及 和 extend a side while the
 * next name is on the same side and does not open a pair of its own, so "B、C 与 D" splits before C. Short names are
 * resolved within the plan's two sides and the cities named before them; a name still ambiguous, or a zone the
 * registry does not know, stays in the pair unresolved for the office to map.
 */
export function findSubPairs(text: string, ctx: PairContext): SubPair[] {
  const pairs: SubPair[] = [];
  for (const sentence of sentences(text)) {
    if (!/[与和同—－]|主动/.test(sentence.text)) continue;
    const s = sentence.text;
    const masked = maskRemarks(s);
    const mentions: Mention[] = ctx.matcher.places(masked, ctx.sideCodes ?? []);
    if (mentions.length === 0) continue;
    for (const m of mentions) {
      const u = UNNAMED_RE.exec(masked.slice(m.end));
      if (u) m.unnamed = u[0];
    }
    pairs.push(...pairsInSentence(s, masked, mentions, ctx));
    pairs.push(...exploratoryInSentence(s, mentions));
  }
  return pairs;
}

function sideOfRecord(rec: RegionLike, ctx: PairContext): Side {
  const [a, b] = ctx.sideCodes ?? [null, null];
  if (a && ctx.matcher.isWithin(rec, a)) return 'A';
  if (b && ctx.matcher.isWithin(rec, b)) return 'B';
  return ctx.matcher.isNorthEast(rec) ? 'A' : 'B';
}

/** The side a place is on; null when nothing tells (an unknown zone, candidates on both sides). */
function sideOf(m: Mention, ctx: PairContext): Side | null {
  const rec = m.record ?? m.hint;
  if (rec) return sideOfRecord(rec, ctx);
  const sides = new Set(m.candidates.map((c) => sideOfRecord(c, ctx)));
  return sides.size === 1 ? [...sides][0] : null;
}

const other = (s: Side): Side => (s === 'A' ? 'B' : 'A');

function pairsInSentence(s: string, masked: string, ms: Mention[], ctx: PairContext): SubPair[] {
  const n = ms.length;
  const sides = ms.map((m) => sideOf(m, ctx));
  const sameOrUnknown = (i: number, j: number) => !sides[i] || !sides[j] || sides[i] === sides[j];
  const glue: Glue[] = [];
  for (let k = 0; k + 1 < n; k++) glue.push(glueOf(masked.slice(ms[k].end, ms[k + 1].start)));
  const isConnector = (k: number) =>
    k >= 0 &&
    k < glue.length &&
    (glue[k] === 'conn' || (glue[k] === 'and' && !!sides[k] && !!sides[k + 1] && sides[k] !== sides[k + 1]));
  const joinsSide = (k: number) => (glue[k] === 'list' || glue[k] === 'and') && !isConnector(k);

  const out: SubPair[] = [];
  let lastRight = -1;
  for (let k = 0; k < glue.length; k++) {
    if (!isConnector(k)) continue;
    let first = k;
    while (first - 1 > lastRight && joinsSide(first - 1) && sameOrUnknown(first - 1, k)) first--;
    let last = k + 1;
    while (last + 1 < n && joinsSide(last) && !isConnector(last + 1) && sameOrUnknown(last + 1, k + 1)) last++;
    lastRight = last;

    const left = ms.slice(first, k + 1);
    const right = ms.slice(k + 1, last + 1);
    const leftKnown = left.map((_, i) => sides[first + i]).find((x) => x);
    const rightKnown = right.map((_, i) => sides[k + 1 + i]).find((x) => x);
    if (leftKnown && rightKnown && leftKnown === rightKnown) continue; // 沈阳市与大连市: one side, not a pair
    const leftSide: Side = leftKnown ?? (rightKnown ? other(rightKnown) : 'A');
    if (left.some((m) => m.unnamed)) continue;
    if (isPlanItself(left, right, ctx)) continue;

    let end = ms[last].end;
    const unnamed = right.find((m) => m.unnamed);
    if (unnamed) end = unnamed.end + unnamed.unnamed!.length;
    const theme = readTheme(masked.slice(end));
    if (theme) end += theme.length;

    const named = right.filter((m) => !m.unnamed);
    const refsOf = (list: Mention[], side: Side) => list.map((m) => refOn(m, side, ctx));
    const [a, b] = leftSide === 'A' ? [refsOf(left, 'A'), refsOf(named, 'B')] : [refsOf(named, 'A'), refsOf(left, 'B')];
    const pair: SubPair = { a, b, source: s.slice(ms[first].start, end).trim() };
    if (theme) pair.theme = theme.theme;
    if (unnamed) pair.note = `${unnamed.name}${unnamed.unnamed}（未具名）`;
    out.push(pair);
  }
  return out;
}

/** A place as a side of a pair: a name still ambiguous is narrowed to the regions on that side of the plan. */
function refOn(m: Mention, side: Side, ctx: PairContext): RegionRef {
  if (m.record) return { name: m.name, code: m.record.code };
  let cands = m.candidates;
  const code = ctx.sideCodes?.[side === 'A' ? 0 : 1];
  if (code && cands.length > 1) {
    const inside = cands.filter((c) => ctx.matcher.isWithin(c, code));
    if (inside.length) cands = inside;
  }
  if (cands.length === 1) return { name: m.name, code: cands[0].code };
  if (cands.length === 0) return { name: m.name, code: null };
  return {
    name: m.name,
    code: null,
    candidates: cands.map((c) => ({ name: ctx.matcher.qualifiedName(c), code: c.code })),
  };
}

function isPlanItself(left: Mention[], right: Mention[], ctx: PairContext): boolean {
  const codes = ctx.sideCodes;
  if (!codes || left.length !== 1 || right.length !== 1) return false;
  const pair = [left[0].record?.code, right[0].record?.code];
  return pair.includes(codes[0] ?? '') && pair.includes(codes[1] ?? '');
}

/** "支持内蒙古自治区主动对接东部省市，探索建立相应合作机制": one side only, not yet a pairing. */
function exploratoryInSentence(s: string, ms: Mention[]): SubPair[] {
  if (!/探索/.test(s)) return [];
  const out: SubPair[] = [];
  for (const m of ms) {
    if (!m.record) continue;
    const e = EXPLORATORY_RE.exec(s.slice(m.end));
    if (!e || ms.some((o) => o.start >= m.end && o.start < m.end + e[0].length)) continue;
    const source = s.slice(m.start).replace(/[。！？!?]$/, '');
    out.push({
      a: [{ name: m.name, code: m.record.code }],
      b: [],
      source,
      note: source.slice(m.end - m.start),
      exploratory: true,
    });
  }
  return out;
}
