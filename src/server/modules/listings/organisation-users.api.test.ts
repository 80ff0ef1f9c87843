import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../http/system-actor.ts';
import { buildOrgUser } from '../../seed/builders.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';

const PASSWORD = 'Duikou-Register-2026!';

describe.each(testEngines())(
  'an approved organisation manages its own accounts on %s',
  (engine) => {
    const s = useProgrammeApp(engine);

    it('invites and disables its colleagues once approved, never another organisation’s accounts', async () => {
      const anon = s.t.client();
      const registered = await anon.post('/api/registrations', {
        organisationName: '吉林省农业科学院',
        kind: 'institution',
        creditCode: '91110000710931141J',
        regionCode: '220100',
        contactName: '李研究员',
        contactPhone: '0431-87063000',
        username: 'jaas-holder',
        password: PASSWORD,
      });
      expect(registered.statusCode, registered.body).toBe(201);
      const holder = await s.as({ username: 'jaas-holder', password: PASSWORD });
      const colleague = { username: 'jaas-li', displayName: '李助理', password: 'Colleague-Pass-2026!' };

      // Pending: the holder reads only public listings and manages no accounts.
      const early = await holder.post('/api/organisation-users', colleague);
      expect(early.statusCode).toBe(403);
      expect(early.json().error.details[0]).toMatchObject({ field: 'organisation', code: 'own_users_approved_only' });

      const office = await s.as(s.f.users.jilin);
      const [reg] = (await office.get('/api/registrations')).json().items;
      expect((await office.post(`/api/registrations/${reg.id}/decision`, { decision: 'approve' })).statusCode).toBe(
        200,
      );
      // An office has no such permission: its accounts are the administrators' business.
      expect((await office.get('/api/organisation-users')).statusCode).toBe(403);

      const weak = await holder.post('/api/organisation-users', { ...colleague, password: '123' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.details[0].field).toBe('password');
      const invited = await holder.post('/api/organisation-users', colleague);
      expect(invited.statusCode, invited.body).toBe(201);
      expect(invited.json()).toMatchObject({
        username: 'jaas-li',
        organisationId: reg.organisationId,
        roles: ['enterprise'],
        active: true,
        mustChangePassword: true,
      });
      const taken = await holder.post('/api/organisation-users', colleague);
      expect(taken.json().error.details[0]).toMatchObject({ field: 'username', code: 'duplicate_username' });
      const listed = (await holder.get('/api/organisation-users')).json();
      expect(listed.items.map((u: { username: string }) => u.username).sort()).toEqual(['jaas-holder', 'jaas-li']);

      // The colleague signs in (and must replace the inviter's password first).
      const li = s.t.client();
      expect((await li.login(colleague.username, colleague.password)).statusCode).toBe(200);
      expect((await li.get('/api/listings')).json().error.code).toBe('password_change_required');

      // Another organisation's account answers 404; one's own account cannot be disabled here.
      const other = await buildOrgUser(systemContext(s.t.deps), {
        username: 'other-enterprise',
        regionCode: '220100',
        roles: ['enterprise'],
        kind: 'enterprise',
        orgName: '长春另一家企业',
      });
      expect(
        (await holder.patch(`/api/organisation-users/${other.userId}`, { version: 1, active: false })).statusCode,
      ).toBe(404);
      const holderId = listed.items.find((u: { username: string }) => u.username === 'jaas-holder').id;
      expect(
        (await holder.patch(`/api/organisation-users/${holderId}`, { version: 1, active: false })).statusCode,
      ).toBe(403);

      const disabled = await holder.patch(`/api/organisation-users/${invited.json().id}`, {
        version: invited.json().version,
        active: false,
      });
      expect(disabled.statusCode, disabled.body).toBe(200);
      expect(disabled.json().active).toBe(false);
      expect((await li.get('/api/auth/me')).statusCode).toBe(401);
      expect((await s.t.client().login(colleague.username, colleague.password)).statusCode).not.toBe(200);

      const audit = await s.t.database.db.execute<{ action: string; object_id: string }>(
        sql`SELECT action, object_id FROM audit_log WHERE action LIKE 'user.%' AND object_id = ${invited.json().id} ORDER BY id`,
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['user.create', 'user.deactivate']);
    });
  },
  600_000,
);
