import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { countStatements } from '../../testing/statement-counter.ts';

describe.each(testEngines())('the session cache on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it("keeps a user's session while other users sign in and out, and reads it again when it is the user's that changes", async () => {
    const lookups = countStatements(s.t.database.db, /from "sessions" inner join "users"/);
    try {
      const jl = await s.as(s.f.users.jilin);
      expect((await jl.get('/api/auth/me')).statusCode).toBe(200);
      let before = lookups.count;
      expect((await jl.get('/api/auth/me')).statusCode).toBe(200);
      expect(lookups.count).toBe(before);

      // Another user signing in and out writes sessions and sign-ins, but only their own rows.
      const zj = await s.as(s.f.users.zhejiang);
      expect((await zj.get('/api/auth/me')).statusCode).toBe(200);
      expect((await zj.post('/api/auth/logout')).statusCode).toBe(200);
      expect((await zj.get('/api/auth/me')).statusCode).toBe(401);
      before = lookups.count;
      expect((await jl.get('/api/auth/me')).statusCode).toBe(200);
      expect(lookups.count).toBe(before);

      // The same user signing in elsewhere is a change to the user's sessions: read again.
      const jl2 = await s.as(s.f.users.jilin);
      before = lookups.count;
      expect((await jl.get('/api/auth/me')).statusCode).toBe(200);
      expect(lookups.count).toBe(before + 1);
      // Signing out there ends that session at once and leaves the first one working.
      expect((await jl2.post('/api/auth/logout')).statusCode).toBe(200);
      expect((await jl2.get('/api/auth/me')).statusCode).toBe(401);
      expect((await jl.get('/api/auth/me')).statusCode).toBe(200);

      // A session ended behind the API's back (a statement that names no user) ends at once.
      const cl = await s.as(s.f.users.changchun);
      expect((await cl.get('/api/auth/me')).statusCode).toBe(200);
      await s.t.database.db.execute(sql`DELETE FROM sessions WHERE user_id = ${s.f.users.changchun.userId}`);
      expect((await cl.get('/api/auth/me')).statusCode).toBe(401);
    } finally {
      lookups.restore();
    }
  });

  it("takes a change of the user's roles at once, and another user's account change leaves the session working", async () => {
    const admin = await s.as(s.f.users.sysadmin);
    const ln = await s.as(s.f.users.liaoning);
    expect((await ln.get('/api/auth/me')).json().user.roles).toEqual(['pairing_office']);
    // Someone else's account changes (the users table, for every reader): the session is read again, and stands.
    const other = (await admin.get(`/api/users/${s.f.users.jilinUnit.userId}`)).json();
    const renamed = await admin.patch(`/api/users/${other.id}`, { version: other.version, displayName: '牵头单位甲' });
    expect(renamed.statusCode).toBe(200);
    expect((await ln.get('/api/auth/me')).statusCode).toBe(200);

    const user = (await admin.get(`/api/users/${s.f.users.liaoning.userId}`)).json();
    const changed = await admin.patch(`/api/users/${user.id}`, { version: user.version, roles: ['lead_unit'] });
    expect(changed.statusCode).toBe(200);
    // A changed role ends the user's sessions: the cached one is not used.
    expect((await ln.get('/api/auth/me')).statusCode).toBe(401);
    const again = await s.as(s.f.users.liaoning);
    expect((await again.get('/api/auth/me')).json().user.roles).toEqual(['lead_unit']);
  });
});
