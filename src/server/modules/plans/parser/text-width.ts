/** Printed width of a line: CJK and full-width characters count 1, ASCII 0.5, as on a PDF page. */
export function visualWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c < 0x2000 ? 0.5 : 1;
  }
  return w;
}

export function isAsciiAlnum(ch: string | undefined): boolean {
  return !!ch && /[0-9A-Za-z]/.test(ch);
}
