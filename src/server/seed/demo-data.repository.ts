import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';

/*
 * Demo records span the projects, parks, events, tracking, meetings and replication modules (and published
 * figures) and are made through their services; only finding and removing them all at once is done here, in plain
 * SQL over their tables.
 */

export async function pairingHasDemoProjects(db: DbOrTx, pairingId: string): Promise<boolean> {
  const found = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM projects WHERE pairing_id = ${pairingId} AND is_demo`,
  );
  return found.rows[0]!.n > 0;
}

/** The pairings holding demo projects now, by name, with their count (the national office's page lists them). */
export async function pairingsWithDemoData(db: DbOrTx) {
  const found = await db.execute<{ id: string; name: string; projects: number }>(sql`
    SELECT p.id, p.name, count(*)::int AS projects
    FROM projects pr JOIN pairings p ON p.id = pr.pairing_id
    WHERE pr.is_demo
    GROUP BY p.id, p.name
    ORDER BY p.name`);
  return found.rows;
}

/** The demo records a fill makes public: two projects in production (landmarks first) and the main park. */
export async function demoRecordsToPublish(db: DbOrTx, pairingId: string) {
  const projects = await db.execute<{ id: string; version: number }>(sql`
    SELECT id, version FROM projects WHERE pairing_id = ${pairingId} AND is_demo AND stage = 'producing'
    ORDER BY landmark DESC, signed_wan DESC, id LIMIT 2`);
  const parks = await db.execute<{ id: string; version: number }>(sql`
    SELECT id, version FROM parks WHERE pairing_id = ${pairingId} AND is_demo AND main_park_id IS NULL ORDER BY id LIMIT 1`);
  return { projects: projects.rows, park: parks.rows[0] };
}

/**
 * Deletes every demo record, children first. What users added under a demo park or event (an entry in a demo
 * park's ledger) goes with it; a real project linked to a demo park or event keeps its data and loses the link.
 * Answers how many rows of each kind went, and the stored names of the files kept with demo projects (their rows
 * go here; the bytes are for the caller to remove once this has committed).
 */
export async function deleteDemoRecords(tx: DbOrTx) {
  const run = async (q: ReturnType<typeof sql>) => (await tx.execute(q)).rowCount ?? 0;
  const demoParks = sql`SELECT id FROM parks WHERE is_demo`;
  const demoEvents = sql`SELECT id FROM events WHERE is_demo`;
  // A demo meeting's decisions go with it, even one a user added to it later (its items are then not marked).
  const demoItems = sql`SELECT id FROM tracked_items WHERE is_demo OR (source = 'meeting_decision' AND source_id IN (SELECT id FROM meetings WHERE is_demo))`;
  // A demo practice's adoptions and stages go with it (ON DELETE CASCADE), even those a user added to it later.
  const demoStages = sql`SELECT s.id FROM replication_stages s JOIN replication_adoptions a ON a.id = s.adoption_id
    JOIN replication_practices p ON p.id = a.practice_id WHERE p.is_demo`;
  const files = (
    await tx.execute<{ stored_name: string }>(
      sql`DELETE FROM attachments WHERE (owner_kind = 'project' AND owner_id IN (SELECT id FROM projects WHERE is_demo))
        OR (owner_kind = 'tracked_item' AND owner_id IN (${demoItems}))
        OR (owner_kind = 'replication_stage' AND owner_id IN (${demoStages}))
        OR (owner_kind = 'news_item' AND owner_id IN (SELECT id FROM news_items WHERE is_demo)) RETURNING stored_name`,
    )
  ).rows.map((r) => r.stored_name);
  await run(sql`UPDATE projects SET park_id = NULL WHERE NOT is_demo AND park_id IN (${demoParks})`);
  await run(
    sql`UPDATE projects SET event_id = NULL, event_agreement_id = NULL WHERE NOT is_demo AND event_id IN (${demoEvents})`,
  );
  const counts = {
    projects: await run(sql`DELETE FROM projects WHERE is_demo`),
    eventAgreements: await run(sql`DELETE FROM event_agreements WHERE is_demo OR event_id IN (${demoEvents})`),
    events: await run(sql`DELETE FROM events WHERE is_demo`),
    ledgerEntries: await run(sql`DELETE FROM park_ledger_entries WHERE is_demo OR park_id IN (${demoParks})`),
    agreements: await run(sql`DELETE FROM sharing_agreements WHERE is_demo OR park_id IN (${demoParks})`),
    enterprises: await run(sql`DELETE FROM park_enterprises WHERE is_demo OR park_id IN (${demoParks})`),
    parks: await run(sql`DELETE FROM parks WHERE is_demo`),
    secondments: await run(sql`DELETE FROM secondments WHERE is_demo`),
    trainings: await run(sql`DELETE FROM trainings WHERE is_demo`),
    exchanges: await run(sql`DELETE FROM exchanges WHERE is_demo`),
    // Owners and notes go with their items (ON DELETE CASCADE).
    trackedItems: await run(sql`DELETE FROM tracked_items WHERE id IN (${demoItems})`),
    meetings: await run(sql`DELETE FROM meetings WHERE is_demo`),
    // The joint-meeting rotation demo fill set (one an office set, or changed since, is its own and stays).
    rotations: await run(sql`DELETE FROM meeting_rotations WHERE is_demo`),
    practices: await run(sql`DELETE FROM replication_practices WHERE is_demo`),
    publishedFigures: await run(sql`DELETE FROM published_figures WHERE is_demo`),
    newsItems: await run(sql`DELETE FROM news_items WHERE is_demo`),
  };
  return { counts, files };
}
