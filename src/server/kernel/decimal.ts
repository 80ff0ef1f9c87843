/** Numeric columns come back as strings; trailing zeros of the scale (1000.0000) are not part of the figure. */
export function decimalString(v: string | null): string | null {
  if (v === null) return null;
  return v.includes('.') ? v.replace(/\.?0+$/, '') : v;
}
