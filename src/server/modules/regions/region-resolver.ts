import fs from 'node:fs';
import { REGION_LEVELS, type RegionLevel, type RegionRecord } from '../../../common/regions/region-types.ts';
import { repoPath } from '../../repo-path.ts';
import { NATION_CODE } from './region-codes.ts';

export function loadRegionRecords(file: string = repoPath('resources', 'regions', 'regions.json')): RegionRecord[] {
  const records = JSON.parse(fs.readFileSync(file, 'utf8')) as RegionRecord[];
  if (!Array.isArray(records) || records.length === 0)
    throw new Error(`${file}: expected a non-empty array of regions`);
  return records;
}

export interface ResolveOptions {
  /** A province or city code that must contain the match; the region itself only when nothing inside it matches. */
  within?: string;
  /** Levels to pick first when a name fits regions of several levels (吉林: province or city). */
  prefer?: RegionLevel[];
}

export interface RegionMention {
  region: RegionRecord;
  /** UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
  /** text.slice(start, end): may hold the line breaks of PDF-extracted text (台\n\n州市). */
  matched: string;
}

export interface RegionResolver {
  byCode(code: string): RegionRecord | null;
  resolve(name: string, opts?: ResolveOptions): RegionRecord | null;
  /** Every region the name could mean (鼓楼区: four of them), full-name matches before short-name ones; no chains. */
  candidates(name: string): RegionRecord[];
  findAll(text: string): RegionMention[];
}

/** GB/T 2260 placeholder rows (110100 市辖区, 500200 县, 429000 省直辖县级行政区划): never a name anyone means. */
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/**
 * Short names that are also ordinary words in policy texts (会同有关部门, 新兴产业, 中方, 富民, 资源, 港口, 温泉…).
 * findAll skips them; resolve still accepts them, because a caller passing one means a place.
 */
const FINDALL_STOPWORDS = new Set(
  (
    '阿里 白银 长治 安康 来宾 ' +
    '和平 长安 新华 复兴 海港 运河 新城 回民 青山 金山 振兴 太平 宏伟 元宝 站前 西市 白塔 灯塔 向阳 工农 南山 东山 ' +
    '友谊 友好 前进 东风 新兴 爱民 阳明 富裕 平房 方正 建华 泰来 龙凤 大东 鼓楼 钟楼 东海 南海 滨湖 滨海 滨江 西湖 ' +
    '南湖 江北 江南 大丰 天台 三门 临海 路桥 开化 海盐 市中 天桥 市南 市北 平原 中原 老城 山城 红旗 解放 博爱 公安 ' +
    '商城 会同 通道 白云 光明 高明 高要 清新 阳春 江城 江海 龙门 福田 紫金 三水 龙湖 盐田 城中 城东 城西 城北 城关 ' +
    '资源 港口 东方 兴业 长寿 南岸 南部 安居 大英 富民 安宁 比如 延长 武功 同心 温泉 新星 白杨 清水 高台 合作 互助 ' +
    '共和 平安 安定 新市 东安 大方 河口 沿河 长子 小店 平定 万全 无极 大名 路南 路北 桥西 桥东 大城 故城 交口 大兴 ' +
    '怀柔 丰满 龙潭 磐石 临江 河西 新建 万年 大观 太湖 永安 永新 永丰 泰和 花山 雨花 天心 芙蓉 荷塘 石门 凤凰 洞口 ' +
    '永兴 嘉禾 新田 天河 灵山 海棠 天涯 朝天 前锋 名山 黑水 白玉 九龙 赤水 金沙 江口 万山 西山 官渡 石林 麒麟 古城 ' +
    '玉龙 大关 宝塔 太白 黄龙 白水 白河 丹凤 双河 天山 西夏 永宁 盐湖 东胜 泰山 牡丹 二七 湖滨 新安 上街 江岸 中方 ' +
    '兴国 东湖 石城 古田 长乐 三元 大田 清流 城厢'
  ).split(' '),
);

/** Phrases that contain a short name but are not about that place; matched and dropped. */
const FINDALL_BLOCKERS = ['白山黑水', '阿里巴巴', '长治久安', '幸福安康'];

const LEVEL_RANK: Record<RegionLevel, number> = Object.fromEntries(REGION_LEVELS.map((l, i) => [l, i])) as Record<
  RegionLevel,
  number
>;

// Longest first: 自治州 before 州, 新区 before 区.
const ADMIN_SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '新区',
  '地区',
  '省',
  '市',
  '州',
  '盟',
  '县',
  '区',
  '旗',
];
const ORG_SUFFIXES = ['管理委员会', '管委会', '人民政府', '政府'];

/** A name broken across lines in extracted text has a few blank lines in it, not a paragraph. */
const MAX_BREAK = 6;

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0;
}

function skipSpace(text: string, j: number): number {
  let k = j;
  while (k < text.length && k - j < MAX_BREAK && isSpace(text.charCodeAt(k))) k++;
  return k;
}

function normalize(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

function stripSuffix(s: string, suffixes: readonly string[]): string | null {
  for (const suf of suffixes) if (s.length > suf.length + 1 && s.endsWith(suf)) return s.slice(0, -suf.length);
  return null;
}

interface Candidate {
  region: RegionRecord;
  /** Matched by its full name or an alias (0) or only by its short name (1). */
  tier: 0 | 1;
  /** A county known in findAll only by a two-character short name: needs its province or city named in the same text. */
  gated: boolean;
}

interface TrieNode {
  /** Keyed by UTF-16 code unit: no one-character strings to allocate while scanning. */
  next: Map<number, TrieNode>;
  /** Best first: full-name matches before short-name ones, then by level and code. */
  cands?: Candidate[];
  /** No candidate needs the checks in usable(). */
  plain?: boolean;
  blocker?: true;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

export function createRegionResolver(records: readonly RegionRecord[]): RegionResolver {
  const byCode = new Map<string, RegionRecord>();
  for (const r of records) byCode.set(r.code, r);

  const ancestors = new Map<string, string[]>();
  for (const r of records) {
    const chain: string[] = [];
    for (let p = r.parentCode; p !== null && chain.length < 6; p = byCode.get(p)?.parentCode ?? null) chain.push(p);
    ancestors.set(r.code, chain);
  }
  const isInside = (r: RegionRecord, code: string) => ancestors.get(r.code)!.includes(code);

  const exact = new Map<string, RegionRecord[]>();
  const short = new Map<string, RegionRecord[]>();
  for (const r of records) {
    if (!PLACEHOLDER_NAMES.has(r.name)) pushTo(exact, normalize(r.name), r);
    for (const a of r.aliases ?? []) pushTo(exact, normalize(a), r);
    if (!PLACEHOLDER_NAMES.has(r.shortName)) pushTo(short, normalize(r.shortName), r);
  }

  const byRank = (a: RegionRecord, b: RegionRecord) =>
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

  function pick(cands: RegionRecord[], opts: ResolveOptions | undefined): RegionRecord | null {
    let list = cands;
    if (opts?.within) {
      const within = opts.within;
      const inside = list.filter((r) => isInside(r, within));
      list = inside.length > 0 ? inside : list.filter((r) => r.code === within);
    }
    if (list.length === 0) return null;
    for (const level of opts?.prefer ?? []) {
      const atLevel = list.filter((r) => r.level === level);
      if (atLevel.length > 0) return [...atLevel].sort(byRank)[0]!;
    }
    return [...list].sort(byRank)[0]!;
  }

  function lookup(key: string, opts: ResolveOptions | undefined): RegionRecord | null {
    return pick(exact.get(key) ?? [], opts) ?? pick(short.get(key) ?? [], opts);
  }

  // ---- findAll index ----
  const root: TrieNode = { next: new Map() };
  const nodeFor = (key: string): TrieNode => {
    let node = root;
    for (let k = 0; k < key.length; k++) {
      const ch = key.charCodeAt(k);
      let n = node.next.get(ch);
      if (!n) node.next.set(ch, (n = { next: new Map() }));
      node = n;
    }
    return node;
  };
  const addKey = (key: string, region: RegionRecord, tier: 0 | 1, gated: boolean) => {
    if (key.length < 2) return;
    const node = nodeFor(normalize(key));
    node.cands ??= [];
    const existing = node.cands.find((c) => c.region === region);
    if (existing) {
      existing.tier = Math.min(existing.tier, tier) as 0 | 1;
      existing.gated &&= gated;
    } else node.cands.push({ region, tier, gated });
  };
  for (const r of records) {
    if (r.level === 'nation') continue;
    for (const a of r.aliases ?? []) addKey(a, r, 0, false);
    if (PLACEHOLDER_NAMES.has(r.name)) continue;
    // 和县, 兴县, 宁县 read as 和县域, 振兴县域, 辽宁县区: two-character county names only count in resolve().
    if (r.level !== 'county' || r.name.length >= 3) addKey(r.name, r, 0, false);
    if (r.shortName !== r.name && !FINDALL_STOPWORDS.has(r.shortName))
      addKey(r.shortName, r, 1, r.level === 'county' && r.shortName.length < 3);
  }
  for (const b of FINDALL_BLOCKERS) nodeFor(b).blocker = true;
  const finish = (node: TrieNode) => {
    if (node.cands) {
      node.cands.sort((a, b) => a.tier - b.tier || byRank(a.region, b.region));
      node.plain = node.cands.every((c) => !c.gated && !(c.tier === 0 && c.region.name.endsWith('区')));
    }
    for (const n of node.next.values()) finish(n);
  };
  finish(root);

  /** Candidates still allowed at this spot; empty means the key does not count here. */
  function usable(node: TrieNode, text: string, end: number, named: Set<string>): Candidate[] {
    let cands = node.cands ?? [];
    if (node.plain) return cands;
    // 江北区域, 河东区域: "X区" followed by 域 is "the X area", not a district.
    if (text[skipSpace(text, end)] === '域')
      cands = cands.filter((c) => !(c.tier === 0 && c.region.name.endsWith('区')));
    return cands.filter((c) => !c.gated || ancestors.get(c.region.code)!.some((a) => named.has(a)));
  }

  function choose(
    cands: Candidate[],
    lastCity: string | null,
    lastProvince: string | null,
    named: Set<string>,
  ): RegionRecord {
    const best = cands[0]!;
    if (cands.length === 1) return best.region;
    const tied = cands.filter((c) => c.tier === best.tier && c.region.level === best.region.level).map((c) => c.region);
    if (tied.length === 1) return best.region;
    // Same name at the same level (朝阳区 in 北京 and 长春): the place most recently named in the text decides.
    for (const ctx of [lastCity, lastProvince]) {
      const hit = ctx ? tied.find((r) => isInside(r, ctx)) : undefined;
      if (hit) return hit;
    }
    return tied.find((r) => ancestors.get(r.code)!.some((a) => named.has(a))) ?? tied[0]!;
  }

  function scan(text: string, named: Set<string>, out: RegionMention[] | null): void {
    let lastCity: string | null = null;
    let lastProvince: string | null = null;
    const hitNodes: TrieNode[] = [];
    const hitEnds: number[] = [];
    let i = 0;
    while (i < text.length) {
      let node = root.next.get(text.charCodeAt(i));
      if (!node) {
        i++;
        continue;
      }
      let hits = 0;
      let j = i + 1;
      for (;;) {
        if (node.cands || node.blocker) {
          hitNodes[hits] = node;
          hitEnds[hits++] = j;
        }
        // Text taken from PDFs breaks lines inside names (通化市与台\n\n州市).
        const k = skipSpace(text, j);
        if (k >= text.length) break;
        const n = node.next.get(text.charCodeAt(k));
        if (!n) break;
        node = n;
        j = k + 1;
      }
      let advanced = false;
      for (let h = hits - 1; h >= 0; h--) {
        const n = hitNodes[h]!;
        const end = hitEnds[h]!;
        if (n.blocker) {
          i = end;
          advanced = true;
          break;
        }
        const cands = usable(n, text, end, named);
        if (cands.length === 0) continue;
        const region = choose(cands, lastCity, lastProvince, named);
        if (region.level === 'province') lastProvince = region.code;
        else if (region.level === 'city') {
          lastCity = region.code;
          lastProvince = region.parentCode;
        }
        // Not the nation: every region is inside it, so it would open every gate.
        named.add(region.code);
        for (const a of ancestors.get(region.code)!) if (a !== NATION_CODE) named.add(a);
        out?.push({ region, start: i, end, matched: text.slice(i, end) });
        i = end;
        advanced = true;
        break;
      }
      if (!advanced) i++;
    }
  }

  function findAll(text: string): RegionMention[] {
    // First pass only learns which provinces and cities the text names, so a county short name that appears
    // before its province (珲春…吉林省) still counts.
    const named = new Set<string>();
    scan(text, named, null);
    const out: RegionMention[] = [];
    scan(text, named, out);
    return out;
  }

  /** "吉林省吉林市", "辽宁省沈抚新区": a chain of names, each inside the one before. */
  function resolveChain(name: string): RegionRecord | null {
    const mentions = findAll(name);
    if (mentions.length < 2 || mentions[0]!.start !== 0 || mentions.at(-1)!.end !== name.length) return null;
    let current: RegionRecord | null = null;
    let pos = 0;
    for (const m of mentions) {
      if (m.start !== pos) return null;
      const next: RegionRecord | null = current
        ? lookup(m.matched, { within: current.code })
        : lookup(m.matched, undefined);
      if (!next || (current && !isInside(next, current.code))) return null;
      current = next;
      pos = m.end;
    }
    return current;
  }

  function resolve(name: string, opts?: ResolveOptions): RegionRecord | null {
    const n = normalize(name);
    if (n.length === 0) return null;
    const found = lookup(n, opts);
    if (found) return found;
    const bare = stripSuffix(n, ORG_SUFFIXES);
    if (bare) {
      const r = lookup(bare, opts);
      if (r) return r;
    }
    // 延边州, 广西自治区: a suffix the short name lacks and the full name spells differently.
    const stem = stripSuffix(bare ?? n, ADMIN_SUFFIXES);
    if (stem) {
      const r = pick(short.get(stem) ?? [], opts);
      if (r) return r;
    }
    const chained = resolveChain(bare ?? n);
    if (chained && (!opts?.within || chained.code === opts.within || isInside(chained, opts.within))) return chained;
    return null;
  }

  function candidates(name: string): RegionRecord[] {
    const n = normalize(name);
    const bare = stripSuffix(n, ORG_SUFFIXES) ?? n;
    for (const key of new Set([n, bare])) {
      const list = exact.get(key) ?? short.get(key);
      if (list?.length) return [...list].sort(byRank);
    }
    const stem = stripSuffix(bare, ADMIN_SUFFIXES);
    return stem ? [...(short.get(stem) ?? [])].sort(byRank) : [];
  }

  /** 北京市 named as a city still means the municipality: a 市辖区 row is never what a document means. */
  function resolveReal(name: string, opts?: ResolveOptions): RegionRecord | null {
    const r = resolve(name, opts);
    return r && PLACEHOLDER_NAMES.has(r.name) && r.parentCode ? (byCode.get(r.parentCode) ?? r) : r;
  }

  return {
    byCode: (code) => byCode.get(code) ?? null,
    resolve: resolveReal,
    candidates: (name) => candidates(name).filter((r) => !PLACEHOLDER_NAMES.has(r.name)),
    findAll,
  };
}
