import type { FastifyInstance } from 'fastify';
import type { AppDeps, Actor } from '../../http/context.ts';
import type { Role } from '../../../common/access/roles.ts';
import { findSession, touchSession, deleteSession } from './session.repository.ts';
import { SESSION_COOKIE, tokenHash } from './session-token.ts';
import { loadPairingScope } from '../pairings/pairing-scope.repository.ts';

/** Writing last-seen on every request would turn each read into a write; a minute's resolution is enough for the idle timeout. */
const TOUCH_EVERY_MS = 60_000;

/** Resolves the session cookie into `req.actor` (or null) before anything else runs. */
export function registerSessionLoader(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    req.actor = null;
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const hash = tokenHash(deps.crypto, token);
    const row = await findSession(deps.db, hash);
    if (!row) return;
    const now = new Date();
    const idleExpired = now.getTime() - row.lastSeenAt.getTime() > deps.config.session.idleMs;
    if (idleExpired || row.expiresAt <= now || !row.userActive || !row.organisationActive) {
      await deleteSession(deps.db, hash);
      return;
    }
    if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(deps.db, hash, now);
    const roles = row.roles as Role[];
    const actor: Actor = {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      roles,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      regionCode: row.regionCode,
      sessionTokenHash: hash,
      csrfToken: row.csrfToken,
      scope: await loadPairingScope(deps.db, roles, row.regionCode),
    };
    req.actor = actor;
  });
}
