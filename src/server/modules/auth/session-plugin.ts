import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps, Actor } from '../../http/context.ts';
import { AppError } from '../../http/app-error.ts';
import type { Me } from '../../../common/api/auth.ts';
import type { Role } from '../../../common/access/roles.ts';
import { findSession, touchSession, deleteSession } from './session.repository.ts';
import { SESSION_COOKIE, tokenHash } from './session-token.ts';
import { loadPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { dataVersionOf } from '../../db/data-version.ts';
import { noteReads, trackingReads, writingForUsers } from '../../db/routing.ts';
import { totpRequiredFor } from './totp.service.ts';

/**
 * Writing last-seen on every request would turn each read into a write, so it is written at most this often — and
 * at most a quarter of the idle timeout, so that an active session is never taken for idle (with a 1-minute timeout
 * a once-a-minute refresh signed active users out at 60 s).
 */
const TOUCH_EVERY_MS = 60_000;

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/**
 * A session, its user and organisation and the pairing scope cost several statements; they are kept while none of
 * the tables they were read from changes (src/server/db/data-version.ts), so that signing out, disabling a user or
 * changing a pairing takes effect on the next request — and for at most a minute (a quarter of the idle timeout when
 * that is shorter): another process's touches of last-seen are no change to the version, and a kept row must not
 * look idle while the user works through another process. (It was 10 s: with ~100 users, one session and scope
 * reload every 10 s per user was about 7 % of the statements in the bench's mix.)
 */
const CACHE_MS = 60_000;
const CACHE_MAX = 5_000;
type Cached = { version: number; tables: Set<string>; at: number; row: SessionRow; scope: Actor['scope'] };

/** What a session with a pending step may still reach: its own state, sign-out, and the step itself. */
const PENDING_ALLOWED = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/auth/totp/enrolment',
  'POST /api/auth/totp/confirm',
]);

export interface SessionState {
  pending: Me['pending'];
  totpRequired: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    sessionState: SessionState | null;
  }
}

/** Resolves the session cookie into `req.actor` (or null) before anything else runs. */
export function registerSessionLoader(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionState', null);
  const cache = new Map<string, Cached>();
  const version = dataVersionOf(deps.db);
  const touchEveryMs = Math.min(TOUCH_EVERY_MS, deps.config.session.idleMs / 4);
  const keepMs = Math.min(CACHE_MS, deps.config.session.idleMs / 4);

  /**
   * The kept session, while none of the tables it was read from (sessions, users, organisations, pairings …) has
   * changed — of the user-owned ones (sessions, users, grants …), only in this user's rows: another user signing in
   * or out leaves it. A request served from it depends on them too, so cached answers made for it follow the same
   * tables.
   */
  function kept(hash: string): Cached | null {
    const hit = cache.get(hash);
    if (
      !hit ||
      (version?.current ?? null) === null ||
      !version!.unchangedSince(hit.version, hit.tables, null, hit.row.userId) ||
      Date.now() - hit.at >= keepMs
    )
      return null;
    noteReads(hit.tables);
    return hit;
  }

  async function load(hash: string): Promise<Cached | null> {
    const v = version?.current ?? null;
    const { value: loaded, tables } = await trackingReads(async () => {
      const row = await findSession(deps.db, hash);
      return row
        ? { row, scope: await loadPairingScope(deps.db, row.roles as Role[], row.regionCode, row.userId) }
        : null;
    });
    if (!loaded) {
      cache.delete(hash);
      return null;
    }
    const entry = { version: v ?? -1, tables, at: Date.now(), ...loaded };
    if (v !== null) {
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
      cache.set(hash, entry);
    }
    return entry;
  }

  /** Whether the session may act now; false: it has ended (idle, expired, its user or organisation disabled). */
  const live = (row: SessionRow, now: number) =>
    now - row.lastSeenAt.getTime() <= deps.config.session.idleMs &&
    row.expiresAt.getTime() > now &&
    row.userActive &&
    row.organisationActive;

  /** The session read (or found kept), checked, its last-seen written when due; null when there is none or it ended. */
  async function resolve(hash: string, entry: Cached | null): Promise<Cached | null> {
    entry ??= await load(hash);
    if (!entry) return null;
    const { row } = entry;
    const now = new Date();
    if (!live(row, now.getTime())) {
      cache.delete(hash);
      // Marked as this user's row (in a transaction, where the mark is trusted): other users' sessions stay cached.
      await deps.db.transaction((tx) => writingForUsers([row.userId], () => deleteSession(tx, hash)));
      return null;
    }
    if (now.getTime() - row.lastSeenAt.getTime() > touchEveryMs) {
      await touchSession(deps.db, hash, now);
      row.lastSeenAt = now;
    }
    return entry;
  }

  // Not async: a kept session that needs no write (nearly every request) is taken without a promise of its own.
  app.addHook('onRequest', (req, _reply, done) => {
    req.actor = null;
    req.sessionState = null;
    if (!req.url.startsWith('/api/')) return done();
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return done();
    const hash = tokenHash(deps.crypto, token);
    const entry = kept(hash);
    if (entry) {
      const now = Date.now();
      if (live(entry.row, now) && now - entry.row.lastSeenAt.getTime() <= touchEveryMs) {
        actAs(req, hash, entry);
        return done();
      }
    }
    resolve(hash, entry).then((resolved) => {
      if (resolved) actAs(req, hash, resolved);
      done();
    }, done);
  });

  function actAs(req: FastifyRequest, hash: string, entry: Cached) {
    const { row } = entry;
    const roles = row.roles as Role[];
    const totpRequired = totpRequiredFor({ deps }, roles);
    req.sessionState = {
      pending: row.mustChangePassword ? 'password_change' : totpRequired && !row.totpEnabled ? 'totp_enrolment' : null,
      totpRequired,
    };
    req.actor = {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      roles,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      regionCode: row.regionCode,
      sessionTokenHash: hash,
      csrfToken: row.csrfToken,
      scope: entry.scope,
    };
  }

  // A reset password must be replaced, and a required second factor set up, before the session does anything else.
  app.addHook('preValidation', (req, _reply, done) => {
    const pending = req.sessionState?.pending;
    if (!pending || req.routeOptions.config?.access === 'public') return done();
    if (PENDING_ALLOWED.has(`${req.method} ${req.routeOptions.url}`)) return done();
    done(new AppError(403, pending === 'password_change' ? 'password_change_required' : 'totp_enrolment_required'));
  });
}
