import { createRequire } from 'node:module';
import path from 'node:path';
import { PlanFileError } from './plan-file-error.ts';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** Rebuilds the lines of a page from its text items: items on the same baseline form one line, left to right. */
export function itemsToLines(items: TextItem[]): string[] {
  const parts = items
    .filter((it) => it.str?.trim())
    .map((it) => ({
      s: it.str,
      x: it.transform[4],
      y: it.transform[5],
      w: it.width,
      h: Math.abs(it.height || it.transform[3]) || 10,
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: (typeof parts)[] = [];
  for (const p of parts) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - p.y) <= Math.max(1, line[0].h * 0.4)) line.push(p);
    else lines.push([p]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let out = '';
    let end = -Infinity;
    for (const p of line) {
      if (out && p.x - end > p.h * 0.3) out += ' ';
      out += p.s;
      end = p.x + p.w;
    }
    return out;
  });
}

export async function extractPdfText(buf: Buffer, maxPages: number): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(buf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Government PDFs often use non-embedded CJK fonts with predefined CMaps (UniGB-UCS2-H).
    cMapUrl: `${pdfjsDir}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsDir}/standard_fonts/`,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw new PlanFileError('encrypted');
    throw new PlanFileError('corrupt', {}, `pdf: ${(err as Error).message}`);
  }
  try {
    if (doc.numPages > maxPages) throw new PlanFileError('too_large', { limit: `${maxPages} 页 / pages` });
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(itemsToLines(content.items as TextItem[]).join('\n'));
      page.cleanup();
    }
    return pages.join('\n\n');
  } finally {
    await doc.destroy();
  }
}
