import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extractPlanText, sniff } from './extract-text.ts';
import { normalisePlanText } from './normalise.ts';
import { parsePlan } from './parse-plan.ts';
import { PlanFileError, type PlanFileErrorCode } from './plan-file-error.ts';
import { planContent } from './test-support/compare.ts';
import { CJK_FONT, hasCjkFont, planDocx, planPdf } from './test-support/plan-documents.ts';
import { regions, SEED_FILES, type SeedName, seedText } from './test-support/seeds.ts';
import { writeZip } from '../../../kernel/zip/test-support/zip-writer.ts';

async function refusal(p: Promise<unknown>): Promise<PlanFileError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(PlanFileError);
    return err as PlanFileError;
  }
  throw new Error('expected the file to be refused');
}

async function expectRefused(p: Promise<unknown>, code: PlanFileErrorCode) {
  const err = await refusal(p);
  expect(err.code, err.message).toBe(code);
  expect(err.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(err.messageEn).toMatch(/[a-z]/);
}

const paragraphs = (name: SeedName) => normalisePlanText(seedText(name)).lines.map((l) => l.text);
const TITLES: Record<SeedName, string> = {
  national: '国务院办公厅文件',
  jilinZhejiang: '吉林省与浙江省对口合作实施方案',
  liaoningJiangsu: '辽宁省与江苏省对口合作实施方案',
};

// 吉林—浙江 excerpt saved as GB18030 by a Chinese Windows editor.
const GB18030_PLAN = Buffer.from(
  'bcaac1d6caa1d3ebd5e3bdadcaa1b6d4bfdabacfd7f7cab5caa9b7bdb0b80a0ad2bba1a2d6d8b5e3c8cecef10a0aa3a8d2bba3a9cce5d6c6bbfad6c6b4b4d0c20a0a31a3aed6a7b3d6d5e3bdadc6f3d2b5b2ced3ebbcaac1d6b9fad3d0c6f3d2b5b8c4b8efa3acd1a1d4f13130a1aa3230bba7b9fad3d0c6f3d2b5bfaad5b9bbecbacfcbf9d3d0d6c6b8c4b8efcad4b5e3a1a30a0a32a3aec3bfc4eabed9b0ecc8f4b8c9c5e0d1b5b0e0b4cea3acc5e0d1b5c7a7c8cbd2d4c9cfa1a30a0ab6fea1a2b6d4bfdabacfd7f7c1aacfb5bbfad6c60a0ab3a4b4bacad0d3ebbabcd6ddcad0a3bbbcaac1d6cad0d3ebcec2d6ddcad0a1a30a',
  'hex',
);

describe('plain text', () => {
  it('reads UTF-8 with a BOM and GB18030', async () => {
    const utf8 = await extractPlanText(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('一、重点任务\n1．培训千人以上。')]),
      'a.txt',
    );
    expect(utf8).toBe('一、重点任务\n1．培训千人以上。');
    const gb = await extractPlanText(GB18030_PLAN, '方案.txt');
    expect(gb.startsWith('吉林省与浙江省对口合作实施方案')).toBe(true);
    const plan = parsePlan(gb, { regions: regions() });
    expect(plan.sections[0].children![0].tasks.map((t) => t.targets[0].source)).toEqual(['10—20户', '千人以上']);
    expect(plan.sections[1].subPairs.map((p) => p.a[0].code + '-' + p.b[0].code)).toEqual([
      '220100-330100',
      '220200-330300',
    ]);
  });
});

describe.each(Object.keys(SEED_FILES) as SeedName[])('%s as .docx and .pdf', (name) => {
  const fromText = planContent(parsePlan(seedText(name), { regions: regions() }));

  it('.docx parses to the same plan', async () => {
    const buf = await planDocx(paragraphs(name), TITLES[name]);
    const text = await extractPlanText(buf, `${name}.docx`);
    expect(planContent(parsePlan(text, { regions: regions() }))).toEqual(fromText);
  });

  // The PDF is typeset with Noto Sans SC from @expo-google-fonts/noto-sans-sc; without a CJK font pdfmake cannot set Chinese.
  it.skipIf(!hasCjkFont())('.pdf parses to the same plan (font: ' + CJK_FONT.split('/').pop() + ')', async () => {
    const buf = await planPdf(paragraphs(name), TITLES[name]);
    const text = await extractPlanText(buf, `${name}.pdf`);
    expect(planContent(parsePlan(text, { regions: regions() }))).toEqual(fromText);
  });
});

describe('files that are not plans are refused', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]);

  it('an empty file', async () => {
    await expectRefused(extractPlanText(Buffer.alloc(0), 'plan.pdf'), 'empty');
    await expectRefused(extractPlanText(Buffer.from(' \n\r\n\t'), 'plan.txt'), 'empty');
  });

  it('an image renamed .pdf or .docx', async () => {
    expect(sniff(png)).toBe('image');
    await expectRefused(extractPlanText(png, '实施方案.pdf'), 'image');
    await expectRefused(extractPlanText(jpeg, '实施方案.docx'), 'image');
  });

  it('a spreadsheet, by name or by content', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('任务台账').addRow(['序号', '任务', '牵头单位']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    await expectRefused(extractPlanText(xlsx, '台账.xlsx'), 'spreadsheet');
    await expectRefused(extractPlanText(xlsx, '实施方案.docx'), 'spreadsheet');
    await expectRefused(extractPlanText(Buffer.from('序号,任务\n1,培训'), '台账.csv'), 'spreadsheet');
  });

  it('a file over the size limit, before reading it', async () => {
    await expectRefused(extractPlanText(Buffer.alloc(20 * 1024 * 1024 + 1, 0x20), 'plan.txt'), 'too_large');
    const err = await refusal(extractPlanText(Buffer.from(seedText('national')), 'plan.txt', { maxBytes: 1000 }));
    expect(err.code).toBe('too_large');
    expect(err.messageZh).toContain('1000 B');
  });

  it('a .docx that is a zip bomb: high ratio, lying sizes, or too much in total', async () => {
    const types = { name: '[Content_Types].xml', data: Buffer.from('<Types/>') };
    const ratioBomb = writeZip([types, { name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) }]);
    await expectRefused(extractPlanText(ratioBomb, 'plan.docx'), 'zip_bomb');
    const liar = writeZip([
      types,
      { name: 'word/document.xml', data: Buffer.alloc(4 * 1024 * 1024, 0x61), declaredSize: 1000 },
    ]);
    await expectRefused(extractPlanText(liar, 'plan.docx'), 'zip_bomb');
    const parts = [0, 1, 2].map((i) => ({
      name: i ? `word/media/p${i}.xml` : 'word/document.xml',
      data: Buffer.from(String(i).repeat(400_000)),
    }));
    await expectRefused(
      extractPlanText(writeZip([types, ...parts]), 'plan.docx', { maxUncompressedBytes: 1_000_000 }),
      'zip_bomb',
    );
  });

  it('a zip that is no Word document, an old .doc, a binary, a text called .pdf', async () => {
    await expectRefused(
      extractPlanText(writeZip([{ name: 'a.txt', data: Buffer.from('x') }]), 'plan.docx'),
      'unsupported_type',
    );
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 0)]);
    const err = await refusal(extractPlanText(ole, '方案.doc'));
    expect([err.code, err.messageZh]).toEqual(['unsupported_type', expect.stringContaining('.docx')]);
    await expectRefused(extractPlanText(Buffer.from([1, 2, 0, 0, 3, 4, 0, 9]), 'plan.txt'), 'unsupported_type');
    await expectRefused(extractPlanText(Buffer.from('一、重点任务\n1．合作。'), 'plan.pdf'), 'corrupt');
    await expectRefused(extractPlanText(Buffer.from('%PDF-1.7\n garbage'), 'plan.pdf'), 'corrupt');
  });

  it('a document without extractable text', async () => {
    await expectRefused(extractPlanText(await planDocx(['', ' ']), 'plan.docx'), 'no_text');
    if (hasCjkFont()) {
      const scan = await planPdf([{ canvas: [{ type: 'rect', x: 0, y: 0, w: 200, h: 300, color: '#888' }] }]);
      await expectRefused(extractPlanText(scan, 'scan.pdf'), 'no_text');
    }
  });
});
