import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAppDeps } from '../server/cli-support.ts';
import { lockDataDir } from '../server/db/data-dir-lock.ts';
import { systemContext } from '../server/http/system-actor.ts';
import { newProject } from '../server/modules/projects/test-support/project-api.ts';
import { iatiSchemaErrors } from '../server/modules/open-data/test-support/iati-schema.ts';
import { buildProject } from '../server/seed/builders.ts';
import { seedProgramme } from '../server/seed/programme-seed.ts';
import { createTestApp } from '../server/testing/test-app.ts';
import { embeddedDataDir } from '../server/testing/test-database.ts';
import { testEngines } from '../server/testing/test-engines.ts';
import { demoCommand } from './demo.ts';
import { openCommand } from './open.ts';

/** `duikou open iati` on the embedded database, and beside a server that holds it. */
describe.skipIf(!testEngines().includes('pglite'))('duikou open iati', () => {
  let data: ReturnType<typeof embeddedDataDir>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-iati-'));
  const run = async (env: NodeJS.ProcessEnv, ...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await openCommand('iati', args, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
    return { code, out: out.join(''), err: err.join('') };
  };

  beforeAll(() => {
    data = embeddedDataDir();
  });
  afterAll(() => {
    data.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the published demo projects of a pairing named by its exact name, valid against the schema', async () => {
    const io = { out: () => {}, err: () => {} };
    expect(await demoCommand('fill', ['--pairing', '吉林省—浙江省', '--seed', '7'], io, data.env)).toBe(0);
    // Publish three more demo projects, as an office would (demo fill publishes a few itself).
    const published = await withAppDeps(data.env, async (deps) => {
      await deps.db.execute(sql`UPDATE projects SET published_at = now()
        WHERE id IN (SELECT id FROM projects WHERE is_demo AND published_at IS NULL ORDER BY title LIMIT 3)`);
      const r = await deps.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM projects WHERE published_at IS NOT NULL`,
      );
      return r.rows[0]!.n;
    });
    expect(published).toBeGreaterThanOrEqual(3);
    const file = path.join(dir, 'jz.xml');
    const done = await run(data.env, '--out', file, '--pairing', '吉林省—浙江省');
    expect(done, done.err).toMatchObject({ code: 0, out: expect.stringContaining(`${published} activities`) });
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml.split('<iati-activity ').length - 1).toBe(published);
    expect(xml).toContain('演示');
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    const unknown = await run(data.env, '--out', file, '--pairing', '吉林省—广东省');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('pairing');
    expect((await run(data.env)).code).toBe(2);
  }, 300_000);

  it('asks the running server for the file when the server holds the embedded database', async () => {
    const t = await createTestApp('pglite');
    const held = lockDataDir(data.env.DATA_DIR!);
    try {
      const ctx = systemContext(t.deps);
      await seedProgramme(ctx);
      const [jz] = (
        await t.database.db.execute<{ id: string }>(sql`SELECT id FROM pairings WHERE name = '吉林省—浙江省'`)
      ).rows;
      const id = await buildProject(ctx, newProject(jz!.id, { title: '服务器上的公开项目' }) as never);
      await t.database.db.execute(sql`UPDATE projects SET published_at = now() WHERE id = ${id}`);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (t.app.server.address() as { port: number }).port;
      const file = path.join(dir, 'server.xml');
      const done = await run({ ...data.env, PORT: String(port) }, '--out', file);
      expect(done, done.err).toMatchObject({ code: 0 });
      expect(fs.readFileSync(file, 'utf8')).toContain('服务器上的公开项目');
    } finally {
      held.release();
      await t.close();
    }
  }, 120_000);
});
