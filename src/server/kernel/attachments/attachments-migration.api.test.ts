import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { repoPath } from '../../repo-path.ts';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { testEngines } from '../../testing/test-engines.ts';

const MIGRATION = fs.readFileSync(repoPath('drizzle/0011_attachments_by_owner.sql'), 'utf8');

/** The two tables as 0003 and 0007 made them, keyed by their owner's column. */
const ownerTable = (name: string, ownerColumn: string) =>
  sql.raw(`CREATE TABLE "${name}" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
    "${ownerColumn}" uuid NOT NULL, "file_name" text NOT NULL, "stored_name" text NOT NULL, "kind" text NOT NULL,
    "size" integer NOT NULL, "sm3" text NOT NULL, "uploaded_by" uuid, "uploaded_by_name" text,
    "uploaded_at" timestamp with time zone DEFAULT now() NOT NULL)`);

describe.each(testEngines())('the move of report and project attachments into one table, on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.close());

  it('keeps every row with its id, owner and file columns, and drops the old tables', async () => {
    const db = database.db;
    await db.execute(sql`DROP TABLE attachments`);
    await db.execute(ownerTable('report_attachments', 'slot_id'));
    await db.execute(ownerTable('project_attachments', 'project_id'));
    const [report, slot, attachment, project, user] = [0, 1, 2, 3, 4].map(() => crypto.randomUUID());
    const at = new Date('2026-03-01T08:00:00Z');
    await db.execute(sql`INSERT INTO report_attachments VALUES
      (${report}, ${slot}, '进展.pdf', ${`${'a'.repeat(32)}.pdf`}, 'pdf', 10, 'sm3-a', ${user}, '张三', ${at})`);
    await db.execute(sql`INSERT INTO project_attachments VALUES
      (${attachment}, ${project}, '协议.png', ${`${'b'.repeat(32)}.png`}, 'png', 20, 'sm3-b', NULL, NULL, ${at})`);

    for (const statement of MIGRATION.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));

    const rows = await db.execute(
      sql`SELECT id, owner_kind, owner_id, file_name, stored_name, kind, size, sm3, uploaded_by, uploaded_by_name, uploaded_at
          FROM attachments ORDER BY owner_kind DESC`,
    );
    expect(rows.rows.map((r) => ({ ...r, uploaded_at: new Date(r.uploaded_at as string).toISOString() }))).toEqual([
      {
        id: report,
        owner_kind: 'report',
        owner_id: slot,
        file_name: '进展.pdf',
        stored_name: `${'a'.repeat(32)}.pdf`,
        kind: 'pdf',
        size: 10,
        sm3: 'sm3-a',
        uploaded_by: user,
        uploaded_by_name: '张三',
        uploaded_at: at.toISOString(),
      },
      {
        id: attachment,
        owner_kind: 'project',
        owner_id: project,
        file_name: '协议.png',
        stored_name: `${'b'.repeat(32)}.png`,
        kind: 'png',
        size: 20,
        sm3: 'sm3-b',
        uploaded_by: null,
        uploaded_by_name: null,
        uploaded_at: at.toISOString(),
      },
    ]);
    const old = await db.execute(
      sql`SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('report_attachments', 'project_attachments')`,
    );
    expect(old.rows[0]!.n).toBe(0);
  });
});
