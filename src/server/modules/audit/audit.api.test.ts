import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';

describe.each(testEngines())('audit trail on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('records logins, logouts, failures and changes, and the auditor filters them', async () => {
    const u = s.t.client();
    await u.login(s.f.users.jilin.username, 'wrong');
    await u.login(s.f.users.jilin.username, s.f.users.jilin.password);
    await u.post('/api/auth/logout');
    const a = s.t.client();
    await a.login(s.f.users.auditor.username, s.f.users.auditor.password);
    const mine = (await a.get('/api/audit?actorName=jilin&pageSize=50')).json();
    const actions = mine.items.map((i: { action: string; result: string }) => `${i.action}:${i.result}`);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.login:failure', 'auth.login:success', 'auth.logout:success']),
    );
    const failures = (await a.get('/api/audit?result=failure&action=auth.login')).json();
    expect(failures.items.every((i: { result: string }) => i.result === 'failure')).toBe(true);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await a.get(`/api/audit?from=${today}&to=${today}`)).json().total).toBeGreaterThan(0);
    expect((await a.get('/api/audit?from=2001-01-01&to=2001-01-02')).json().total).toBe(0);
  });

  it('is append-only in the database and its hash chain shows any edit made behind the app', async () => {
    const a = s.t.client();
    await a.login(s.f.users.auditor.username, s.f.users.auditor.password);
    expect((await a.get('/api/audit/verify')).json()).toMatchObject({ ok: true, firstBrokenId: null });
    await expect(s.t.database.db.execute(sql`UPDATE audit_log SET action = 'nothing' WHERE id = 1`)).rejects.toThrow();
    await expect(s.t.database.db.execute(sql`DELETE FROM audit_log WHERE id = 1`)).rejects.toThrow();
    await expect(s.t.database.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    // Someone with the database owner's rights disables the guard and rewrites a row.
    await s.t.database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await s.t.database.db.execute(sql`UPDATE audit_log SET actor_name = 'someone-else' WHERE id = 3`);
    await s.t.database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const verdict = (await a.get('/api/audit/verify')).json();
    expect(verdict).toMatchObject({ ok: false, firstBrokenId: 3 });
  });

  it('writes the audit row in the same transaction as the change: a failed change leaves neither', async () => {
    const count = async () =>
      Number(
        (
          await s.t.database.db.execute<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'organisation.create'`,
          )
        ).rows[0]!.n,
      );
    const before = await count();
    const c = s.t.client();
    await c.login(s.f.users.sysadmin.username, s.f.users.sysadmin.password);
    expect(
      (await c.post('/api/organisations', { name: '重复单位', kind: 'lead_unit', regionCode: '220000' })).statusCode,
    ).toBe(201);
    expect(await count()).toBe(before + 1);
    expect(
      (await c.post('/api/organisations', { name: '重复单位', kind: 'lead_unit', regionCode: '220000' })).statusCode,
    ).toBe(400);
    expect(await count()).toBe(before + 1);
  });
});
