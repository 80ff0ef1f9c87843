import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planParseCommand } from './plan-parse.ts';
import { seedText } from '../server/modules/plans/parser/test-support/seeds.ts';
import { CORPUS_DIR } from '../server/modules/plans/parser/test-support/corpus.ts';
import type { ParsedPlan } from '../server/modules/plans/parser/types.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-plan-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await planParseCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('duikou plan parse', () => {
  const file = path.join(dir, '吉林浙江实施方案.txt');
  fs.writeFileSync(file, seedText('jilinZhejiang'));

  it('prints the parsed plan as JSON with --json', async () => {
    const { code, out } = await run(['plan', 'parse', file, '--json']);
    expect(code).toBe(0);
    const plan = JSON.parse(out) as ParsedPlan;
    expect(Object.keys(plan)).toEqual(['title', 'docNo', 'kind', 'sides', 'subPairs', 'sections', 'measures']);
    expect(plan.title).toBe('吉林省与浙江省对口合作实施方案');
    expect(plan.sections[2].children).toHaveLength(6);
    expect(Object.keys(plan.sections[2].children![0].tasks[0])).toEqual([
      'no',
      'title',
      'text',
      'line',
      'endLine',
      'targets',
      'subPairs',
      'units',
    ]);
  });

  it('prints a readable tree without --json', async () => {
    const { code, out } = await run([file]);
    expect(code).toBe(0);
    expect(out).toContain('吉林省与浙江省对口合作实施方案  [implementation]');
    expect(out).toContain('3. 支持浙江企业通过多种方式参与吉林国有企业改革、改造和重组');
    expect(out).toContain('◎ 10–20 户  「10—20户」');
    expect(out).toContain('⇄ 长春市(220100)、长白山开发区管委会(Z22000001) — 杭州市(330100)');
  });

  it('shows sub-pairs of a plan never seen, with an ambiguous name’s candidates (issue 15)', async () => {
    const corpus = path.join(CORPUS_DIR, 'liaoning-jiangsu-2026.txt');
    const { out } = await run([corpus]);
    expect(out).toContain('⇄ 铁西区(210303) — 鼓楼区(320302)');
    expect(out).toContain(
      '⇄ 铁西区(? 沈阳市铁西区 210106 / 鞍山市铁西区 210303) — 鼓楼区(? 南京市鼓楼区 320106 / 徐州市鼓楼区 320302)',
    );
    const plan = JSON.parse((await run([corpus, '--json'])).out) as ParsedPlan;
    const pair = plan.sections[0]!.tasks[2]!.subPairs[0]!;
    expect([pair.a[0], pair.b[0]!.code]).toEqual([
      {
        name: '铁西区',
        code: null,
        candidates: [
          { name: '沈阳市铁西区', code: '210106' },
          { name: '鞍山市铁西区', code: '210303' },
        ],
      },
      null,
    ]);
  });

  it('refuses a file that is not a plan, in Chinese and English', async () => {
    const png = path.join(dir, 'scan.pdf');
    fs.writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(100, 1)]));
    const { code, out, err } = await run(['parse', png, '--json']);
    expect(code).toBe(1);
    expect(err).toContain('文件是图片');
    expect(err).toContain('is an image');
    expect(JSON.parse(out)).toMatchObject({ error: { code: 'image' } });
  });

  it('reports usage and missing files', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['a.txt', 'b.txt'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
    const missing = await run([path.join(dir, 'nope.txt')]);
    expect([missing.code, missing.err]).toEqual([1, expect.stringContaining('file not found')]);
  });
});
