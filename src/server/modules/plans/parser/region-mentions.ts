import type { RegionLevel } from '../../../../common/regions/region-types.ts';
import type { RegionLike, RegionResolver } from './types.ts';

export interface RegionMention {
  start: number;
  end: number;
  /** The name as the text gives it, without a leading province or city ("辽宁省盘锦市" → 盘锦市). */
  name: string;
  record: RegionLike;
  /** Province code of the record, for telling the sides apart. */
  province: string;
}

// Names in plans end in an administrative or zone suffix; only such substrings are looked up.
const SUFFIX_CHARS = new Set([...'省市区县州盟旗会园']);
const MAX_NAME = 16;
const NAME_CHARS_RE = /^[\u4e00-\u9fff]+$/;
// Words that start like a region name but are not one: 吉林市场, 东北区域.
const NOT_A_NAME_AFTER: Record<string, RegExp> = { 市: /^[场民值]/, 区: /^[域位]/ };

const NE_PROVINCES = new Set(['21', '22', '23', '15']);

/** A place named in a clause: resolved, ambiguous (`candidates`), or a zone the registry does not know (neither). */
export interface PlaceMention {
  start: number;
  end: number;
  name: string;
  record: RegionLike | null;
  /** Two or more regions the name could mean in its context. */
  candidates: RegionLike[];
  /** For an unknown zone named after its city (大连长兴岛经济区): that city, to tell its side. */
  hint: RegionLike | null;
}

// Names of zones by what they end in, for zones the registry does not know yet.
const ZONE_SUFFIX = [
  '经济技术开发区',
  '高新技术产业开发区',
  '高新技术开发区',
  '开发区',
  '高新区',
  '经开区',
  '开区',
  '新区',
  '综合保税区',
  '保税港区',
  '保税区',
  '综保区',
  '生态城',
  '科技城',
  '旅游度假区',
  '度假区',
  '中央商务区',
  '中心商务区',
  '商务区',
  '经济区',
  '工业园区',
  '产业园区',
  '示范区',
  '合作区',
  '创新区',
  '试验区',
  '片区',
].join('|');
// The shortest run of a chunk that ends like a zone: "沈阳金融商贸开发区开展合作" → 沈阳金融商贸开发区.
const ZONE_NAME_RE = new RegExp(`^.+?(?:${ZONE_SUFFIX})`);
const MAX_ZONE_NAME = 16;
// Words in front of a name that are not part of it: 支持大连长兴岛经济区, 推动中新天津生态城.
const LEAD_WORDS_RE =
  /^(?:支持|推动|鼓励|促进|引导|加快|深化|探索|推进|开展|加强|依托|发挥|围绕|重点|其中|由|以|将|在|对|为|积极|共同|继续|进一步|全面|着力|力争|共建|建设|打造|设立)+/;
// Generic words that end like a zone but name none: 各类开发区, 国家级新区, 两地功能区.
const GENERIC_ZONE_RE = /^(?:各|两|本|该|其他|有关|相关|重点|国家级|省级|市级|一批|一般|部分|现有|所属|区县|功能|辖区)/;
function preferFor(name: string): RegionLevel[] {
  if (/(?:省|自治区)$/.test(name)) return ['province'];
  if (/(?:自治州|州|盟)$/.test(name)) return ['city'];
  if (/市$/.test(name)) return ['city', 'county', 'province'];
  if (/(?:开发区|新区|园区|示范区|合作区|保税区|管委会|园)$/.test(name)) return ['zone', 'county'];
  return ['county', 'zone', 'city'];
}

// A suffix the full name spells longer: 延边州 for 延边朝鲜族自治州.
const SUFFIX_SPELLED_AS: Record<string, string[]> = { 州: ['自治州'], 县: ['自治县'], 旗: ['自治旗'] };

/**
 * The resolver matches loosely (a bare stem finds 浙江省 for "浙江市"); accept only a record whose name or alias is
 * the text, or whose short name plus the suffix its own name ends with is the text.
 */
function nameMatches(rec: RegionLike, s: string): boolean {
  if (rec.name === s || rec.aliases?.includes(s)) return true;
  if (!rec.shortName || !s.startsWith(rec.shortName)) return false;
  // Zones are known by short names that read as full ones (沈抚新区, 珲春国际合作示范区).
  if (s === rec.shortName) return rec.level === 'zone' && SUFFIX_CHARS.has(s[s.length - 1]);
  const suffix = s.slice(rec.shortName.length);
  if (!suffix) return false;
  return rec.name.endsWith(suffix) || (SUFFIX_SPELLED_AS[suffix] ?? []).some((full) => rec.name.endsWith(full));
}

export class RegionMatcher {
  private cache = new Map<string, { rec: RegionLike; name: string } | null>();

  constructor(private readonly regions: RegionResolver) {}

  private resolveExact(s: string, within?: string): RegionLike | null {
    const rec = this.regions.resolve(s, within ? { within, prefer: preferFor(s) } : { prefer: preferFor(s) });
    return rec && nameMatches(rec, s) ? rec : null;
  }

  isWithin(rec: RegionLike, ancestor: string): boolean {
    let code: string | null = rec.code;
    for (let depth = 0; code && depth < 6; depth++) {
      if (code === ancestor) return true;
      code = this.regions.byCode(code)?.parentCode ?? null;
    }
    return false;
  }

  provinceOf(rec: RegionLike): string {
    let r: RegionLike | null | undefined = rec;
    for (let depth = 0; r && depth < 6; depth++) {
      if (r.level === 'province' || !r.parentCode) return r.code;
      r = this.regions.byCode(r.parentCode);
    }
    // Region codes carry their province in the first two digits (zones: after the Z).
    const digits = rec.code.replace(/^Z/, '');
    return `${digits.slice(0, 2)}0000`;
  }

  /** A province or city by the short name a title uses for it (长春, 天津), never a county. */
  byShortName(name: string): RegionLike | null {
    const rec = this.regions.resolve(name, { prefer: ['province', 'city'] });
    return rec && rec.shortName === name && (rec.level === 'province' || rec.level === 'city') ? rec : null;
  }

  /** 铁西区 → 沈阳市铁西区: the name with its city (or province) in front, to tell candidates apart. */
  qualifiedName(rec: RegionLike): string {
    const parent = rec.parentCode ? this.regions.byCode(rec.parentCode) : null;
    if (!parent || parent.level === 'nation' || rec.level === 'province') return rec.name;
    // 北京市东城区: a municipality's districts hang under a 市辖区 row.
    const named = parent.name === '市辖区' && parent.parentCode ? this.regions.byCode(parent.parentCode) : parent;
    return `${named?.name ?? ''}${rec.name}`;
  }

  nameOf(code: string): string | null {
    return this.regions.byCode(code)?.name ?? null;
  }

  isNorthEast(rec: RegionLike): boolean {
    return NE_PROVINCES.has(this.provinceOf(rec).slice(0, 2));
  }

  /** A region named by `s`, also as a compound "辽宁省盘锦市" / "长春市南关区" (returns the innermost). */
  lookup(s: string): { rec: RegionLike; name: string } | null {
    const cached = this.cache.get(s);
    if (cached !== undefined) return cached;
    let found: { rec: RegionLike; name: string } | null = null;
    const direct = this.resolveExact(s);
    if (direct) {
      found = { rec: direct, name: s };
    } else {
      for (let k = 1; k < s.length - 2 && !found; k++) {
        if (!SUFFIX_CHARS.has(s[k]) && !s.startsWith('自治区', k - 2)) continue;
        const outer = this.lookup(s.slice(0, k + 1));
        if (!outer) continue;
        const tail = s.slice(k + 1);
        const inner = this.resolveExact(tail, outer.rec.code);
        if (inner && this.isWithin(inner, outer.rec.code)) found = { rec: inner, name: tail };
      }
    }
    this.cache.set(s, found);
    return found;
  }

  private candidateCache = new Map<string, { recs: RegionLike[]; name: string } | null>();

  /** Every region `s` can mean by itself: one for a compound (沈阳市铁西区), several for 铁西区. */
  private lookupAll(s: string): { recs: RegionLike[]; name: string } | null {
    const cached = this.candidateCache.get(s);
    if (cached !== undefined) return cached;
    const all = this.regions.candidates(s).filter((r) => nameMatches(r, s));
    let found: { recs: RegionLike[]; name: string } | null = null;
    if (all.length > 1) {
      // A name of several levels (吉林市 is only a city) keeps the level its suffix asks for first.
      const level = preferFor(s).find((l) => all.some((r) => r.level === l));
      const recs = level ? all.filter((r) => r.level === level) : all;
      found = { recs, name: s };
    } else {
      const one = this.lookup(s);
      found = one ? { recs: [one.rec], name: one.name } : null;
    }
    this.candidateCache.set(s, found);
    return found;
  }

  /** The city a resolved place sits in (itself for a city), to resolve short names after it. */
  private cityOf(rec: RegionLike): string | null {
    let r: RegionLike | null | undefined = rec;
    for (let depth = 0; r && depth < 6; depth++) {
      if (r.level === 'city' || r.level === 'province') return r.code;
      r = r.parentCode ? this.regions.byCode(r.parentCode) : null;
    }
    return null;
  }

  /**
   * Places named in a clause, each resolved in its context: a name several regions bear (和平区, 铁西区, 鼓楼区) is
   * narrowed to those inside the plan's own two sides, then to the city most recently named before it; what is still
   * more than one is reported in `candidates`, never guessed. Names ending like a zone the registry does not know are
   * kept with no record, so the office can map them.
   */
  places(text: string, sides: (string | null)[] = []): PlaceMention[] {
    const out: PlaceMention[] = [];
    const cities: string[] = [];
    const inside = (recs: RegionLike[], codes: string[]) => recs.filter((r) => codes.some((c) => this.isWithin(r, c)));
    for (const span of this.spans(text)) {
      const found = this.lookupAll(span.s);
      if (!found) continue;
      let recs = found.recs;
      const known = sides.filter((c): c is string => !!c);
      if (recs.length > 1 && known.length) {
        const narrowed = inside(recs, known);
        if (narrowed.length) recs = narrowed;
      }
      for (let k = cities.length - 1; k >= 0 && recs.length > 1; k--) {
        const narrowed = inside(recs, [cities[k]]);
        if (narrowed.length) recs = narrowed;
      }
      const record = recs.length === 1 ? recs[0] : null;
      out.push({
        start: span.start,
        end: span.end,
        name: found.name,
        record,
        candidates: record ? [] : recs,
        hint: null,
      });
      const city = record && this.cityOf(record);
      if (city) cities.push(city);
    }
    return this.withUnknownZones(text, out);
  }

  /** Substrings that end in an administrative suffix and name a region, longest first, left to right. */
  private spans(text: string): { start: number; end: number; s: string }[] {
    const out: { start: number; end: number; s: string }[] = [];
    const suffixAt: number[] = [];
    for (let j = 0; j < text.length; j++) if (SUFFIX_CHARS.has(text[j])) suffixAt.push(j);
    let i = 0;
    let p = 0;
    while (i < text.length && suffixAt.length) {
      while (p < suffixAt.length && suffixAt[p] < i + 1) p++;
      let hit: { start: number; end: number; s: string } | null = null;
      for (let q = Math.min(suffixAt.length - 1, p + 12); q >= p && !hit; q--) {
        const end = suffixAt[q] + 1;
        if (end - i > MAX_NAME) continue;
        const s = text.slice(i, end);
        if (!NAME_CHARS_RE.test(s)) continue;
        if (NOT_A_NAME_AFTER[text[end - 1]]?.test(text.slice(end, end + 1))) continue;
        if (this.lookupAll(s)) hit = { start: i, end, s };
      }
      if (hit) {
        out.push(hit);
        i = hit.end;
      } else i++;
    }
    return out;
  }

  /** Adds the zones the registry does not know, found between the places it does. */
  private withUnknownZones(text: string, known: PlaceMention[]): PlaceMention[] {
    const out: PlaceMention[] = [];
    let from = 0;
    let last: PlaceMention | null = null;
    const scanGap = (to: number) => {
      const gap = text.slice(from, to);
      const re = /[^、，；,;。与和及同（）()：:“”\s]+/g;
      for (let m = re.exec(gap); m; m = re.exec(gap)) {
        const zone = ZONE_NAME_RE.exec(m[0]);
        if (!zone) {
          // A zone known by a name without a suffix (中关村, 长白山), standing alone between separators.
          const whole = this.knownZone(m[0]);
          if (whole) out.push({ start: from + m.index, end: from + m.index + m[0].length, ...whole });
          last = null;
          continue;
        }
        const lead = LEAD_WORDS_RE.exec(zone[0])?.[0].length ?? 0;
        const name = zone[0].slice(lead);
        // A zone needs a name in front of its suffix (汽开区 yes, 开发区 alone no).
        const stem = name.length - (new RegExp(`(?:${ZONE_SUFFIX})$`).exec(name)?.[0].length ?? 0);
        if (stem < 1 || name.length < 3 || name.length > MAX_ZONE_NAME || GENERIC_ZONE_RE.test(name)) continue;
        if (!NAME_CHARS_RE.test(name)) continue;
        const start = from + m.index + lead;
        // Zones whose names end in no administrative suffix (中新天津生态城) are known by their whole name.
        const known = this.lookupAll(name);
        if (known) {
          const record = known.recs.length === 1 ? known.recs[0] : null;
          out.push({ start, end: start + name.length, name, record, candidates: record ? [] : known.recs, hint: null });
        } else if (last?.record && last.end === start) {
          // 大连市长兴岛经济区: the city in front is where the zone is, not a place of its own.
          out.pop();
          const zone = { start: last.start, end: start + name.length, name: `${last.name}${name}` };
          out.push({ ...zone, record: null, candidates: [], hint: last.record });
        } else {
          out.push({ start, end: start + name.length, name, record: null, candidates: [], hint: this.cityHint(name) });
        }
        last = null;
      }
    };
    for (const k of known) {
      scanGap(k.start);
      out.push(k);
      last = k;
      from = k.end;
    }
    scanGap(text.length);
    return out;
  }

  /** The registry's zone named exactly `s`, when no other region bears that name. */
  private knownZone(s: string): Omit<PlaceMention, 'start' | 'end'> | null {
    if (s.length < 2 || s.length > MAX_ZONE_NAME || !NAME_CHARS_RE.test(s)) return null;
    const recs = this.regions.candidates(s).filter((r) => r.name === s || r.aliases?.includes(s));
    return recs.length === 1 && recs[0].level === 'zone'
      ? { name: s, record: recs[0], candidates: [], hint: null }
      : null;
  }

  /** 大连长兴岛经济区 → 大连市: the city or province an unknown zone's name starts with. */
  private cityHint(name: string): RegionLike | null {
    for (let k = Math.min(5, name.length - 2); k >= 2; k--) {
      const head = name.slice(0, k);
      const rec = this.regions.resolve(head, { prefer: ['city', 'province'] });
      if (rec && (rec.level === 'city' || rec.level === 'province') && (rec.shortName === head || rec.name === head))
        return rec;
    }
    return null;
  }

  /** Region names in a text, longest match first, left to right. */
  find(text: string): RegionMention[] {
    const out: RegionMention[] = [];
    const suffixAt: number[] = [];
    for (let j = 0; j < text.length; j++) if (SUFFIX_CHARS.has(text[j])) suffixAt.push(j);
    if (suffixAt.length === 0) return out;
    let i = 0;
    let p = 0;
    while (i < text.length) {
      while (p < suffixAt.length && suffixAt[p] < i + 1) p++;
      let hit: RegionMention | null = null;
      const ends: number[] = [];
      for (let q = p; q < suffixAt.length && suffixAt[q] - i < MAX_NAME; q++) ends.push(suffixAt[q]);
      // Longest first: 长白山开发区管委会 before 长白山开发区.
      for (let e = ends.length - 1; e >= 0 && !hit; e--) {
        const end = ends[e] + 1;
        const s = text.slice(i, end);
        if (!NAME_CHARS_RE.test(s)) continue;
        const guard = NOT_A_NAME_AFTER[text[end - 1]];
        if (guard?.test(text.slice(end, end + 1))) continue;
        const found = this.lookup(s);
        if (found) {
          hit = { start: i, end, name: found.name, record: found.rec, province: this.provinceOf(found.rec) };
        }
      }
      if (hit) {
        out.push(hit);
        i = hit.end;
      } else {
        i++;
      }
    }
    return out;
  }
}
