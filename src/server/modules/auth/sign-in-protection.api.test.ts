import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, testAuthenticator, type TestApp } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { systemContext } from '../../http/system-actor.ts';
import { buildOrgUser } from '../../seed/builders.ts';
import { purgeExpired } from './session-purge.ts';

/** One sign-in attempt from an address of our choosing (each test uses its own addresses). */
const attempt = (t: TestApp, address: string, body: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: address,
    headers: { 'content-type': 'application/json', 'x-csrf-token': 'anonymous' },
    payload: JSON.stringify(body),
  });

describe.each(testEngines())('sign-in protection on %s', (engine) => {
  let t: TestApp;
  const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
    (await t.database.db.execute<T>(q)).rows;
  const makeUser = async (username: string, roles: ('pairing_office' | 'audit_admin')[] = ['pairing_office']) =>
    buildOrgUser(systemContext(t.deps), {
      username,
      regionCode: roles[0] === 'audit_admin' ? '000000' : '220000',
      roles,
      kind: roles[0] === 'audit_admin' ? 'operator' : 'pairing_office',
    });

  beforeAll(async () => {
    t = await createTestApp(engine, {
      LOGIN_MAX_FAILURES: '5',
      LOGIN_ACCOUNT_MAX_FAILURES: '6',
      LOGIN_BACKOFF_SECONDS: '1',
      LOGIN_ADDRESS_MAX_PER_MINUTE: '30',
      RATE_LIMIT_API_PER_MINUTE: '100',
      SESSION_MAX_CONCURRENT: '2',
      SESSION_IDLE_MINUTES: '1',
    });
  });
  afterAll(async () => t?.close());

  /** The backoff between failures is tested on its own; elsewhere the last failure is made old enough. */
  const ageFailures = (account: string) =>
    t.database.db.execute(
      sql`UPDATE login_throttle SET last_failure_at = last_failure_at - interval '1 minute' WHERE account = ${account}`,
    );

  it('a stranger locks only its own address out: the user still signs in from theirs, and unknown names answer alike', async () => {
    const victim = await makeUser('victim');
    const answers = async (username: string) => {
      const got: string[] = [];
      for (let i = 0; i < 5; i++) {
        await ageFailures(username);
        const res = await attempt(t, '203.0.113.66', { username, password: `wrong-${i}` });
        got.push(`${res.statusCode} ${res.json().error.code}`);
      }
      return got;
    };
    const known = await answers('victim');
    expect(known).toEqual([...Array(4).fill('401 login_failed'), '423 account_locked']);
    // An account that does not exist is counted, locked and answered the same way.
    expect(await answers('no-such-user')).toEqual(known);
    expect((await attempt(t, '203.0.113.66', { username: 'victim', password: victim.password })).statusCode).toBe(423);
    expect((await attempt(t, '198.51.100.20', { username: 'victim', password: victim.password })).statusCode).toBe(200);
    const locks = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.lock' AND actor_name IN ('victim', 'no-such-user')`,
    );
    expect(Number(locks[0]!.n)).toBe(2);
    const listed = await rows<{ account: string; address: string }>(
      sql`SELECT account, address FROM login_throttle WHERE locked_until > now() ORDER BY account`,
    );
    expect(listed).toEqual([
      { account: 'no-such-user', address: '203.0.113.66' },
      { account: 'victim', address: '203.0.113.66' },
    ]);
  });

  it('after two failures an address waits before the next try (429 with Retry-After), without the password being tried', async () => {
    const u = await makeUser('backoff-user');
    for (const p of ['wrong-1', 'wrong-2'])
      expect((await attempt(t, '203.0.113.70', { username: 'backoff-user', password: p })).statusCode).toBe(401);
    const early = await attempt(t, '203.0.113.70', { username: 'backoff-user', password: u.password });
    expect(early.statusCode).toBe(429);
    expect(Number(early.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(early.json().error).toMatchObject({ code: 'rate_limited', zh: expect.stringMatching(/频繁/) });
    await ageFailures('backoff-user');
    expect((await attempt(t, '203.0.113.70', { username: 'backoff-user', password: u.password })).statusCode).toBe(200);
  });

  it('failures spread over many addresses shut out unknown addresses only; the user’s own address still signs in', async () => {
    const u = await makeUser('spread-user');
    expect((await attempt(t, '192.0.2.50', { username: 'spread-user', password: u.password })).statusCode).toBe(200);
    for (const address of ['203.0.113.81', '203.0.113.82'])
      for (let i = 0; i < 3; i++) {
        await ageFailures('spread-user');
        expect((await attempt(t, address, { username: 'spread-user', password: `x-${i}` })).statusCode).toBe(401);
      }
    const stranger = await attempt(t, '203.0.113.83', { username: 'spread-user', password: u.password });
    expect(stranger.statusCode).toBe(423);
    expect((await attempt(t, '192.0.2.50', { username: 'spread-user', password: u.password })).statusCode).toBe(200);
  });

  it('limits sign-in attempts per address per minute', async () => {
    const codes: number[] = [];
    // Two windows' worth at most: even if a minute turns during the loop, one window sees more than 30.
    for (let i = 0; i < 61 && !codes.includes(429); i++)
      codes.push((await attempt(t, '203.0.113.90', { username: `flood-${i}`, password: 'x' })).statusCode);
    expect(codes).toContain(429);
    expect(codes.filter((c) => c !== 401 && c !== 429)).toEqual([]);
    expect((await attempt(t, '203.0.113.91', { username: 'flood-x', password: 'x' })).statusCode).toBe(401);
  });

  it('limits API requests per address before sign-in, with 429, Retry-After and the error body', async () => {
    let last = await t.app.inject({ method: 'GET', url: '/api/setup/status', remoteAddress: '203.0.113.95' });
    for (let i = 0; i < 110 && last.statusCode === 200; i++)
      last = await t.app.inject({ method: 'GET', url: '/api/setup/status', remoteAddress: '203.0.113.95' });
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(last.json().error).toMatchObject({ code: 'rate_limited', en: expect.any(String), details: [] });
    const other = await t.app.inject({ method: 'GET', url: '/api/setup/status', remoteAddress: '203.0.113.96' });
    expect(other.statusCode).toBe(200);
  });

  it('TOTP: the password alone is not enough, a code works once, a recovery code once', async () => {
    const u = await makeUser('totp-user');
    const c = t.client();
    expect((await c.login('totp-user', u.password)).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().totp).toEqual({ enabled: false, required: false });
    const refused = await c.post('/api/auth/totp/enrolment', { currentPassword: 'not-it' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('currentPassword');
    const recovery = await c.enrolTotp('totp-user', u.password);
    expect(recovery).toHaveLength(10);
    expect((await c.get('/api/auth/me')).json().totp).toEqual({ enabled: true, required: false });
    const stored = await rows<{ secret_sealed: string }>(sql`SELECT secret_sealed FROM totp_credentials`);
    expect(
      stored.every(
        (r) =>
          r.secret_sealed.startsWith('s1.') && !r.secret_sealed.includes(testAuthenticator.secrets.get('totp-user')!),
      ),
    ).toBe(true);

    const bare = await attempt(t, '192.0.2.60', { username: 'totp-user', password: u.password });
    expect(bare.json().error.code).toBe('totp_required');
    const code = await testAuthenticator.nextCode('totp-user');
    expect(
      (await attempt(t, '192.0.2.60', { username: 'totp-user', password: u.password, totpCode: code })).statusCode,
    ).toBe(200);
    const replay = await attempt(t, '192.0.2.61', { username: 'totp-user', password: u.password, totpCode: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('totp_invalid');
    const withRecovery = { username: 'totp-user', password: u.password, recoveryCode: recovery[0]!.toUpperCase() };
    expect((await attempt(t, '192.0.2.62', withRecovery)).statusCode).toBe(200);
    await ageFailures('totp-user');
    expect((await attempt(t, '192.0.2.62', withRecovery)).json().error.code).toBe('totp_invalid');
    const audited = await rows<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE action LIKE 'auth.totp%' AND result = 'success' AND actor_name = 'totp-user' ORDER BY id`,
    );
    expect(audited.map((r) => r.action)).toEqual(['auth.totp_enrol', 'auth.totp_enable']);
    // The user may turn an optional second factor off again, with the password.
    const signedIn = t.client();
    await signedIn.login('totp-user', u.password);
    expect((await signedIn.post('/api/auth/totp/disable', { currentPassword: u.password })).statusCode).toBe(200);
    expect((await attempt(t, '192.0.2.63', { username: 'totp-user', password: u.password })).statusCode).toBe(200);
  });

  it('caps the sessions of one user: a new sign-in ends the oldest', async () => {
    const u = await makeUser('many-sessions');
    const first = t.client();
    await first.login('many-sessions', u.password);
    const second = t.client();
    await second.login('many-sessions', u.password);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    const third = t.client();
    await third.login('many-sessions', u.password);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/auth/me')).statusCode).toBe(200);
    expect((await third.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('keeps an active session alive under a 1-minute idle timeout (last seen is refreshed well within it)', async () => {
    const u = await makeUser('busy-user');
    const c = t.client();
    await c.login('busy-user', u.password);
    // Each step: 40 s pass since the last request (less than the minute), then the user acts again.
    for (let step = 0; step < 3; step++) {
      await t.database.db.execute(
        sql`UPDATE sessions SET last_seen_at = now() - interval '40 seconds' WHERE user_id = ${u.userId}`,
      );
      expect((await c.get('/api/auth/me')).statusCode, `step ${step}`).toBe(200);
    }
    const [seen] = await rows<{ fresh: boolean }>(
      sql`SELECT last_seen_at > now() - interval '20 seconds' AS fresh FROM sessions WHERE user_id = ${u.userId}`,
    );
    expect(seen!.fresh).toBe(true);
    await t.database.db.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '61 seconds' WHERE user_id = ${u.userId}`,
    );
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('purges sessions that can no longer be used, and keeps the live ones', async () => {
    const u = await makeUser('purge-user');
    const live = t.client();
    await live.login('purge-user', u.password);
    await t.database.db.execute(sql`
      INSERT INTO sessions (token_hash, user_id, csrf_token, last_seen_at, expires_at) VALUES
        ('idle-one', ${u.userId}, 'x', now() - interval '2 hours', now() + interval '1 hour'),
        ('ended-one', ${u.userId}, 'x', now(), now() - interval '1 minute')`);
    const purged = await purgeExpired(t.deps);
    expect(purged.sessions).toBeGreaterThanOrEqual(2);
    const left = await rows<{ token_hash: string }>(sql`SELECT token_hash FROM sessions WHERE user_id = ${u.userId}`);
    expect(left).toHaveLength(1);
    expect((await live.get('/api/auth/me')).statusCode).toBe(200);
    expect((await purgeExpired(t.deps)).sessions).toBe(0);
  });
});
