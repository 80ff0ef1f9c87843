import type { AppDeps } from '../../http/context.ts';
import { bilingual } from '../../http/app-error.ts';
import { addDays, chinaToday } from '../dates.ts';
import type { JobHandlers } from '../jobs/job-queue.ts';
import type { ReminderGenerator } from './reminder-timer.ts';
import { openEmail } from '../user-email.ts';
import { sendMail } from './mail-transport.ts';
import { notificationText } from './notification-text.ts';
import { digestFacts, enqueueDigests, noticeMailFacts } from './notice-mail.repository.ts';

/** A digest lists this many notices at most; the rest are counted and left to the platform. */
const DIGEST_LIMIT = 50;

/** Both languages, Chinese first, as every message of the platform. */
const both = (key: string, params: Record<string, string | number> = {}) => {
  const { zh, en } = bilingual(`domain.mail.${key}`, params);
  return `${zh}\n${en}`;
};

/** A subject in both languages; `enParams` when the English one takes other words (a notice's English summary). */
function subject(key: string, params: Record<string, string | number>, enParams = params) {
  return `${bilingual(`domain.mail.${key}`, params).zh} / ${bilingual(`domain.mail.${key}`, enParams).en}`;
}

function smtpOf(deps: AppDeps) {
  // The worker runs only with SMTP configured; a job left from a time it was (and now is not) fails and is retried.
  if (!deps.config.smtp) throw new Error('SMTP_URL is not set');
  return deps.config.smtp;
}

async function sendNotice(deps: AppDeps, payload: unknown) {
  const { notificationId, userId } = payload as { notificationId: string; userId: string };
  const facts = await noticeMailFacts(deps.db, notificationId, userId);
  // The notice was removed, or the user no longer takes notices by e-mail: nothing to send, nothing to retry.
  if (!facts?.still_takes_each || !facts.email_cipher) return;
  const text = notificationText(facts.kind, facts.params);
  await sendMail(smtpOf(deps), {
    to: openEmail(deps, userId, facts.email_cipher),
    subject: subject('subject', { summary: text.zh.slice(0, 30) }, { summary: text.en.slice(0, 40) }),
    text: [
      text.zh,
      text.en,
      '',
      both('open', { url: `${deps.config.publicUrl}/workbench` }),
      '',
      both('footerEach'),
    ].join('\n'),
  });
}

async function sendDigest(deps: AppDeps, payload: unknown) {
  const { userId, day } = payload as { userId: string; day: string };
  const facts = await digestFacts(deps.db, userId, day, DIGEST_LIMIT);
  if (!facts?.total) return;
  const lines = facts.notices.map((n, i) => {
    const t = notificationText(n.kind, n.params);
    return `${i + 1}. ${t.zh}\n   ${t.en}`;
  });
  if (facts.total > facts.notices.length) lines.push(both('more', { count: facts.total - facts.notices.length }));
  await sendMail(smtpOf(deps), {
    to: openEmail(deps, userId, facts.emailCipher),
    subject: subject('digestSubject', { day, count: facts.total }),
    text: [...lines, '', both('open', { url: `${deps.config.publicUrl}/workbench` }), '', both('footerDaily')].join(
      '\n',
    ),
  });
}

/** The e-mail jobs of the queue (kernel/jobs/job-queue.ts), run where the server runs its queue worker. */
export const noticeMailHandlers: JobHandlers = { 'mail.notice': sendNotice, 'mail.digest': sendDigest };

/**
 * A reminder generator (reminder-timer.ts): queues yesterday's digest (China Standard Time) for those who take one.
 * Runs every few minutes; the job key makes one digest per user and day however often it runs.
 */
export function generateMailDigests(deps: AppDeps, now: Date = new Date()): Promise<number> {
  return enqueueDigests(deps.db, addDays(chinaToday(now), -1));
}

/** For the reminder timer: the digests due change with the users, the notices and the queue (a job removed), or the day. */
export const mailDigests: ReminderGenerator = {
  generate: generateMailDigests,
  reads: ['users', 'notifications', 'queued_jobs'],
};
