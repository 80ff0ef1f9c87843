import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/**
 * A document in the 公文 layout of GB/T 9704-2012 (党政机关公文格式), without 版头 (a work summary or plan sent up as
 * an attachment of a cover letter, as offices do): A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm
 * (text block 156 × 225 mm); 22 lines × 28 characters (a line grid, and runs 28 to the line); body 3号 仿宋_GB2312; title 2号 方正小标宋简体 centred;
 * 一、 黑体, （一） 楷体_GB2312, 1. 仿宋 bold-free; 主送机关 flush left; 附件说明, 署名 and 成文日期 where 7.3.5/7.3.6
 * place them; page numbers 4号 "— 1 —" on the outer side (odd right, even left, one character in).
 *
 * Line spacing is exact (one grid line, 28.95 pt) and the fonts are named with their usual names plus a Latin
 * face: where 仿宋_GB2312 or 方正小标宋简体 are missing, the reader substitutes a CJK face of its own and the lines and
 * pages stay where the grid puts them.
 */

export type GongwenBlock =
  /** 一、 (level 1), （一） (level 2), 1. (level 3): numbered here, in order, each level restarting under its parent. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: GongwenTable };

export interface GongwenTable {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

export interface GongwenAnnex {
  title: string;
  /** Printed after the document when given (a short table); otherwise the annex is a separate file, named only. */
  table?: GongwenTable;
}

export interface GongwenDocument {
  title: string;
  /** 主送机关. */
  addressee: string;
  body: readonly GongwenBlock[];
  annexes: readonly GongwenAnnex[];
  /** 发文机关署名. */
  issuer: string;
  /** 成文日期, as written (2024年12月31日). */
  date: string;
  /** Words for 附件 (附件 / Attachment), from the caller's catalogue. */
  annexWord: string;
}

/** Millimetres in twips, exact and rounded (page sizes and margins are whole twips). */
const exactMm = (v: number) => (v * 1440) / 25.4;
const mm = (v: number) => Math.round(exactMm(v));
const PT = 20; // twips per point
const BODY_PT = 16; // 3号
const TITLE_PT = 22; // 2号
const PAGE_NO_PT = 14; // 4号
/** 225 mm of text block over 22 lines, rounded down (580 twips would fit only 21). */
const LINE = Math.floor(exactMm(225) / 22);
const CHAR = BODY_PT * PT;
/**
 * 156 mm hold 27.6 characters of 16 pt; 28 need each 4.1 twips narrower. A line grid (type lines) with this
 * spacing on the body's runs gives 28 in Word and LibreOffice alike; a character grid (linesAndChars with a
 * negative charSpace) gives 28 in Word but 18 in LibreOffice, which reads charSpace otherwise.
 */
const CHAR_TIGHTEN = -Math.ceil(CHAR - exactMm(156) / 28);

export const FONTS = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  /** Figures and Latin letters. */
  latin: 'Times New Roman',
} as const;

const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin });
const run = (text: string, face: string, pt = BODY_PT) =>
  new TextRun({ text, font: font(face), size: pt * 2, ...(pt === BODY_PT ? { characterSpacing: CHAR_TIGHTEN } : {}) });
const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const CN = '一二三四五六七八九十';
/** 1 → 一, 12 → 十二, 20 → 二十. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN[n - 1]!;
  if (n < 20) return `十${CN[n - 11]!}`;
  const tens = Math.floor(n / 10);
  return `${CN[tens - 1]}十${n % 10 ? CN[(n % 10) - 1] : ''}`;
}

const blank = () => new Paragraph({ spacing: exact, children: [] });

function bodyParagraph(text: string, face: string = FONTS.body): Paragraph {
  return new Paragraph({ spacing: exact, indent: { firstLine: 2 * CHAR }, children: [run(text, face)] });
}

function table(t: GongwenTable): Table {
  const cellPt = 12;
  const cell = (text: string, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, header ? FONTS.heading1 : FONTS.body, cellPt)],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((v) => cell(v, false)) })),
    ],
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const pn = (text: string | (typeof PageNumber)[keyof typeof PageNumber]) =>
    new TextRun({ children: [text], font: font('宋体'), size: PAGE_NO_PT * 2 });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NO_PT * PT } : { left: PAGE_NO_PT * PT },
        children: [pn('— '), pn(PageNumber.CURRENT), pn(' —')],
      }),
    ],
  });
}

function bodyBlocks(blocks: readonly GongwenBlock[]): (Paragraph | Table)[] {
  const counters = [0, 0, 0];
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      for (const line of b.text.split(/\n+/).filter((l) => l.trim())) out.push(bodyParagraph(line.trim()));
    } else if (b.kind === 'table') {
      out.push(table(b.table));
    } else {
      counters[b.level - 1]! += 1;
      for (let i = b.level; i < counters.length; i++) counters[i] = 0;
      const n = counters[b.level - 1]!;
      const [label, face] =
        b.level === 1
          ? [`${chineseNumber(n)}、`, FONTS.heading1]
          : b.level === 2
            ? [`（${chineseNumber(n)}）`, FONTS.heading2]
            : [`${n}.`, FONTS.body];
      out.push(bodyParagraph(`${label}${b.text}`, face));
    }
  }
  return out;
}

/** 附件说明: "附件：1. …" under the body, a blank line between, two characters in, later items under the first. */
function annexNote(doc: GongwenDocument): Paragraph[] {
  if (!doc.annexes.length) return [];
  const lead = `${doc.annexWord}：`;
  const many = doc.annexes.length > 1;
  return [
    blank(),
    ...doc.annexes.map(
      (a, i) =>
        new Paragraph({
          spacing: exact,
          indent: { left: (2 + lead.length) * CHAR, hanging: i === 0 ? lead.length * CHAR : 0 },
          children: [run(`${i === 0 ? lead : ''}${many ? `${i + 1}. ` : ''}${a.title}`, FONTS.body)],
        }),
    ),
  ];
}

/** 署名 and 成文日期 (7.3.5.2, no seal): a blank line under the body, 署名 right two characters in, the date under it four in. */
function signature(doc: GongwenDocument): Paragraph[] {
  const right = (text: string, chars: number) =>
    new Paragraph({
      spacing: exact,
      alignment: AlignmentType.RIGHT,
      indent: { right: chars * CHAR },
      children: [run(text, FONTS.body)],
    });
  return [blank(), right(doc.issuer, 2), right(doc.date, 4)];
}

/** Each short annex on its own page: "附件N" in 黑体 at the top left, its title centred, the table. */
function annexPages(doc: GongwenDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  doc.annexes.forEach((a, i) => {
    if (!a.table) return;
    out.push(
      new Paragraph({
        spacing: exact,
        children: [new PageBreak(), run(`${doc.annexWord}${doc.annexes.length > 1 ? i + 1 : ''}`, FONTS.heading1)],
      }),
      blank(),
      new Paragraph({
        spacing: exact,
        alignment: AlignmentType.CENTER,
        children: [run(a.title, FONTS.title, TITLE_PT)],
      }),
      blank(),
      table(a.table),
    );
  });
  return out;
}

export async function gongwenDocx(doc: GongwenDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'Duikou 对口',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONTS.body), size: BODY_PT * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(24) },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          new Paragraph({
            spacing: { ...exact, line: Math.round(LINE * 1.2) },
            alignment: AlignmentType.CENTER,
            children: [run(doc.title, FONTS.title, TITLE_PT)],
          }),
          blank(),
          new Paragraph({ spacing: exact, children: [run(`${doc.addressee}：`, FONTS.body)] }),
          ...bodyBlocks(doc.body),
          ...annexNote(doc),
          ...signature(doc),
          ...annexPages(doc),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
