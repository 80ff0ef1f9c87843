import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { repoPath } from '../../../../repo-path.ts';

const require = createRequire(import.meta.url);

export const CJK_FONT = repoPath(
  'node_modules',
  '@expo-google-fonts',
  'noto-sans-sc',
  '400Regular',
  'NotoSansSC_400Regular.ttf',
);
export const hasCjkFont = () => fs.existsSync(CJK_FONT);

/** A Word file with one paragraph per plan paragraph, a running header and page numbers, as offices write them. */
export async function planDocx(paragraphs: string[], header = ''): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(header)] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
          }),
        },
        children: paragraphs.map((p) => new Paragraph({ children: [new TextRun({ text: p, font: '仿宋_GB2312' })] })),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

interface PdfMake {
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  addFonts(fonts: Record<string, Record<string, string>>): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

/** A PDF typeset with the CJK font, with a running header and page numbers on every page. */
export async function planPdf(content: unknown[], header = ''): Promise<Buffer> {
  const pdfmake = require('pdfmake') as PdfMake;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => p === CJK_FONT);
  pdfmake.addFonts({ NotoSansSC: { normal: CJK_FONT, bold: CJK_FONT, italics: CJK_FONT, bolditalics: CJK_FONT } });
  const doc = pdfmake.createPdf({
    pageSize: 'A4',
    pageMargins: [72, 72, 72, 72],
    defaultStyle: { font: 'NotoSansSC', fontSize: 14, lineHeight: 1.4 },
    header: header ? { text: header, alignment: 'center', fontSize: 9, margin: [0, 30, 0, 0] } : undefined,
    footer: (page: number) => ({ text: String(page), alignment: 'center', fontSize: 10 }),
    content,
  });
  return doc.getBuffer();
}
