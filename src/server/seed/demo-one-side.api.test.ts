import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';
import { systemContext } from '../http/system-actor.ts';
import { AppError } from '../http/app-error.ts';
import { fillDemo } from './demo-data.ts';

// 22号 names 内蒙古自治区 alone ("主动对接东部省市", exploratory): a pairing with one side. Its demo fill used the
// same side as partner and failed half-way, on the park agreement, with `parties.1 duplicate_party`.
describe.each(testEngines())('demo data for a pairing naming one side on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('is refused at once, saying why in both languages, and writes nothing', async () => {
    const db = s.t.database.db;
    const [pairing] = (
      await db.execute<{ id: string; sides: string }>(sql`
        SELECT p.id, (SELECT string_agg(side, ',') FROM pairing_side_regions r WHERE r.pairing_id = p.id) AS sides
        FROM pairings p WHERE p.name = '内蒙古自治区'`)
    ).rows;
    expect(pairing!.sides).toBe('a');
    const count = async () =>
      (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM projects WHERE is_demo`)).rows[0]!.n +
      (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM parks WHERE is_demo`)).rows[0]!.n;
    const before = await count();

    const err = await fillDemo(systemContext(s.t.deps), pairing!.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('demo_one_sided');
    expect((err as AppError).text.zh).toContain('只列明一方');
    expect((err as AppError).text.en).toContain('one side only');
    expect(await count()).toBe(before);

    // The web app's fill is refused before its background job starts.
    const national = await s.as(s.f.users.national);
    const res = await national.post('/api/demo/fill', { pairingId: pairing!.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('demo_one_sided');
    expect(await count()).toBe(before);
  });
});
