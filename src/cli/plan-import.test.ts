import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { planImportCommand } from './plan-import.ts';
import { seedPlanText } from '../server/modules/plans/test-support/plan-api.ts';
import { testEngines } from '../server/testing/test-engines.ts';
import { embeddedDataDir } from '../server/testing/test-database.ts';

/** The command opens the embedded database itself, as `npx duikou plan import` does on an installed machine. */
describe.skipIf(!testEngines().includes('pglite'))('duikou plan import', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await planImportCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
    return { code, out: out.join(''), err: err.join('') };
  };
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  let data: ReturnType<typeof embeddedDataDir>;
  beforeAll(() => {
    data = embeddedDataDir();
    dir = data.dir;
    env = data.env;
  });
  afterAll(() => data.remove());

  it('imports a changed version of a seed plan (first start has loaded the seeds), then finds nothing new', async () => {
    const revised = seedPlanText('jilinZhejiang')
      .toString('utf8')
      .replace('5．借鉴浙江省金融改革试点', '5．全面借鉴浙江省金融改革试点');
    const p = file('吉浙方案.txt', revised);
    const first = await run(p);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/吉林省与浙江省对口合作实施方案 v2 .*39 项任务.*changed 1/);
    const again = await run(p);
    expect(again.out).toMatch(/unchanged: .* v2/);
  });

  it('says which pairings to choose from when the sides match none, and refuses what is not a plan', async () => {
    const unmatched = file(
      'jl-js.txt',
      seedPlanText('jilinZhejiang')
        .toString('utf8')
        .replace('吉林省与浙江省对口合作实施方案', '吉林省与江苏省对口合作实施方案'),
    );
    const res = await run(unmatched);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/--pairing[\s\S]*吉林省—浙江省/);
    expect((await run(unmatched, '--pairing', 'nope')).code).toBe(1);
    const image = await run(
      file('scan.pdf', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)])),
    );
    expect(image.code).toBe(1);
    expect(image.err).toMatch(/图片.*\/.*image/);
    expect((await run()).code).toBe(2);
  });
});
