import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../common/i18n/messages.ts';
import { sideParams, withSideNames } from '../../../common/programme-sides.ts';
import { systemContext } from '../../http/system-actor.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { seedBuiltInIndicators } from './indicators.service.ts';

// The built-in cadre indicators name the programme's sides ({sideAName}赴{sideBName}挂职干部), not 22号's; a
// library still holding the names they were first shipped with takes the new ones, unless the office renamed them.
describe.each(testEngines())('built-in indicators naming the sides on %s', (engine) => {
  it('are named from the programme, and an old library is brought to them once', async () => {
    const t = await createTestApp(engine);
    try {
      const ctx = systemContext(t.deps);
      await seedBuiltInIndicators(ctx);
      const names = async () =>
        Object.fromEntries(
          (
            await t.database.db.execute<{ code: string; name_zh: string; name_en: string }>(
              sql`SELECT code, name_zh, name_en FROM indicators WHERE code LIKE 'cadres_%' ORDER BY code`,
            )
          ).rows.map((r) => [r.code, [r.name_zh, r.name_en]]),
        );
      const shipped = await names();
      const example = { a: { zh: '东部', en: 'Eastern side' }, b: { zh: '西部', en: 'Western side' } };
      const zh = sideParams(example, 'zh-CN', (key, p) => translate('zh-CN', key, p));
      const en = sideParams(example, 'en', (key, p) => translate('en', key, p));
      expect(withSideNames(shipped.cadres_ne_to_east![0]!, zh)).toBe('东部赴西部挂职干部');
      expect(withSideNames(shipped.cadres_east_to_ne![0]!, zh)).toBe('西部赴东部挂职干部');
      expect(withSideNames(shipped.cadres_ne_to_east![1]!, en)).toBe(
        'Cadres seconded from Eastern side to Western side',
      );

      // A library seeded before: one name as first shipped, the other renamed by the office.
      await t.database.db.execute(
        sql`UPDATE indicators SET name_zh = '东北赴东部挂职干部', name_en = 'Cadres seconded north-east to east' WHERE code = 'cadres_ne_to_east'`,
      );
      await t.database.db.execute(sql`UPDATE indicators SET name_zh = '东部来吉干部' WHERE code = 'cadres_east_to_ne'`);
      expect(await seedBuiltInIndicators(ctx)).toBe(0);
      const after = await names();
      expect(after.cadres_ne_to_east).toEqual(shipped.cadres_ne_to_east);
      expect(after.cadres_east_to_ne![0]).toBe('东部来吉干部');
      const audit = await t.database.db.execute<{ details: string }>(
        sql`SELECT details::text FROM audit_log WHERE action = 'indicator.seed' ORDER BY id DESC LIMIT 1`,
      );
      expect(JSON.parse(audit.rows[0]!.details).renamed).toEqual(['cadres_ne_to_east']);
      // Once brought up to date, a further start changes nothing.
      await seedBuiltInIndicators(ctx);
      expect(await names()).toEqual(after);
    } finally {
      await t.close();
    }
  });
});
