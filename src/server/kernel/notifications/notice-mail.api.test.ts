import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailSettings } from '../../../common/api/users.ts';
import { loadSeedPlans } from '../../modules/plans/test-support/plan-api.ts';
import { assignTask, createCycle, reportsOf, taskByCode } from '../../modules/reporting/test-support/reporting-api.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { startSmtpSink } from '../../testing/smtp-sink.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { runDueJobs } from '../jobs/job-queue.ts';
import { closeMailTransports } from './mail-transport.ts';
import { generateMailDigests, noticeMailHandlers } from './notice-mail.ts';

/**
 * E-mail notices: a user gives an address (sealed, shown masked, revealed only with an audit row) and chooses
 * each notice or a daily digest; the request that makes a notice only queues the e-mail, the queue worker sends
 * it through a real SMTP server here, and retries while that server is down.
 */
const sink = await startSmtpSink();
afterAll(async () => {
  closeMailTransports();
  await sink.stop();
});

describe.each(testEngines())('e-mail notices on %s', (engine) => {
  const s = useProgrammeApp(engine, { SMTP_URL: sink.url, SMTP_FROM: 'duikou@test.local' });
  let office: TestClient;
  let unit: TestClient;
  const db = () => s.t.database.db;
  const settings = async (c: TestClient, body?: object) => {
    const res = body ? await c.patch('/api/account/email', body) : await c.get('/api/account/email');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as EmailSettings;
  };
  const jobs = async (kind: string) =>
    (
      await db().execute<{ status: string; attempts: number; payload: { userId: string } }>(
        sql`SELECT status, attempts, payload FROM queued_jobs WHERE kind = ${kind} ORDER BY created_at`,
      )
    ).rows;

  beforeAll(async () => {
    sink.received.length = 0;
    office = await s.as(s.f.users.jilin);
    unit = await s.as(s.f.users.jilinUnit);
  });

  it('keeps an address sealed and masked, asks for one before any e-mail, and reveals it only with an audit row', async () => {
    expect(await settings(unit)).toEqual({ emailMasked: null, emailNotifications: 'off', mailConfigured: true });
    const noAddress = await unit.patch('/api/account/email', { emailNotifications: 'each' });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().error.details[0].field).toBe('email');
    const bad = await unit.patch('/api/account/email', { email: 'not an address', emailNotifications: 'each' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('email');

    expect(await settings(unit, { email: 'zhang.wei@jl.gov.cn', emailNotifications: 'each' })).toEqual({
      emailMasked: 'z***@jl.gov.cn',
      emailNotifications: 'each',
      mailConfigured: true,
    });
    const stored = (
      await db().execute<{ email_cipher: string }>(
        sql`SELECT email_cipher FROM users WHERE id = ${s.f.users.jilinUnit.userId}`,
      )
    ).rows[0]!;
    expect(stored.email_cipher).not.toContain('zhang');

    const admin = await s.as(s.f.users.sysadmin);
    const listed = (await admin.get(`/api/users/${s.f.users.jilinUnit.userId}`)).json();
    expect(listed).toMatchObject({ emailMasked: 'z***@jl.gov.cn', emailNotifications: 'each' });
    expect(JSON.stringify(listed)).not.toContain('zhang.wei');
    const revealed = await admin.post(`/api/users/${s.f.users.jilinUnit.userId}/email/reveal`, {
      reason: '核对通知收件人',
    });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toEqual({ email: 'zhang.wei@jl.gov.cn' });
    const audit = (
      await db().execute<{ action: string; details: { reason: string } }>(
        sql`SELECT action, details FROM audit_log WHERE object_id = ${s.f.users.jilinUnit.userId} AND action LIKE 'user.email%' ORDER BY id`,
      )
    ).rows;
    expect(audit.map((a) => a.action)).toEqual(['user.email_settings', 'user.email_reveal']);
    expect(audit[1]!.details.reason).toBe('核对通知收件人');
    expect(JSON.stringify(audit)).not.toContain('zhang.wei');
    // A pairing office reads no accounts.
    expect(
      (await office.post(`/api/users/${s.f.users.jilinUnit.userId}/email/reveal`, { reason: 'x' })).statusCode,
    ).toBe(403);
  });

  it('queues the notice of an opened period in its request and sends it from the queue, retrying while SMTP is down', async () => {
    const plans = await loadSeedPlans(s.t);
    await assignTask(office, (await taskByCode(s, plans.jilinZhejiang, '12')).id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
    ]);
    await sink.stop();
    const cycle = await createCycle(office, { pairingId: s.f.pairings.jilinZhejiang });
    // The request answered without the mail server: the e-mail waits in the queue.
    expect(sink.received).toEqual([]);
    expect(await jobs('mail.notice')).toEqual([
      expect.objectContaining({
        status: 'pending',
        attempts: 0,
        payload: expect.objectContaining({ userId: s.f.users.jilinUnit.userId }),
      }),
    ]);
    expect(await runDueJobs(s.t.deps, noticeMailHandlers)).toEqual({ done: 0, failed: 1 });
    expect(await jobs('mail.notice')).toEqual([expect.objectContaining({ status: 'pending', attempts: 1 })]);

    await sink.start();
    closeMailTransports();
    await db().execute(sql`UPDATE queued_jobs SET run_at = now() WHERE kind = 'mail.notice'`);
    expect(await runDueJobs(s.t.deps, noticeMailHandlers)).toEqual({ done: 1, failed: 0 });
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.to).toEqual(['zhang.wei@jl.gov.cn']);
    expect(mail.from).toBe('duikou@test.local');
    expect(mail.subject).toContain('对口合作平台通知：吉林省—浙江省');
    expect(mail.subject).toContain('Duikou notice: Reporting period');
    expect(mail.text).toContain('报送期已开启');
    expect(mail.text).toContain(`Reporting period Q4 2026 of 吉林省—浙江省 is open`);
    expect(mail.text).toContain('/workbench');

    // The unit submits; its office takes a daily digest, not each notice: nothing is queued for it now.
    expect(await settings(office, { email: 'office@jl.gov.cn', emailNotifications: 'daily' })).toMatchObject({
      emailNotifications: 'daily',
    });
    const r = (await reportsOf(unit, cycle.id)).get('12/jilin-unit 单位')!;
    const submitted = await unit.post(`/api/reports/${r.id}/submit`, {
      version: r.version,
      taskStatus: 'in_progress',
      percent: 30,
      narrative: '已对接企业 8 户',
    });
    expect(submitted.statusCode, submitted.body.slice(0, 300)).toBe(200);
    expect(await jobs('mail.notice')).toHaveLength(1);

    // The next day the digest of today is queued once, however often the generator runs, and sent.
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    expect(await generateMailDigests(s.t.deps, tomorrow)).toBe(1);
    expect(await generateMailDigests(s.t.deps, tomorrow)).toBe(0);
    expect(await runDueJobs(s.t.deps, noticeMailHandlers)).toEqual({ done: 1, failed: 0 });
    const digest = sink.received[1]!;
    expect(digest.to).toEqual(['office@jl.gov.cn']);
    expect(digest.subject).toMatch(/对口合作平台 \d{4}-\d{2}-\d{2} 通知汇总（1 条）/);
    expect(digest.text).toContain('1. jilin-unit 单位已提交');
  });

  it('sends nothing to a user who turned e-mail off, and refuses e-mail while no mail server is configured', async () => {
    expect(await settings(unit, { emailNotifications: 'off' })).toMatchObject({
      emailMasked: 'z***@jl.gov.cn',
      emailNotifications: 'off',
    });
    const before = (await jobs('mail.notice')).length;
    await createCycle(office, { pairingId: s.f.pairings.jilinZhejiang, period: 3 });
    expect(await jobs('mail.notice')).toHaveLength(before);

    const smtp = s.t.deps.config.smtp;
    s.t.deps.config.smtp = null;
    try {
      expect((await settings(unit)).mailConfigured).toBe(false);
      const refused = await unit.patch('/api/account/email', { emailNotifications: 'daily' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0]).toMatchObject({
        field: 'emailNotifications',
        code: 'mail_not_configured',
      });
    } finally {
      s.t.deps.config.smtp = smtp;
    }
  });
});
