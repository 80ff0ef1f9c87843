import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { auditStandalone } from '../../kernel/audit/audit-writer.ts';

type Verdict = {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  brokenCount: number;
  broken: { id: number; reason: string }[];
};

describe.each(testEngines())('audit hash chain on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const verify = async () => {
    const a = await s.as(s.f.users.auditor);
    const res = await a.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    return res.json() as Verdict;
  };
  const lastId = async () =>
    Number((await s.t.database.db.execute<{ id: string }>(sql`SELECT max(id) AS id FROM audit_log`)).rows[0]!.id);

  it('hashes what the database stores: text it cannot keep and details it reshapes still verify', async () => {
    await auditStandalone(
      { ...s.t.systemCtx, ip: '10.0.0.\ud800' },
      {
        action: 'test.unstorable\u0000',
        result: 'failure',
        objectId: 'x\udc00y',
        actorOverride: { name: '\ud800' },
        details: {
          zeta: 1,
          alpha: { nested: ['a\u0000b', 'c\ud83dd', '\u202e'], 'key\u0000': true, '\ud800': 'lone key' },
          cut: '😀'.slice(0, 1),
          when: new Date('2026-01-02T03:04:05.678Z'),
          big: 12345678901234567890n,
          numbers: [1e21, 0.1 + 0.2, -0, 2 ** 60, 5e-324, 1.5e-7, Number.NaN, Number.POSITIVE_INFINITY],
          gone: undefined,
          '10': 'integer-like keys',
          '2': 'sort apart from the others',
        },
      },
    );
    const [row] = (
      await s.t.database.db.execute<{ actor_name: string; details: Record<string, unknown> }>(
        sql`SELECT actor_name, details FROM audit_log WHERE id = ${await lastId()}`,
      )
    ).rows;
    expect(row!.actor_name).toBe('\ufffd');
    expect(row!.details).toMatchObject({
      cut: '\ufffd',
      when: '2026-01-02T03:04:05.678Z',
      big: '12345678901234567890',
    });
    expect(await verify()).toMatchObject({ ok: true, brokenCount: 0, broken: [] });
  });

  it('refuses a sign-in with a lone surrogate or NUL before it is audited, and the chain stays whole', async () => {
    for (const username of ['\ud800', 'jilin\u0000', 'ad\u202enimda']) {
      const res = await s.t.client().post('/api/auth/login', { username, password: 'whatever-1A' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'username' })]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('reports every broken row, not only the first, and goes on past each break', async () => {
    const db = s.t.database.db;
    const ids = (await db.execute<{ id: string }>(sql`SELECT id FROM audit_log ORDER BY id LIMIT 12`)).rows.map((r) =>
      Number(r.id),
    );
    const [edited, deleted, afterDeleted, editedLater] = [ids[2]!, ids[5]!, ids[6]!, ids[9]!];
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    try {
      await db.execute(sql`UPDATE audit_log SET actor_name = 'someone-else' WHERE id = ${edited}`);
      await db.execute(sql`DELETE FROM audit_log WHERE id = ${deleted}`);
      await db.execute(sql`UPDATE audit_log SET details = '{"forged": true}' WHERE id = ${editedLater}`);
      // A row slipped in at the end, with a hash made up without the key.
      await db.execute(sql`INSERT INTO audit_log (action, result, prev_hash, hash)
        SELECT 'forged', 'success', hash, repeat('f', 64) FROM audit_log ORDER BY id DESC LIMIT 1`);
    } finally {
      await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    }
    const forged = await lastId();
    const verdict = await verify();
    // Signing the auditor in appends rows after the forged one; the first of them follows it as written.
    expect(verdict).toMatchObject({ ok: false, firstBrokenId: edited, brokenCount: 4 });
    expect(verdict.broken).toEqual([
      { id: edited, reason: 'content' },
      { id: afterDeleted, reason: 'link' },
      { id: editedLater, reason: 'content' },
      { id: forged, reason: 'content' },
    ]);
  });
});
