import { isDeepStrictEqual } from 'node:util';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  parseAmount,
  wan,
  yuan,
  toWan,
  canonicalWan,
  toDecimalString,
  divRound,
  mulRational,
  percentage,
  sum,
  compare,
  FEN_PER_WAN,
  FEN_PER_YUAN,
  FEN_PER_YI,
} from './money.ts';
import { formatWan, formatYi, formatYuan, formatMoney } from './format.ts';
import { parsePercent, formatPercent, sharesComplete, WHOLE } from './share.ts';

describe('parsing 万元 amounts', () => {
  it('keeps the decimal a person typed, to the fen', () => {
    expect(wan('1234.56')).toBe(1_234_560_000n);
    expect(wan('0.000001')).toBe(1n); // one fen
    expect(wan(0.1)).toBe(100_000n); // 0.1 is not exact in binary; its shortest text is
    // A float artefact is finer than a fen and is refused, not silently rounded.
    expect(parseAmount(0.1 + 0.2)).toEqual({ ok: false, error: 'sub_fen' });
    expect(wan('1,234.5')).toBe(1_234_500_000n);
    expect(wan('１２３４．５')).toBe(1_234_500_000n);
    expect(wan('-3')).toBe(-3_000_000n);
    expect(wan('1.5e3')).toBe(1_500_000_000n);
    expect(wan(1e-6)).toBe(1n);
  });

  it('reads a 万元 amount as the database writes it (the quick path) exactly as any other text', () => {
    // With an exponent the same text takes the general path.
    const dbText = fc
      .tuple(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }),
        fc.option(fc.integer({ min: 0, max: 999_999 })),
      )
      .map(
        ([neg, whole, frac]) =>
          `${neg ? '-' : ''}${whole}${
            frac === null
              ? ''
              : `.${String(frac)
                  .padStart(6, '0')
                  .slice(0, 1 + (frac % 6))}`
          }`,
      );
    fc.assert(fc.property(dbText, (text) => isDeepStrictEqual(parseAmount(text), parseAmount(`${text}e0`))));
    expect(wan('000012.340000')).toBe(12_340_000n);
    expect(wan('-0.000000')).toBe(0n);
    expect(wan('999999999999.999999')).toBe(10n ** 18n - 1n);
  });

  it('writes a 万元 text in canonical form by trimming it, as parsing and writing it again does', () => {
    const dbText = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{1,12}$/), fc.option(fc.stringMatching(/^\d{1,6}$/)))
      .map(([sign, whole, frac]) => `${sign}${whole}${frac === null ? '' : `.${frac}`}`);
    fc.assert(fc.property(dbText, (text) => canonicalWan(text) === toWan(wan(text))));
    for (const text of ['50000.000000', '-0.000000', '0', '000012.340000', '-0.500000', '999999999999.999999'])
      expect(canonicalWan(text)).toBe(toWan(wan(text)));
    expect(canonicalWan('50000.000000')).toBe('50000');
    expect(canonicalWan('-0.000000')).toBe('0');
    // Other text takes the general path: the same answer, or the same refusal.
    for (const text of ['1,234.5', '5.', '1.5e3', '１２３４．５', '00000000000012.5'])
      expect(canonicalWan(text)).toBe(toWan(wan(text)));
    for (const text of ['abc', '1234567890123456.5', '0.0000001']) expect(() => canonicalWan(text)).toThrow(RangeError);
  });

  it('refuses what is not an amount, finer than a fen, or absurdly large', () => {
    expect(parseAmount('abc')).toEqual({ ok: false, error: 'invalid_decimal' });
    expect(parseAmount('')).toEqual({ ok: false, error: 'invalid_decimal' });
    expect(parseAmount('1.2.3')).toEqual({ ok: false, error: 'invalid_decimal' });
    expect(parseAmount(Number.NaN)).toEqual({ ok: false, error: 'invalid_decimal' });
    expect(parseAmount('0.0000001')).toEqual({ ok: false, error: 'sub_fen' });
    expect(parseAmount('1e13')).toEqual({ ok: false, error: 'too_big' });
    expect(parseAmount('1e400')).toEqual({ ok: false, error: 'too_big' });
  });

  it('parses 元 too', () => {
    expect(yuan('12.34')).toBe(1234n);
    expect(parseAmount('12.345', 100n)).toEqual({ ok: false, error: 'sub_fen' });
  });

  it('round-trips through its canonical string', () => {
    expect(toWan(1_234_560_000n)).toBe('1234.56');
    expect(toWan(1n)).toBe('0.000001');
    expect(toWan(-1_500_000n)).toBe('-1.5');
    expect(toWan(0n)).toBe('0');
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (fen) => wan(toWan(fen)) === fen));
    // The text is the exact quotient without trailing zeros, for every unit (placed in the digits, not divided).
    for (const unit of [1n, FEN_PER_YUAN, FEN_PER_WAN, FEN_PER_YI])
      fc.assert(
        fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (fen) => {
          const abs = fen < 0n ? -fen : fen;
          const frac = (abs % unit)
            .toString()
            .padStart(unit.toString().length - 1, '0')
            .replace(/0+$/, '');
          const expected = `${fen < 0n ? '-' : ''}${abs / unit}${abs % unit === 0n ? '' : `.${frac}`}`;
          return toDecimalString(fen, unit) === expected;
        }),
      );
  });

  it('never sees a float: 0.1 + 0.2 is 0.3 when added as fen', () => {
    expect(toWan(wan('0.1') + wan('0.2'))).toBe('0.3');
    expect(sum([wan('0.1'), wan('0.2'), wan('-0.3')])).toBe(0n);
    expect(compare(wan('2'), wan('10'))).toBe(-1);
  });
});

describe('rounding', () => {
  it('rounds half away from zero (四舍五入)', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(7n, -2n)).toBe(-4n);
    expect(() => divRound(1n, 0n)).toThrow();
  });

  it('multiplies by a rational share to the nearest fen', () => {
    expect(mulRational(100n, 1n, 3n)).toBe(33n);
    expect(mulRational(200n, 1n, 3n)).toBe(67n);
    expect(mulRational(wan('1000'), 30n, 100n)).toBe(wan('300'));
    expect(() => mulRational(1n, 1n, 0n)).toThrow();
  });

  it('computes rates exactly, and has no rate of nothing', () => {
    expect(percentage(wan('2500'), wan('10000'))).toBe('25.00');
    expect(percentage(1n, 3n)).toBe('33.33');
    expect(percentage(2n, 3n, 1)).toBe('66.7');
    expect(percentage(3n, 2n, 0)).toBe('150');
    expect(percentage(1n, 0n)).toBeNull();
  });
});

describe('Chinese formatting', () => {
  it('writes 万元 and 亿元 with separators', () => {
    expect(formatWan(wan('1234.5'))).toBe('1,234.50万元');
    expect(formatWan(wan('3560'), { trim: true })).toBe('3,560万元');
    expect(formatWan(wan('3560'), { group: false, trim: true })).toBe('3560万元');
    expect(formatWan(wan('0.004'))).toBe('0.00万元');
    expect(formatWan(wan('-0.004'))).toBe('0.00万元');
    expect(formatWan(wan('-1234.565'))).toBe('-1,234.57万元');
    expect(formatYi(wan('123456'))).toBe('12.35亿元');
    expect(formatYuan(wan('1234.5678'))).toBe('12,345,678.00元');
    expect(formatYuan(1n)).toBe('0.01元');
  });

  it('chooses 亿元 from one 亿 upwards', () => {
    expect(formatMoney(wan('9999'))).toBe('9,999万元');
    expect(formatMoney(wan('10000'))).toBe('1亿元');
    expect(formatMoney(wan('125680'))).toBe('12.57亿元');
    expect(formatMoney(wan('-20000'))).toBe('-2亿元');
    expect(formatMoney(0n)).toBe('0万元');
  });
});

describe('shares in percent', () => {
  it('parses percent with at most four decimals', () => {
    expect(parsePercent('50')).toEqual({ ok: true, share: 500_000n });
    expect(parsePercent('33.3333%')).toEqual({ ok: true, share: 333_333n });
    expect(parsePercent('５０％')).toEqual({ ok: true, share: 500_000n });
    expect(parsePercent(30)).toEqual({ ok: true, share: 300_000n });
    expect(parsePercent('33.33333')).toEqual({ ok: false, error: 'invalid_share' });
    expect(parsePercent('101')).toEqual({ ok: false, error: 'share_range' });
    expect(parsePercent('-1')).toEqual({ ok: false, error: 'share_range' });
  });

  it('formats and checks completeness', () => {
    expect(formatPercent(500_000n)).toBe('50');
    expect(formatPercent(333_333n)).toBe('33.3333');
    expect(formatPercent(0n)).toBe('0');
    expect(formatPercent(WHOLE)).toBe('100');
    expect(sharesComplete([300_000n, 700_000n])).toBe(true);
    expect(sharesComplete([333_333n, 333_333n, 333_333n])).toBe(false);
  });

  it('keeps FEN_PER_WAN consistent with 元', () => {
    expect(toDecimalString(FEN_PER_WAN, 100n)).toBe('10000');
  });
});
