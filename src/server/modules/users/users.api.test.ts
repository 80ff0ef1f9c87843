import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';

describe.each(testEngines())('organisations and users on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const rowCount = async () =>
    Number(
      (
        await s.t.database.db.execute<{ n: number }>(
          sql`SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM organisations) + (SELECT count(*) FROM audit_log) AS n`,
        )
      ).rows[0]!.n,
    );

  it('lets the system administrator create, rename and deactivate an organisation in a region', async () => {
    const c = await s.as(s.f.users.sysadmin);
    const created = await c.post('/api/organisations', {
      name: '吉林省商务厅',
      kind: 'lead_unit',
      regionCode: '220000',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().regionName).toBe('吉林省');
    const id = created.json().id;
    const renamed = await c.patch(`/api/organisations/${id}`, { version: 1, name: '吉林省商务厅（外事办）' });
    expect(renamed.json().name).toBe('吉林省商务厅（外事办）');
    const off = await c.patch(`/api/organisations/${id}`, { version: 2, active: false });
    expect(off.json().active).toBe(false);
    const listed = (await c.get('/api/organisations?regionCode=220000&active=false')).json();
    expect(listed.items.map((o: { id: string }) => o.id)).toContain(id);
  });

  it('creates a user, shows it, and a disabled user loses its session at once', async () => {
    const c = await s.as(s.f.users.sysadmin);
    const created = await c.post('/api/users', {
      username: 'wenzhou.officer',
      displayName: '温州联络员',
      organisationId: s.f.users.zhejiang.organisationId,
      roles: ['pairing_office'],
      password: 'Wz#2026office',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user.lastLoginAt).toBeNull();
    const u = await s.as({ username: 'wenzhou.officer', password: 'Wz#2026office' });
    expect((await u.get('/api/auth/me')).statusCode).toBe(200);
    // The sign-in is recorded apart from the account (user_sign_ins): the user's row, and so its version, stay.
    const shown = (await c.get(`/api/users/${user.id}`)).json();
    expect(Date.now() - Date.parse(shown.lastLoginAt)).toBeLessThan(10 * 60_000);
    expect(shown.version).toBe(user.version);
    expect((await c.patch(`/api/users/${user.id}`, { version: user.version, active: false })).statusCode).toBe(200);
    expect((await u.get('/api/auth/me')).statusCode).toBe(401);
    expect((await s.t.client().login('wenzhou.officer', 'Wz#2026office')).statusCode).toBe(403);
  });

  it('keeps the 三员 apart: only the security administrator grants administrator roles and unlocks', async () => {
    const sys = await s.as(s.f.users.sysadmin);
    const grant = await sys.post('/api/users', {
      username: 'auditor2',
      displayName: 'x',
      organisationId: s.f.users.sysadmin.organisationId,
      roles: ['audit_admin'],
      password: 'Aud#2026check',
    });
    expect(grant.statusCode).toBe(403);
    expect(grant.json().error.details[0].field).toBe('roles');
    const sec = await s.as(s.f.users.secadmin);
    const ok = await sec.post('/api/users', {
      username: 'auditor2',
      displayName: 'x',
      organisationId: s.f.users.sysadmin.organisationId,
      roles: ['audit_admin'],
      password: 'Aud#2026check',
    });
    expect(ok.statusCode).toBe(201);
    await s.t.database.db.execute(
      sql`INSERT INTO login_throttle (account, address, failures, locked_until) VALUES ('auditor2', '127.0.0.1', 0, now() + interval '1 hour')`,
    );
    expect((await sys.post(`/api/users/${ok.json().id}/unlock`)).statusCode).toBe(403);
    expect((await sec.post(`/api/users/${ok.json().id}/unlock`)).statusCode).toBe(200);
    expect((await s.t.client().login('auditor2', 'Aud#2026check')).statusCode).toBe(200);
  });

  it('rejects bad input naming the field, and changes nothing', async () => {
    const c = await s.as(s.f.users.sysadmin);
    const before = await rowCount();
    const cases: [string, unknown, string, string][] = [
      [
        '/api/users',
        {
          username: 'ghost',
          displayName: 'g',
          organisationId: '00000000-0000-4000-8000-000000000001',
          roles: ['lead_unit'],
          password: 'Gh0st#2026pw',
        },
        'organisationId',
        'unknown_organisation',
      ],
      [
        '/api/users',
        {
          username: 'jilin',
          displayName: 'dup',
          organisationId: s.f.users.jilin.organisationId,
          roles: ['lead_unit'],
          password: 'Dup#2026pass',
        },
        'username',
        'duplicate_username',
      ],
      [
        '/api/users',
        {
          username: 'weak',
          displayName: 'w',
          organisationId: s.f.users.jilin.organisationId,
          roles: ['lead_unit'],
          password: 'password',
        },
        'password',
        'password_too_few_classes',
      ],
      [
        '/api/users',
        {
          username: 'x y',
          displayName: 'w',
          organisationId: s.f.users.jilin.organisationId,
          roles: ['lead_unit'],
          password: 'Gh0st#2026pw',
        },
        'username',
        'invalid_format',
      ],
      [
        '/api/users',
        {
          username: 'norole',
          displayName: 'w',
          organisationId: s.f.users.jilin.organisationId,
          roles: ['king'],
          password: 'Gh0st#2026pw',
        },
        'roles.0',
        'invalid_value',
      ],
      [
        '/api/organisations',
        { name: '某单位', kind: 'lead_unit', regionCode: '999999' },
        'regionCode',
        'unknown_region',
      ],
      ['/api/organisations', { name: '', kind: 'lead_unit', regionCode: '220000' }, 'name', 'required'],
      ['/api/organisations', { name: '某'.repeat(101), kind: 'lead_unit', regionCode: '220000' }, 'name', 'too_long'],
      [
        '/api/organisations',
        { name: 'jilin 单位', kind: 'pairing_office', regionCode: '220000' },
        'name',
        'duplicate_organisation',
      ],
    ];
    for (const [url, body, field, code] of cases) {
      const res = await c.post(url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      const detail = res.json().error.details.find((d: { field: string }) => d.field === field);
      expect(detail?.code, JSON.stringify(res.json().error.details)).toBe(code);
    }
    expect(await rowCount()).toBe(before);
  });
});
