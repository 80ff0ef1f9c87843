import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../server/db/data-dir-lock.ts';
import { embeddedDataDir } from '../server/testing/test-database.ts';
import { testEngines } from '../server/testing/test-engines.ts';
import { summaryCommand } from './summary.ts';

/** `duikou summary export` on the embedded database, as an operator runs it on an installed machine. */
describe.skipIf(!testEngines().includes('pglite'))('duikou summary export', () => {
  let data: ReturnType<typeof embeddedDataDir>;
  let out: string;
  const run = async (...args: string[]) => {
    const o: string[] = [];
    const e: string[] = [];
    const code = await summaryCommand(
      args[0],
      args.slice(1),
      { out: (s) => o.push(s), err: (s) => e.push(s) },
      data.env,
    );
    return { code, out: o.join(''), err: e.join('') };
  };

  beforeAll(() => {
    data = embeddedDataDir();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-summary-cli-'));
  });
  afterAll(() => {
    data.remove();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('writes the pairing’s summary of the year as a Word file and its annex as Excel, the pairing named as typed', async () => {
    expect((await run('export', '--pairing', '吉林省—浙江省')).code).toBe(2);
    expect((await run('export', '--pairing', '吉林省—浙江省', '--year', '24', '--out', 'x.docx')).code).toBe(2);
    const unknown = await run(
      'export',
      '--pairing',
      '吉林省—江苏省',
      '--year',
      '2024',
      '--out',
      path.join(out, 'x.docx'),
    );
    expect(unknown).toMatchObject({ code: 1, err: expect.stringContaining('no such pairing: 吉林省—江苏省') });

    const docx = path.join(out, '总结.docx');
    const xlsx = path.join(out, '附件.xlsx');
    const done = await run('export', '--pairing', '吉林省—浙江省', '--year', '2024', '--out', docx, '--xlsx', xlsx);
    expect(done, done.err).toMatchObject({
      code: 0,
      out: expect.stringContaining('吉林省—浙江省对口合作2024年工作总结'),
    });
    const text = (await mammoth.extractRawText({ buffer: fs.readFileSync(docx) })).value;
    expect(text).toContain('吉林省—浙江省对口合作2024年工作总结');
    expect(text).toContain('八、下年打算');
    expect(text).not.toContain('{{');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets).toHaveLength(5);
    // No annual plan of 2024 for this pairing: the plan cannot be written, and the command says why.
    const plan = await run('export', '--pairing', '吉林省—浙江省', '--year', '2024', '--out', docx, '--kind', 'plan');
    expect(plan).toMatchObject({ code: 1, err: expect.stringContaining('尚无年度工作计划') });
  });

  it('says in one line to stop the server when the running server holds the data directory', async () => {
    const held = lockDataDir(data.env.DATA_DIR!);
    try {
      const r = await run('export', '--pairing', '吉林省—浙江省', '--year', '2024', '--out', path.join(out, 'y.docx'));
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain('stop it before running this command');
    } finally {
      held.release();
    }
  });
});
