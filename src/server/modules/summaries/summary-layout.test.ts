import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_FIGURES } from '../../../common/api/summaries.ts';
import { translate } from '../../../common/i18n/messages.ts';
import { sideParams } from '../../../common/programme-sides.ts';
import type { YearRecords } from './summaries.repository.ts';
import { summarySections } from './summary-draft.ts';
import { documentDocx } from './summary-export.ts';

const run = promisify(execFile);
const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
/** LibreOffice renders the Word file; poppler reads the PDF back (both Debian packages, installed by .ci/run). */
const tools = has('soffice') && has('pdftotext') && has('pdfinfo');
const title = tools
  ? 'the Word file opens in LibreOffice as A4 pages of 22 lines × 28 characters, page numbers on the outer side'
  : 'SKIPPED: LibreOffice (soffice) or poppler (pdftotext, pdfinfo) not installed — apt-get install -y libreoffice-writer-nogui poppler-utils fonts-wqy-microhei';

const pairing = '吉林省—浙江省';
const sides = sideParams(
  { a: { zh: '东北地区', en: 'North-eastern side' }, b: { zh: '东部地区', en: 'Eastern side' } },
  'zh-CN',
  (key, params) => translate('zh-CN', key, params),
);
const records: YearRecords = {
  tasks: [
    { code: '1', title: '共建吉浙产业合作园', deadline: '2024-06-30', status: 'done', late: false, pairing },
    { code: '2', title: '举办浙商吉林行活动', deadline: '2024-09-30', status: 'delayed', late: true, pairing },
  ],
  projects: [
    {
      title: '长春新能源汽车零部件产业园',
      investor: '宁波某汽车零部件有限公司',
      side: 'a',
      stage: 'signed',
      landmark: true,
      signedOn: '2024-03-15',
      signedWan: '50000',
      arrivedWan: '12000',
      pairing,
    },
  ],
  parks: [{ name: '吉浙产业合作园', establishedOn: '2018-05-01', taxWan: '300.5', pairing }],
  cadres: [
    {
      direction: 'ne_to_east',
      homeUnit: '吉林省发展改革委',
      homePost: '处长',
      hostUnit: '浙江省发展改革委',
      hostPost: '副处长',
      startsOn: '2024-03-01',
      endsOn: '2025-02-28',
    },
  ],
  trainings: [
    {
      title: '营商环境专题培训班',
      organiser: '浙江大学',
      startsOn: '2024-05-10',
      endsOn: '2024-05-16',
      sideA: 40,
      sideB: 5,
    },
  ],
  meetings: [{ title: '吉浙对口合作联席会议', heldOn: '2024-04-20' }],
  practices: [{ title: '“最多跑一次”改革' }],
};

describe('the annual summary as a 公文 (GB/T 9704-2012) in LibreOffice', () => {
  let dir: string;
  let pdf: string;
  beforeAll(async () => {
    if (!tools) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-gongwen-'));
    const sections = summarySections(2024, records, sides).map((s) =>
      // A long last section, so that whole pages of body text show the grid.
      s.key === 'next_year' ? { ...s, text: s.text + '持续深化产业合作，推动项目落地见效。'.repeat(40) } : s,
    );
    const figures = Object.fromEntries(SUMMARY_FIGURES.map((f, i) => [f, String(i + 1)]));
    const docx = await documentDocx(
      {
        kind: 'summary',
        year: 2024,
        title: `${pairing}对口合作2024年工作总结`,
        addressee: '国家发展改革委',
        issuer: `${pairing}对口合作工作领导小组办公室`,
        sections,
        figures,
        date: '2024-12-31',
      },
      records,
      sides,
    );
    fs.writeFileSync(path.join(dir, 'summary.docx'), docx);
    // Its own profile directory: a LibreOffice already running for the user does not take the conversion over.
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        'summary.docx',
      ],
      { cwd: dir, timeout: 180_000 },
    );
    pdf = path.join(dir, 'summary.pdf');
  }, 240_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const text = async (args: string[]) => (await run('pdftotext', [...args, pdf, '-'])).stdout;

  it.skipIf(!tools)(title, async () => {
    const info = (await run('pdfinfo', ['-f', '1', '-l', '99', pdf])).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    // The body takes a few pages; each of the five short annexes prints on its own page after it.
    expect(pages).toBeGreaterThanOrEqual(7);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [
      Math.round(Number(m[1]) / 2.835),
      Math.round(Number(m[2]) / 2.835),
    ]);
    expect(sizes).toHaveLength(pages);
    for (const s of sizes) expect(s).toEqual([210, 297]);

    const all = await text(['-layout']);
    for (const expected of [
      `${pairing}对口合作 2024 年工作总结`,
      '国家发展改革委：',
      '一、总体情况',
      '八、下年打算',
      '附件：1. 2024 年签约合作项目表',
      `${pairing}对口合作工作领导小组办公室`,
      '2024 年 12 月 31 日',
      '附件 5',
      '序号',
    ])
      expect(all.replace(/ +/g, ' ')).toContain(expected.replace(/ +/g, ' '));
    expect(all).not.toContain('{{');

    // Page 2 is body text only: 22 lines (the page number apart), the full ones 28 characters (a comma or full stop
    // at the end may hang past the last one, as Chinese typesetting allows).
    const page2 = (await text(['-f', '2', '-l', '2']))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/^—\s*\d+\s*—$/.test(l));
    expect(page2).toHaveLength(22);
    // Width in characters of the body: a CJK character one, a Latin letter or digit half of one.
    const width = (l: string) =>
      [...l.replace(/\s/g, '').replace(/[，。、；：）]$/, '')].reduce(
        (w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1),
        0,
      );
    expect(Math.max(...page2.map(width))).toBe(28);

    // "— N —" on the outer side: right on odd pages, left on even ones.
    for (const page of [1, 2, 3]) {
      const bbox = await text(['-bbox', '-f', String(page), '-l', String(page)]);
      const dash = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>—<\/word>/g)].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
      }));
      const lowest = dash.sort((a, b) => b.y - a.y)[0]!;
      if (page % 2) expect(lowest.x).toBeGreaterThan(595 / 2);
      else expect(lowest.x).toBeLessThan(595 / 2);
    }
  });
});
