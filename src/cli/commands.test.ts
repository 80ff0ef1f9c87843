import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { demoCommand } from './demo.ts';
import { adminCreateCommand } from './admin-create.ts';
import { withAppDeps } from '../server/cli-support.ts';
import { lockDataDir } from '../server/db/data-dir-lock.ts';
import { testEngines } from '../server/testing/test-engines.ts';
import { embeddedDataDir } from '../server/testing/test-database.ts';

/** The commands open the embedded database themselves, as `npx duikou …` does on an installed machine. */
describe.skipIf(!testEngines().includes('pglite'))('duikou demo and admin create', () => {
  let data: ReturnType<typeof embeddedDataDir>;
  let env: NodeJS.ProcessEnv;
  const demo = async (command: string | undefined, ...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await demoCommand(command, args, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
    return { code, out: out.join(''), err: err.join('') };
  };
  const query = <T extends Record<string, unknown>>(text: ReturnType<typeof sql>) =>
    withAppDeps(env, async (deps) => (await deps.db.execute<T>(text)).rows);

  beforeAll(() => {
    data = embeddedDataDir();
    env = data.env;
  });
  afterAll(() => data.remove());

  // The demo fill writes a whole pairing's records in the embedded database: over a minute on a loaded 2-core machine.
  it('fills a pairing with demo records, refuses a second fill, and clears them in one step', async () => {
    expect((await demo('fill')).code).toBe(2);
    const unknown = await demo('fill', '--pairing', '00000000-0000-4000-8000-000000000000');
    expect(unknown).toMatchObject({ code: 1, err: expect.stringContaining('no such pairing') });
    const unnamed = await demo('fill', '--pairing', '吉林省—江苏省');
    expect(unnamed).toMatchObject({ code: 1, err: expect.stringContaining('no such pairing: 吉林省—江苏省') });
    const [pairing] = await query<{ id: string }>(sql`SELECT id FROM pairings WHERE name = '吉林省—浙江省'`);

    // The pairing by its exact name, as an operator types it.
    const filled = await demo('fill', '--pairing', '吉林省—浙江省', '--seed', '7');
    expect(filled.code).toBe(0);
    expect(filled.out).toContain('吉林省—浙江省');
    expect(JSON.parse(filled.out.slice(filled.out.indexOf('{')))).toMatchObject({ projects: 23, parks: 3, events: 3 });
    const again = await demo('fill', '--pairing', pairing!.id);
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('demo clear') });

    const cleared = await demo('clear');
    expect(cleared.code).toBe(0);
    expect(JSON.parse(cleared.out.slice(cleared.out.indexOf('{')))).toMatchObject({
      projects: 23,
      parks: 3,
      events: 3,
    });
    const [after] = await query<{ remaining: number; audited: number }>(sql`
      SELECT (SELECT count(*) FROM projects WHERE is_demo) + (SELECT count(*) FROM parks) + (SELECT count(*) FROM events) AS remaining,
             (SELECT count(*) FROM audit_log WHERE request_id = 'cli') AS audited`);
    expect(Number(after!.remaining)).toBe(0);
    expect(Number(after!.audited)).toBeGreaterThan(0);
  }, 300_000);

  it('says in one line to stop the server when the running server holds the data directory', async () => {
    const held = lockDataDir(env.DATA_DIR!);
    try {
      const refused = await demo('fill', '--pairing', '吉林省—浙江省');
      expect(refused.code).toBe(1);
      expect(refused.out).toBe('');
      expect(refused.err.trimEnd().split('\n')).toHaveLength(1);
      expect(refused.err).toContain('请先停止服务器');
      expect(refused.err).toContain('stop it before running this command');
      expect(refused.err).not.toMatch(/\n\s+at /);
      const adminCode = await adminCreateCommand(['--username', 'x'], {
        ...env,
        DUIKOU_ADMIN_PASSWORD: 'Duikou-Admin-2026!',
      });
      expect(adminCode).toBe(1);
    } finally {
      held.release();
    }
  });

  it('creates the first administrator from the password given, once', async () => {
    const weak = await adminCreateCommand(['--username', 'root'], { ...env, DUIKOU_ADMIN_PASSWORD: '123' });
    expect(weak).toBe(1);
    expect(
      await adminCreateCommand(['--username', 'root'], { ...env, DUIKOU_ADMIN_PASSWORD: 'Duikou-Admin-2026!' }),
    ).toBe(0);
    const [admin] = await query<{ username: string }>(sql`SELECT username FROM users WHERE username = 'root'`);
    expect(admin).toEqual({ username: 'root' });
    expect(
      await adminCreateCommand(['--username', 'second'], { ...env, DUIKOU_ADMIN_PASSWORD: 'Duikou-Admin-2026!' }),
    ).toBe(1);
  });
});
