import { sql } from 'drizzle-orm';
import { withCheckCharacter } from '../src/common/api/id-number.ts';
import { buildApp } from '../src/server/app.ts';
import { rosterFile } from '../src/server/modules/people/test-support/roster-file.ts';
import { buildOrgUser, DEMO_PASSWORD } from '../src/server/seed/builders.ts';
import { ApiClient } from './lib/api-client.ts';
import type { InProcessApp } from './lib/in-process.ts';
import { createSyntheticSubPairs } from './lib/synthetic-data.ts';

/** Every generated meeting's title starts with this, so the data never passes for real records. */
export const SYNTHETIC_MARK = '【合成基准数据】';
export const COOPERATION_USERS = {
  national: { username: 'bench-coop-national', password: DEMO_PASSWORD },
  orgDept: { username: 'bench-coop-zzb', password: DEMO_PASSWORD },
};

export interface CooperationArgs {
  pairings: number;
  meetings: number;
  decisionsPerMeeting: number;
}

export interface CooperationPrepared {
  pairings: number;
  meetings: number;
  decisions: number;
  owners: number;
  /** Pairing ids, owner organisations and a mid-range date the load uses as filters. */
  pairingIds: string[];
  ownerIds: string[];
  rosterPairingId: string;
  setupMs: Record<string, number>;
}

/**
 * In a child process on a fresh database (runInChild): the two bench users, about 200 synthetic county sub-pairs
 * (made through the API, as the throughput stage makes them, by an in-process server on the same database), then
 * the meetings and their decisions as tracked items with a lead unit each, in bulk SQL spread over every pairing.
 */
export async function prepareCooperation(
  app: InProcessApp,
  args: CooperationArgs,
  log: (line: string) => void,
): Promise<CooperationPrepared> {
  const { ctx, deps } = app;
  const db = deps.db;
  const setupMs: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const v = await fn();
    setupMs[name] = Math.round(performance.now() - t0);
    log(`  ${name}: ${(setupMs[name] / 1000).toFixed(1)} s`);
    return v;
  };
  const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute<T & Record<string, unknown>>(q)).rows as T[];

  await buildOrgUser(ctx, {
    username: COOPERATION_USERS.national.username,
    regionCode: '000000',
    roles: ['national_office'],
    kind: 'national_office',
    orgName: '基准测试国家对口合作办（合成）',
  });
  await buildOrgUser(ctx, {
    username: COOPERATION_USERS.orgDept.username,
    regionCode: '220000',
    roles: ['org_dept'],
    kind: 'org_dept',
    orgName: '基准测试吉林省委组织部（合成）',
  });

  await step('synthetic sub-pairs', async () => {
    const server = await buildApp(deps, { logger: false, serveWeb: false });
    try {
      const api = new ApiClient(await server.listen({ port: 0, host: '127.0.0.1' }));
      await api.login(COOPERATION_USERS.national.username, COOPERATION_USERS.national.password);
      await createSyntheticSubPairs(api, args.pairings);
    } finally {
      await server.close();
    }
  });

  const total = args.meetings;
  await step('meetings', () =>
    db.execute(sql`
      WITH p AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM pairings),
           n AS (SELECT count(*)::int AS c FROM pairings)
      INSERT INTO meetings (pairing_id, kind, title, held_on, place, host_side, chair, agenda)
      SELECT p.id,
             (ARRAY['joint_meeting','department_docking','symposium','video_conference','high_level_visit'])[1 + g % 5],
             ${SYNTHETIC_MARK} || '第' || g || '次会商',
             DATE '2016-12-01' + (g * 3650 / ${total})::int,
             '合成地点' || (g % 40),
             CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END,
             '合成主持人',
             '合成议程'
      FROM generate_series(0, ${total - 1}) g JOIN p ON p.k = g % (SELECT c FROM n)`),
  );
  // Decisions: deadlines from a month to a year after the meeting; a third closed, a third under way.
  await step('decisions', () =>
    db.execute(sql`
      INSERT INTO tracked_items (pairing_id, source, source_id, source_title, seq, text, deadline, state, closed_at)
      SELECT m.pairing_id, 'meeting_decision', m.id, m.title, s,
             ${SYNTHETIC_MARK} || '议定事项' || s || '：推进合作项目落地',
             m.held_on + 30 * s,
             (ARRAY['not_started','in_progress','closed'])[1 + (s + length(m.title)) % 3],
             CASE WHEN (s + length(m.title)) % 3 = 2 THEN (m.held_on + 20 * s)::timestamptz END
      FROM meetings m CROSS JOIN generate_series(1, ${args.decisionsPerMeeting}) s
      WHERE m.title LIKE ${`${SYNTHETIC_MARK}%`}`),
  );
  // A lead unit for each, one of a hundred synthetic units (hashing the item's id spreads them evenly).
  await step('owners', async () => {
    await db.execute(sql`
      INSERT INTO organisations (name, kind, region_code)
      SELECT ${SYNTHETIC_MARK} || '牵头单位' || g, 'lead_unit', CASE WHEN g % 2 = 0 THEN '220000' ELSE '330000' END
      FROM generate_series(1, 100) g`);
    await db.execute(sql`
      WITH o AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM organisations
                 WHERE name LIKE ${`${SYNTHETIC_MARK}%`}),
           n AS (SELECT count(*)::int AS c FROM o)
      INSERT INTO tracked_item_owners (item_id, organisation_id, role, side)
      SELECT i.id, o.id, 'lead', CASE WHEN i.seq % 2 = 0 THEN 'a' ELSE 'b' END
      FROM tracked_items i JOIN o ON o.k = abs(hashtext(i.id::text)) % (SELECT c FROM n)
      WHERE i.source_title LIKE ${`${SYNTHETIC_MARK}%`}`);
  });
  // As bench/mixed.ts: the steady state after autovacuum or the app's table upkeep (db/table-upkeep.ts).
  await step('vacuum and analyse', () => db.execute(sql`VACUUM (ANALYZE)`));

  const count = async (table: string) =>
    (await rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;
  const owners = await rows<{ id: string }>(
    sql`SELECT organisation_id AS id FROM tracked_item_owners GROUP BY organisation_id ORDER BY count(*) DESC LIMIT 100`,
  );
  return {
    pairings: await count('pairings'),
    meetings: await count('meetings'),
    decisions: await count('tracked_items'),
    owners: await count('tracked_item_owners'),
    pairingIds: (await rows<{ id: string }>(sql`SELECT DISTINCT pairing_id AS id FROM meetings`)).map((r) => r.id),
    ownerIds: owners.map((r) => r.id),
    rosterPairingId: (await rows<{ id: string }>(sql`SELECT id FROM pairings WHERE name = '吉林省—浙江省'`))[0]!.id,
    setupMs,
  };
}

/** One roster file of `size` synthetic cadres (batch `b`), names 合成干部N: valid ID numbers, all four ranks. */
export function syntheticRoster(b: number, size: number): Promise<Buffer> {
  return rosterFile(
    Array.from({ length: size }, (_, i) => {
      const n = b * size + i;
      return {
        name: `合成干部${n}`,
        gender: n % 2 ? '男' : '女',
        idNumber: withCheckCharacter(
          `2201021980${String(1 + (n % 12)).padStart(2, '0')}${String(10 + (n % 18))}${String(n % 1000).padStart(3, '0')}`,
        ),
        mobile: `139${String(n).padStart(8, '0')}`,
        direction: n % 3 ? '东北→东部' : '东部→东北',
        homeUnit: `合成派出单位${n % 50}`,
        homePost: '处长',
        hostUnit: `合成挂职单位${n % 40}`,
        hostPost: '副处长',
        rank: ['厅局级', '县处级', '乡科级', '专业技术人员'][n % 4]!,
        batch: `${2016 + (n % 10)}年第${b + 1}批`,
        startsOn: `${2016 + (n % 10)}-03-01`,
        endsOn: `${2017 + (n % 10)}-02-28`,
        status: ['拟派', '在岗', '已返回'][n % 3]!,
      };
    }),
  );
}
