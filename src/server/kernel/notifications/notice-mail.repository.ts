import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { NotificationKind } from '../../../common/api/enums.ts';

/** The users who take a notice by e-mail as it comes: active, with an address, of the organisation notified. */
const takesEach = sql`u.active AND u.email_cipher IS NOT NULL AND u.email_notifications = 'each'`;

/**
 * Queues one e-mail job per notice and user who takes each notice by e-mail, in the transaction that made the
 * notices (the job key makes a second queuing of the same notice and user a no-op).
 */
export async function enqueueNoticeMails(tx: DbOrTx, notificationIds: string[]): Promise<void> {
  if (!notificationIds.length) return;
  await tx.execute(sql`
    INSERT INTO queued_jobs (kind, payload, dedupe_key)
    SELECT 'mail.notice', jsonb_build_object('notificationId', n.id, 'userId', u.id),
      'mail.notice:' || n.id || ':' || u.id
    FROM notifications n JOIN users u ON u.organisation_id = n.organisation_id
    WHERE n.id IN (${sql.join(
      notificationIds.map((id) => sql`${id}`),
      sql`, `,
    )}) AND ${takesEach}
    ON CONFLICT DO NOTHING`);
}

/** What the e-mail of one notice to one user needs, or nothing if either is gone. */
export async function noticeMailFacts(db: DbOrTx, notificationId: string, userId: string) {
  const result = await db.execute<{
    kind: NotificationKind;
    params: Record<string, string | number>;
    email_cipher: string | null;
    still_takes_each: boolean;
  }>(sql`
    SELECT n.kind, n.params, u.email_cipher, (${takesEach} AND u.organisation_id = n.organisation_id) AS still_takes_each
    FROM notifications n, users u WHERE n.id = ${notificationId} AND u.id = ${userId}`);
  return result.rows[0];
}

/** Queues the digest of `day` for every user who takes a daily digest and whose organisation had notices that day. */
export async function enqueueDigests(db: DbOrTx, day: string): Promise<number> {
  const result = await db.execute<{ id: string }>(sql`
    INSERT INTO queued_jobs (kind, payload, dedupe_key)
    SELECT 'mail.digest', jsonb_build_object('userId', u.id, 'day', ${day}::text), 'mail.digest:' || u.id || ':' || ${day}::text
    FROM users u
    WHERE u.active AND u.email_cipher IS NOT NULL AND u.email_notifications = 'daily'
      AND EXISTS (SELECT 1 FROM notifications n WHERE n.organisation_id = u.organisation_id AND n.day = ${day})
    ON CONFLICT DO NOTHING RETURNING id`);
  return result.rows.length;
}

/** A digest's facts: the user's address if they still take a digest, and the first notices of the day (with the count). */
export async function digestFacts(db: DbOrTx, userId: string, day: string, limit: number) {
  const [user] = (
    await db.execute<{ email_cipher: string | null; organisation_id: string }>(sql`
      SELECT u.email_cipher, u.organisation_id FROM users u
      WHERE u.id = ${userId} AND u.active AND u.email_notifications = 'daily'`)
  ).rows;
  if (!user?.email_cipher) return null;
  const notices = await db.execute<{
    kind: NotificationKind;
    params: Record<string, string | number>;
    total: number;
  }>(sql`
    SELECT n.kind, n.params, count(*) OVER ()::int AS total FROM notifications n
    WHERE n.organisation_id = ${user.organisation_id} AND n.day = ${day}
    ORDER BY n.created_at, n.id LIMIT ${limit}`);
  return { emailCipher: user.email_cipher, notices: notices.rows, total: notices.rows[0]?.total ?? 0 };
}
