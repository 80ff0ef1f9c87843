import { sql } from 'drizzle-orm';
import { beforeAll, afterAll, expect } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import type { Engine } from './test-engines.ts';
import { systemContext } from '../http/system-actor.ts';
import { seedProgramme } from '../seed/programme-seed.ts';
import { buildOrgUser } from '../seed/builders.ts';
import type { Role } from '../../common/access/roles.ts';

/** The real programme plus one user per interesting vantage point, for API and authorization tests. */
export async function loadProgrammeWithUsers(t: TestApp) {
  const ctx = systemContext(t.deps);
  await seedProgramme(ctx);
  const user = (
    username: string,
    regionCode: string,
    roles: Role[],
    kind: Parameters<typeof buildOrgUser>[1]['kind'] = 'pairing_office',
  ) => buildOrgUser(ctx, { username, regionCode, roles, kind });
  const users = {
    national: await user('national', '000000', ['national_office'], 'national_office'),
    jilin: await user('jilin', '220000', ['pairing_office']),
    zhejiang: await user('zhejiang', '330000', ['pairing_office']),
    liaoning: await user('liaoning', '210000', ['pairing_office']),
    changchun: await user('changchun', '220100', ['pairing_office']),
    jilinUnit: await user('jilin-unit', '220000', ['lead_unit'], 'lead_unit'),
    sysadmin: await user('sysadmin', '000000', ['sys_admin'], 'operator'),
    secadmin: await user('secadmin', '000000', ['security_admin'], 'operator'),
    auditor: await user('auditor', '000000', ['audit_admin'], 'operator'),
  };
  // The 三员 must sign in with a second factor: each sets up its authenticator, as at its first sign-in.
  for (const admin of [users.sysadmin, users.secadmin, users.auditor]) {
    const c = t.client();
    await c.login(admin.username, admin.password);
    await c.enrolTotp(admin.username, admin.password);
  }
  const ids = async (name: string) => {
    const r = await t.database.db.execute<{ id: string }>(sql`SELECT id FROM pairings WHERE name = ${name}`);
    return r.rows[0]!.id;
  };
  const pairings = {
    jilinZhejiang: await ids('吉林省—浙江省'),
    liaoningJiangsu: await ids('辽宁省—江苏省'),
    panjinWuxi: await ids('盘锦市—无锡市'),
    jilinWenzhou: await ids('吉林市—温州市'),
  };
  const [programme] = (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM programmes`)).rows;
  return { users, pairings, programmeId: programme!.id };
}

export type ProgrammeFixture = Awaited<ReturnType<typeof loadProgrammeWithUsers>>;

/**
 * Inside a `describe`: a test app on `engine` loaded with the real programme and its users, closed after the
 * block; `as(user)` signs a new client in.
 */
export function useProgrammeApp(engine: Engine, env: Record<string, string> = {}) {
  const s = {} as {
    t: TestApp;
    f: ProgrammeFixture;
    as: (u: { username: string; password: string }) => Promise<TestClient>;
  };
  beforeAll(async () => {
    s.t = await createTestApp(engine, env);
    s.f = await loadProgrammeWithUsers(s.t);
  });
  afterAll(async () => s.t?.close());
  s.as = async (u) => {
    const c = s.t.client();
    expect((await c.login(u.username, u.password)).statusCode).toBe(200);
    return c;
  };
  return s;
}
