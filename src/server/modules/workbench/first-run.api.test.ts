import { describe, expect, it } from 'vitest';
import type { FirstRun } from '../../../common/api/workbench.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';

/** The administrator's first run: the offices the plans name are offered one by one until each has a user. */
describe.each(testEngines())('first-run checklist on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('offers the pairing offices the loaded plans name, and marks each done once it exists with a user', async () => {
    const admin = await s.as(s.f.users.sysadmin);
    const first = (await admin.get('/api/workbench/first-run')).json() as FirstRun;
    // The fixture has a national office with a user already.
    expect(first.nationalOffice).toMatchObject({ regionCode: '000000', regionName: '全国', users: 1 });
    expect(first.nationalOffice.organisationId).not.toBeNull();
    expect(first.offices.map((o) => [o.proposedName, o.regionName, o.pairingName])).toEqual([
      ['辽宁省对口合作工作领导小组办公室', '辽宁省', '辽宁省—江苏省'],
      ['吉林省发展改革委', '吉林省', '吉林省—浙江省'],
      ['江苏省对口合作工作领导小组办公室', '江苏省', '辽宁省—江苏省'],
      ['浙江省发展改革委（省对口支援办）', '浙江省', '吉林省—浙江省'],
    ]);
    expect(first.offices.every((o) => o.organisationId === null)).toBe(true);
    expect(first.done).toBe(false);

    // One click: the organisation as offered, through the ordinary route.
    const jilin = first.offices.find((o) => o.regionCode === '220000')!;
    const created = await admin.post('/api/organisations', {
      name: jilin.proposedName,
      kind: 'pairing_office',
      regionCode: jilin.regionCode,
    });
    expect(created.statusCode, created.body).toBe(201);
    const organisationId = created.json().id as string;
    let now = (await admin.get('/api/workbench/first-run')).json() as FirstRun;
    expect(now.offices.find((o) => o.regionCode === '220000')).toMatchObject({ organisationId, users: 0 });

    const user = await admin.post('/api/users', {
      username: 'jilin-fgw',
      displayName: '吉林省发展改革委对口合作处',
      organisationId,
      roles: ['pairing_office'],
      password: 'Duikou#2026a',
    });
    expect(user.statusCode, user.body).toBe(201);
    // The password the administrator chose is replaced at the first sign-in before anything else.
    const fresh = s.t.client();
    expect((await fresh.login('jilin-fgw', 'Duikou#2026a')).statusCode).toBe(200);
    expect((await fresh.get('/api/auth/me')).json().pending).toBe('password_change');
    expect((await fresh.get('/api/workbench')).statusCode).toBe(403);
    now = (await admin.get('/api/workbench/first-run')).json() as FirstRun;
    expect(now.offices.find((o) => o.regionCode === '220000')).toMatchObject({ organisationId, users: 1 });
    expect(now.done).toBe(false);
  });

  it('is for the system administrator', async () => {
    expect((await (await s.as(s.f.users.jilin)).get('/api/workbench/first-run')).statusCode).toBe(403);
  });
});
