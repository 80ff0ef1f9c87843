/**
 * Exact money for the programme's figures. Amounts are entered and shown in 万元 but kept as a whole number of
 * fen (分) in a BigInt, so nothing is ever a binary float: 1 万元 = 10 000 元 = 1 000 000 分, which makes a 万元 amount
 * with six decimals exactly one fen count. The database keeps the same amount as numeric(20,6) in 万元, and the
 * API as a decimal string in 万元 (`toWan`).
 */
export type Fen = bigint;

export const FEN_PER_YUAN = 100n;
export const FEN_PER_WAN = 1_000_000n;
export const FEN_PER_YI = 10_000n * FEN_PER_WAN;
/** Twelve integer digits of 万元 (a trillion 万元) is far beyond any project, and fits numeric(20,6). */
export const MAX_ABS_FEN = 10n ** 18n - 1n;

export type MoneyParseError = 'invalid_decimal' | 'sub_fen' | 'too_big';

export type ParseResult = { ok: true; fen: Fen } | { ok: false; error: MoneyParseError };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF0B]/g;

/** Full-width digits and marks (１２３．５) as typed with a Chinese input method, to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;
/**
 * A 万元 amount as the database writes numeric(20,6) — at most twelve integer digits and six decimals — is its fen
 * count once the decimals are padded to six: no half-width mapping, no BigInt power or division. Presenters parse
 * every amount of every row they show, where the general path cost several microseconds each.
 */
const PLAIN_WAN = /^([+-])?(\d{1,12})(?:\.(\d{1,6}))?$/;

/**
 * Parses a decimal amount given in `unitFen` units (default 万元) to fen. Accepts what a person or a spreadsheet
 * writes: a JS number (via its shortest round-trip text, which is the decimal the user typed), thousands
 * separators, full-width digits and exponent notation. Refuses anything finer than a fen.
 */
export function parseAmount(input: string | number, unitFen: Fen = FEN_PER_WAN): ParseResult {
  const plain = typeof input === 'string' && unitFen === FEN_PER_WAN ? PLAIN_WAN.exec(input) : null;
  if (plain) {
    const fen = BigInt(plain[2]! + (plain[3] ?? '').padEnd(6, '0'));
    return { ok: true, fen: plain[1] === '-' ? -fen : fen };
  }
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, error: 'invalid_decimal' };
    text = String(input);
  } else {
    text = toHalfWidth(input).trim().replace(/[,\s]/g, '');
  }
  const m = DECIMAL.exec(text);
  if (!m) return { ok: false, error: 'invalid_decimal' };
  const [, sign, intPart, fracPart = '', expPart] = m;
  let digits = (intPart! + fracPart).replace(/^0+(?=\d)/, '');
  let scale = fracPart.length - Number(expPart ?? 0);
  // value = digits × 10^-scale units; convert to fen: × unitFen.
  if (scale < 0) {
    if (-scale > 40) return { ok: false, error: 'too_big' };
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const numerator = BigInt(digits) * unitFen;
  const divisor = 10n ** BigInt(scale);
  if (numerator % divisor !== 0n) return { ok: false, error: 'sub_fen' };
  const fen = numerator / divisor;
  if (fen > MAX_ABS_FEN) return { ok: false, error: 'too_big' };
  return { ok: true, fen: sign === '-' ? -fen : fen };
}

/** Parses 万元; throws on bad input. For code paths whose input was validated already. */
export function wan(input: string | number): Fen {
  const r = parseAmount(input);
  if (!r.ok) throw new RangeError(`not a 万元 amount (${r.error}): ${input}`);
  return r.fen;
}

export function yuan(input: string | number): Fen {
  const r = parseAmount(input, FEN_PER_YUAN);
  if (!r.ok) throw new RangeError(`not a 元 amount (${r.error}): ${input}`);
  return r.fen;
}

/** Exact decimal text of `fen / unitFen`, without trailing zeros: the canonical API and database form. */
export function toDecimalString(fen: Fen, unitFen: Fen = FEN_PER_WAN): string {
  const neg = fen < 0n;
  // The units are powers of ten: the decimal point is placed in the digits instead of dividing BigInts (every amount
  // of every row shown goes through here).
  const digits = (neg ? -fen : fen).toString();
  const width = unitFen.toString().length - 1;
  const cut = digits.length - width;
  const whole = cut > 0 ? digits.slice(0, cut) : '0';
  const frac = (cut > 0 ? digits.slice(cut) : digits.padStart(width, '0')).replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** The amount in 万元 as an exact decimal string ("1234.5"). */
export function toWan(fen: Fen): string {
  return toDecimalString(fen, FEN_PER_WAN);
}

/**
 * A 万元 amount's text in canonical form, as `toWan(wan(text))` writes it ("50000.000000" → "50000", "-0.000000" →
 * "0"): the database's numeric(20,6) text is trimmed instead of going through a fen count (a BigInt made and written
 * out again), 1.8–2.7 → 0.4–1.2 µs an amount; a presenter writes every amount of every row it shows. Other text
 * takes the general path.
 */
export function canonicalWan(text: string): string {
  const plain = PLAIN_WAN.exec(text);
  if (!plain) return toWan(wan(text));
  const whole = plain[2]!;
  let from = 0;
  while (from < whole.length - 1 && whole.charCodeAt(from) === 48) from++;
  const frac = plain[3] ?? '';
  let to = frac.length;
  while (to > 0 && frac.charCodeAt(to - 1) === 48) to--;
  const digits = from ? whole.slice(from) : whole;
  if (digits === '0' && !to) return '0';
  return `${plain[1] === '-' ? '-' : ''}${digits}${to ? `.${frac.slice(0, to)}` : ''}`;
}

export const add = (a: Fen, b: Fen): Fen => a + b;
export const sub = (a: Fen, b: Fen): Fen => a - b;
export const sum = (xs: Iterable<Fen>): Fen => {
  let t = 0n;
  for (const x of xs) t += x;
  return t;
};
export const compare = (a: Fen, b: Fen): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);
export const abs = (a: Fen): Fen => (a < 0n ? -a : a);

/**
 * Divides and rounds half away from zero (四舍五入), the rounding Chinese statistics use for display. Exact: the
 * comparison of twice the remainder with the divisor is done on integers.
 */
export function divRound(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) return divRound(-n, -d);
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if ((a % d) * 2n >= d) q += 1n;
  return neg ? -q : q;
}

/** `fen × num / den`, rounded half away from zero to the fen: one party's share of an amount on its own. */
export function mulRational(fen: Fen, num: bigint, den: bigint): Fen {
  if (den <= 0n || num < 0n) throw new RangeError('a share is a non-negative fraction with a positive denominator');
  return divRound(fen * num, den);
}

/** An integer count of 10^-decimals units as fixed-point text: fixedText(12345n, 2) = "123.45". */
export function fixedText(scaled: bigint, decimals: number): string {
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const i = digits.slice(0, digits.length - decimals);
  const f = digits.slice(digits.length - decimals);
  return `${neg ? '-' : ''}${i}${decimals ? '.' + f : ''}`;
}

/**
 * `part / whole` as a percentage with `decimals` places, rounded half away from zero, computed exactly (到位率 and
 * the like). Null when the whole is zero: a rate of nothing is not 0 %.
 */
export function percentage(part: bigint, whole: bigint, decimals = 2): string | null {
  if (whole === 0n) return null;
  return fixedText(divRound(part * 100n * 10n ** BigInt(decimals), whole), decimals);
}
