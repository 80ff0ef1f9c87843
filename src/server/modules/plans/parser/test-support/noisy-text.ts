import { normalisePlanText } from '../normalise.ts';

/** Small deterministic PRNG (mulberry32), so a failing noisy variant can be reproduced from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NoiseOptions {
  seed: number;
  minWidth?: number;
  maxWidth?: number;
  /** Lines per printed page, between page numbers and running headers. */
  pageLines?: number;
  runningHeader?: string;
}

const FULL_WIDTH_DIGIT = (d: string) => String.fromCharCode(d.charCodeAt(0) + 0xfee0);

/**
 * The same plan as a PDF of another page width would give it: every paragraph re-wrapped at a random width,
 * page numbers and running headers between pages, blank lines, stray words, full-width digits and odd dots.
 */
export function noisyVariant(text: string, o: NoiseOptions): string {
  const rand = rng(o.seed);
  const pick = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const paragraphs = normalisePlanText(text).lines.map((l) => l.text);
  const physical: string[] = [];
  for (let p of paragraphs) {
    // Item numbers as other extractions give them: １．, 1.、22﹒.
    p = p.replace(/^(\d{1,2})[．.]/, (_m, n: string) => {
      const r = rand();
      if (r < 0.3) return `${[...n].map(FULL_WIDTH_DIGIT).join('')}．`;
      if (r < 0.5) return `${n}﹒`;
      if (r < 0.6) return `${n}.`;
      return `${n}．`;
    });
    const width = pick(o.minWidth ?? 18, o.maxWidth ?? 40);
    const chars = [...p];
    for (let i = 0; i < chars.length; ) {
      const w = Math.max(4, width + pick(-1, 1));
      physical.push(chars.slice(i, i + w).join(''));
      i += w;
    }
  }
  const out: string[] = [];
  // A page holds so much text whatever the line width: about pageLines lines of 30 characters.
  const pageChars = (o.pageLines ?? 28) * 30;
  let page = 1;
  let onPage = 0;
  physical.forEach((line) => {
    onPage += line.length;
    if (onPage > pageChars) {
      onPage = line.length;
      page++;
      out.push('', String(page), '');
      if (o.runningHeader) out.push(o.runningHeader, '');
    }
    let l = line;
    const r = rand();
    if (r < 0.03 && /[\u4e00-\u9fff]{2}/.test(l)) {
      const at = l.search(/[\u4e00-\u9fff][\u4e00-\u9fff]/) + 1;
      l = `${l.slice(0, at)} and ${l.slice(at)}`;
    } else if (r < 0.1) {
      l = ` ${l}`;
    }
    out.push(l);
    for (let b = pick(0, 2); b > 0; b--) out.push('');
    if (rand() < 0.01) out.push('（下转第二版）', '');
  });
  return out.join(rand() < 0.5 ? '\n' : '\r\n');
}
