import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { withAppDeps } from '../server/cli-support.ts';
import { lockDataDir } from '../server/db/data-dir-lock.ts';
import { repoPath } from '../server/repo-path.ts';
import { embeddedDataDir } from '../server/testing/test-database.ts';
import { testEngines } from '../server/testing/test-engines.ts';
import { programmeCommand } from './programme.ts';

/** `duikou programme load` on the embedded database, as an operator runs it on an installed machine. */
describe.skipIf(!testEngines().includes('pglite'))('duikou programme load', () => {
  let data: ReturnType<typeof embeddedDataDir>;
  let dir: string;
  const example = repoPath('resources/programmes/dongxi-xiezuo-2021.json');
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await programmeCommand(
      args[0],
      args.slice(1),
      { out: (s) => out.push(s), err: (s) => err.push(s) },
      data.env,
    );
    return { code, out: out.join(''), err: err.join('') };
  };

  beforeAll(() => {
    data = embeddedDataDir();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-programme-'));
  });
  afterAll(() => {
    data.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads the example, says so when nothing changed, and reports a changed file', async () => {
    const first = await run('load', example);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('已创建 / created: 东西部协作');
    expect(first.out).toContain('新增 added 11');
    expect(first.out).toContain('江苏省—青海省');

    const again = await run('load', example);
    expect(again).toMatchObject({ code: 0, err: '' });
    expect(again.out).toMatch(/^未变化 \/ unchanged: 东西部协作 .* 11 /);

    const changed = JSON.parse(fs.readFileSync(example, 'utf8'));
    changed.pairings[0].theme = '产业协作';
    const file = path.join(dir, 'changed.json');
    fs.writeFileSync(file, JSON.stringify(changed));
    const updated = await run('load', file);
    expect(updated.code).toBe(0);
    expect(updated.out).toContain('新增 added 0, 修改 updated 1, 未变 unchanged 10');
    expect(updated.out).toContain('修改 / updated: 北京市—内蒙古自治区');

    const audited = await withAppDeps(
      data.env,
      async (deps) =>
        (
          await deps.db.execute<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'programme.load' AND actor_name = 'system'`,
          )
        ).rows[0]!.n,
    );
    expect(Number(audited)).toBe(2);
  });

  it('refuses a bad file naming the entry, a file that is not JSON, and a running embedded server', async () => {
    const bad = JSON.parse(fs.readFileSync(example, 'utf8'));
    bad.pairings[3].children = [{ a: ['320500'], b: ['619999'], level: 'city' }];
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify(bad));
    const refused = await run('load', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('pairings[3].children[0].b[0]');
    expect(refused.err).toContain('619999');

    const notJson = path.join(dir, 'not.json');
    fs.writeFileSync(notJson, '{ "programme": ');
    expect(await run('load', notJson)).toMatchObject({ code: 1, err: expect.stringContaining('not valid JSON') });
    expect((await run('load')).code).toBe(2);

    const held = lockDataDir(data.env.DATA_DIR!);
    try {
      const busy = await run('load', example);
      expect(busy.code).toBe(1);
      expect(busy.err.trimEnd().split('\n')).toHaveLength(1);
      expect(busy.err).toContain('请先停止服务器');
    } finally {
      held.release();
    }
  });
});
