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
