import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { AppConfig } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { loadSecretsFor, type Secrets } from './security/secrets.ts';
import { hasAuditTrail, startBackupControl } from './backup-control.ts';
import { nodeCryptoProvider, runKnownAnswerTests } from './security/crypto-provider.ts';
import { buildApp } from './app.ts';
import { bootstrapData } from './bootstrap.ts';
import { needsSetup } from './modules/auth/setup.service.ts';
import type { AppDeps } from './http/context.ts';
import { reportReminders } from './modules/reporting/reminders.ts';
import { itemReminders } from './modules/tracking/item-reminders.ts';
import { startReminderTimer } from './kernel/notifications/reminder-timer.ts';
import { mailDigests, noticeMailHandlers } from './kernel/notifications/notice-mail.ts';
import { startQueueWorker } from './kernel/jobs/job-queue.ts';
import { startTableUpkeep, tableUpkeepHandlers } from './kernel/jobs/table-upkeep-job.ts';
import { tableUpkeepOf } from './db/table-upkeep.ts';
import { closeMailTransports } from './kernel/notifications/mail-transport.ts';
import { startSessionPurge } from './modules/auth/session-purge.ts';
import { LEADER_KEYS, runWhileLeading } from './db/leader.ts';
import { warmWordFrequencies } from './modules/listings/listing-word-frequencies.ts';
import { warmSegmenter } from './modules/listings/segmenter.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  deps: AppDeps;
  url: string;
  stop: () => Promise<void>;
}

/** Opens the database (migrating it), loads the real programme on first start, and serves the app. */
export async function startServer(config: AppConfig, opts: { quiet?: boolean } = {}): Promise<RunningServer> {
  const say = opts.quiet ? () => {} : (line: string) => console.log(line);
  runKnownAnswerTests(nodeCryptoProvider);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    replicaUrls: config.replicaUrls,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
  });
  let secrets: Secrets;
  try {
    secrets = await loadSecretsFor(config.dataDir, () => hasAuditTrail(database));
  } catch (err) {
    await database.close();
    throw err;
  }
  let app: FastifyInstance | undefined;
  try {
    const deps: AppDeps = { db: database.db, config, crypto: nodeCryptoProvider, auditKey: secrets.auditKey };
    const seeded = await bootstrapData(deps);
    if (seeded.length) say(`已载入 / Loaded: ${seeded.join('; ')}`);
    // Lines go out as the destination drains instead of one blocking write each: under load, the lines logged while
    // a write is under way leave together in the next (at the default level, two lines per request cost about a
    // third of a cache hit's CPU written one by one). Pino writes what is left synchronously when the process exits.
    app = await buildApp(deps, {
      logger: opts.quiet ? false : { level: config.logLevel, stream: pino.destination({ dest: 1, sync: false }) },
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
    if (await needsSetup({ db: database.db })) {
      const token = crypto.randomBytes(24).toString('base64url');
      app.setupToken.issue(token);
      say(
        [
          '',
          '================================================================',
          ' 首次启动：请打开以下链接创建初始管理员（链接仅本次启动有效）',
          ' First start: open this link to create the initial administrator',
          ` ${url}/setup?token=${token}`,
          ' 或使用命令行 / or from the command line: npx duikou admin create',
          '================================================================',
          '',
        ].join('\n'),
      );
    }
    say(`Duikou 对口 已启动 / running at ${url} (${database.engine})`);
    // Reminders of reports and tracked items due and overdue, in one process of several (db/leader.ts): the
    // timer's run under way is awaited before the database closes.
    const reminders = runWhileLeading(config.databaseUrl, LEADER_KEYS.reminders, () =>
      startReminderTimer(deps, [reportReminders, itemReminders, ...(config.smtp ? [mailDigests] : [])], {
        onError: (err) => app!.log.error({ err }, 'reminder generation failed'),
      }),
    );
    // E-mail notices leave through the job queue (retried while the mail server is down), only with SMTP set; on
    // PGlite, which has no autovacuum, so does the tables' VACUUM and ANALYZE (kernel/jobs/table-upkeep-job.ts).
    const upkeep = startTableUpkeep(deps, { onError: (err) => app!.log.error({ err }, 'table upkeep failed') });
    const handlers = {
      ...(config.smtp ? noticeMailHandlers : {}),
      ...(tableUpkeepOf(deps.db) ? tableUpkeepHandlers : {}),
    };
    const queue = Object.keys(handlers).length
      ? runWhileLeading(config.databaseUrl, LEADER_KEYS.jobQueue, () =>
          startQueueWorker(deps, handlers, {
            onError: (err) => app!.log.error({ err }, 'job queue failed'),
          }),
        )
      : null;
    const purge = startSessionPurge(deps, {
      onError: (err) => app!.log.error({ err }, 'session purge failed'),
    });
    // The listings' word counts (seconds at 200,000 listings) are made in the background: the server answers at once.
    const wordCounts = warmWordFrequencies(deps, (err) => app!.log.error({ err }, 'listing word counts failed'));
    // So are jieba's dictionaries (seconds to load), which the first search or listing would otherwise wait for.
    void warmSegmenter().catch((err) => app!.log.error({ err }, 'word segmenter failed to load'));
    // `npx duikou backup` beside a running server asks it for the backup (only this process may open PGlite).
    const control = database.engine === 'pglite' ? await startBackupControl(deps, database, secrets) : null;
    const stop = async () => {
      await control?.close();
      await purge.stop();
      await wordCounts.stop();
      await reminders.stop();
      await upkeep.stop();
      await queue?.stop();
      closeMailTransports();
      await app!.close();
      await database.close();
    };
    return { app, database, deps, url, stop };
  } catch (err) {
    await app?.close();
    await database.close();
    throw err;
  }
}
