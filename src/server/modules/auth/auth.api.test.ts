import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { auditLog } from '../../kernel/audit/audit.tables.ts';

const ADMIN = { username: 'admin', displayName: '管理员', password: 'Str0ng#Passw0rd' };

describe.each(testEngines())('auth on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { LOGIN_MAX_FAILURES: '3', LOGIN_BACKOFF_SECONDS: '0' });
  });
  afterAll(async () => t?.close());

  it('first start needs setup and accepts only the printed one-time token', async () => {
    const c = t.client();
    expect((await c.get('/api/setup/status')).json()).toEqual({ needsSetup: true, passwordPolicy: 'dengbao-l3' });
    t.app.setupToken.issue('the-token');
    const wrong = await c.post('/api/setup', { ...ADMIN, token: 'guess' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('setup_token');
    const weak = await c.post('/api/setup', { ...ADMIN, password: 'abc', token: 'the-token' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.map((d: { field: string }) => d.field)).toContain('password');
    expect(weak.json().error.details[0].zh).toMatch(/密码/);
    const ok = await c.post('/api/setup', { ...ADMIN, token: 'the-token' });
    expect(ok.statusCode).toBe(201);
    expect((await c.get('/api/setup/status')).json()).toEqual({ needsSetup: false, passwordPolicy: 'dengbao-l3' });
    const again = await c.post('/api/setup', { ...ADMIN, username: 'other', token: 'the-token' });
    expect(again.statusCode).toBe(409);
  });

  it('logs in with a HttpOnly SameSite cookie, answers /me, and logs out server-side', async () => {
    const c = t.client();
    const res = await c.login(ADMIN.username, ADMIN.password);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(res.json().user.roles).toEqual(['sys_admin', 'security_admin', 'audit_admin']);
    const me = await c.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    const stolen = c.cookie;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: stolen } });
    expect(replay.statusCode).toBe(401);
  });

  it('refuses a state change without the session CSRF token or from another origin', async () => {
    const c = t.client();
    await c.login(ADMIN.username, ADMIN.password);
    expect((await c.post('/api/auth/logout', {}, { 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    expect((await c.post('/api/auth/logout', {}, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
  });

  it('locks the account after repeated failures, says so, and audits every attempt', async () => {
    const c = t.client();
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const unknown = await c.login('nobody', 'whatever');
    expect(unknown.statusCode).toBe(401);
    expect((await c.login(ADMIN.username, 'wrong-1')).statusCode).toBe(401);
    expect((await c.login(ADMIN.username, 'wrong-2')).statusCode).toBe(401);
    const third = await c.login(ADMIN.username, 'wrong-3');
    expect(third.statusCode).toBe(423);
    expect(third.json().error.zh).toMatch(/锁定/);
    expect((await c.login(ADMIN.username, ADMIN.password)).statusCode).toBe(423);
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(5);
    await t.database.db.execute(sql`DELETE FROM login_throttle`);
  });

  it('ends a session that has been idle longer than the idle timeout', async () => {
    const c = t.client();
    await c.login(ADMIN.username, ADMIN.password);
    await t.database.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes'`);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('sends security headers and no-store on the API', async () => {
    const res = await t.client().get('/api/setup/status');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
