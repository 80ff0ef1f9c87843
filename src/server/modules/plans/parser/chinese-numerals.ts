const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Value of a Chinese numeral (千 → 1000, 十五 → 15, 两千三百 → 2300, 一亿二千万), or null when the characters
 * do not form a well-built number: 十三五 and 五位 must not pass as numbers.
 */
export function parseChineseNumber(s: string): number | null {
  if (!s) return null;
  let yi = 0;
  let wan = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmallUnit = Infinity;
  let wanSeen = false;
  for (const ch of s) {
    if (ch === '零' || ch === '〇') {
      if (digit !== null) return null;
      continue;
    }
    if (ch in DIGITS) {
      if (digit !== null) return null; // two digits in a row (十三五 → 三五) is not a numeral
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      const u = SMALL_UNITS[ch];
      if (u >= lastSmallUnit) return null;
      section += (digit ?? 1) * u;
      digit = null;
      lastSmallUnit = u;
    } else if (ch === '万') {
      if (wanSeen) return null;
      wan = section + (digit ?? 0) || 1;
      wanSeen = true;
      section = 0;
      digit = null;
      lastSmallUnit = Infinity;
    } else if (ch === '亿') {
      if (yi) return null;
      yi = wan * 1e4 + section + (digit ?? 0) || 1;
      wan = 0;
      wanSeen = false;
      section = 0;
      digit = null;
      lastSmallUnit = Infinity;
    } else {
      return null;
    }
  }
  return yi * 1e8 + wan * 1e4 + section + (digit ?? 0);
}

const TOP_NUMERALS = '一二三四五六七八九十';

/** 一 → 1 … 九十九; used for section markers, which never hold 百 or 零. */
export function parseSectionNumeral(s: string): number | null {
  for (const ch of s) if (!TOP_NUMERALS.includes(ch)) return null;
  return parseChineseNumber(s);
}
