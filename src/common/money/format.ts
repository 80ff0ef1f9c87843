import { divRound, fixedText, FEN_PER_WAN, FEN_PER_YI, FEN_PER_YUAN, type Fen } from './money.ts';

export interface FormatOptions {
  /** Places after the point; default 2. Rounded half away from zero (四舍五入). */
  decimals?: number;
  /** Thousands separators in the integer part (tables use them; running text usually not). Default true. */
  group?: boolean;
  /** Drop trailing zeros after the point ("3560万元" rather than "3560.00万元"). Default false. */
  trim?: boolean;
  /** Append the unit (万元, 亿元, 元). Default true. */
  unit?: boolean;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function render(fen: Fen, unitFen: Fen, unitName: string, o: FormatOptions): string {
  const decimals = o.decimals ?? 2;
  const scaled = divRound(fen * 10n ** BigInt(decimals), unitFen);
  let text = fixedText(scaled, decimals);
  if (text === '-0' || /^-0\.0*$/.test(text)) text = text.slice(1);
  if (o.trim && text.includes('.')) text = text.replace(/\.?0+$/, '');
  if (o.group ?? true) {
    const [, sign = '', i = '', rest = ''] = /^(-?)(\d+)(.*)$/.exec(text)!;
    text = sign + groupThousands(i) + rest;
  }
  return (o.unit ?? true) ? `${text}${unitName}` : text;
}

/** "1,234.56万元". */
export function formatWan(fen: Fen, o: FormatOptions = {}): string {
  return render(fen, FEN_PER_WAN, '万元', o);
}

/** "12.35亿元". */
export function formatYi(fen: Fen, o: FormatOptions = {}): string {
  return render(fen, FEN_PER_YI, '亿元', o);
}

/** "12,345,678.90元": statements are exact to the fen, so two decimals and never rounded. */
export function formatYuan(fen: Fen, o: Omit<FormatOptions, 'decimals'> = {}): string {
  return render(fen, FEN_PER_YUAN, '元', { ...o, decimals: 2 });
}

/**
 * The way Chinese reports name a sum: 亿元 from one 亿 upwards, 万元 below ("签约额 12.35亿元", "到位资金 3,560万元"),
 * trailing zeros dropped.
 */
export function formatMoney(fen: Fen, o: FormatOptions = {}): string {
  const big = (fen < 0n ? -fen : fen) >= FEN_PER_YI;
  return big ? formatYi(fen, { trim: true, ...o }) : formatWan(fen, { trim: true, ...o });
}
