import { sql } from 'drizzle-orm';
import { systemContext } from '../../server/http/system-actor.ts';
import { buildProject } from '../../server/seed/builders.ts';
import type { RunningServer } from '../../server/server.ts';

/** The id of the pairing of that exact name (吉林省—浙江省), as the shipped programme made it. */
export async function pairingIdNamed(server: RunningServer, name: string): Promise<string> {
  const found = await server.deps.db.execute<{ id: string }>(sql`SELECT id FROM pairings WHERE name = ${name}`);
  if (!found.rows[0]) throw new Error(`no pairing named ${name}`);
  return found.rows[0].id;
}

/**
 * 长春汽车零部件项目 of a pairing: signed on 2024-03-01 for 100 (万元), 60 of it arrived by December 2024 — the
 * figures a year's summary and an evaluation's project indicators are read from.
 */
export function signedCarPartsProject(server: RunningServer, pairingId: string): Promise<string> {
  return buildProject(
    systemContext(server.deps),
    {
      pairingId,
      title: '长春汽车零部件项目',
      investor: '宁波某汽车零部件公司',
      hostRegionCode: '220100',
      type: 'industrial',
      stage: 'signed',
      stageOn: '2024-03-01',
      signedAmount: '100',
    },
    { reports: [{ figure: 'arrived', period: { year: 2024, month: 12 }, amount: '60' }] },
  );
}
