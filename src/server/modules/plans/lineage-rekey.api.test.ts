import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { repoPath } from '../../repo-path.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { loadSeedPlans } from './test-support/plan-api.ts';

const REKEY = fs.readFileSync(repoPath('drizzle/0006_rekey_plan_lineage.sql'), 'utf8');

describe.each(testEngines())('the lineage keys stored before titles lost their notes, on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('drops the note from a stored key, unless two lineages would then share one', async () => {
    const plans = await loadSeedPlans(s.t);
    const db = s.t.database.db;
    const keyOf = async (id: string) =>
      (await db.execute<{ k: string }>(sql`SELECT lineage_key AS k FROM plans WHERE id = ${id}`)).rows[0]!.k;
    await db.execute(sql`UPDATE plans SET lineage_key = 'pairing:p|甲方案（试行）' WHERE id = ${plans.jilinZhejiang}`);
    // Two lineages whose keys differ only by the note stay apart.
    await db.execute(
      sql`UPDATE plans SET lineage_key = 'pairing:q|乙方案（2026年修订）' WHERE id = ${plans.liaoningJiangsu}`,
    );
    await db.execute(sql`UPDATE plans SET lineage_key = 'pairing:q|乙方案' WHERE id = ${plans.national}`);
    await db.execute(sql.raw(REKEY));
    expect(await keyOf(plans.jilinZhejiang)).toBe('pairing:p|甲方案');
    expect(await keyOf(plans.liaoningJiangsu)).toBe('pairing:q|乙方案（2026年修订）');
    expect(await keyOf(plans.national)).toBe('pairing:q|乙方案');
  });
});
