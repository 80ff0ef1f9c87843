import type { Locale } from '../../common/i18n/messages.ts';
import type { Db } from '../db/database.ts';
import type { Role } from '../../common/access/roles.ts';
import type { CryptoProvider } from '../security/crypto-provider.ts';
import type { AppConfig } from '../config.ts';

/**
 * Which pairings a user's rows are limited to: all of them, or the listed ids (own pairings and their sub-pairs).
 * `programmeIds`: the programmes a national-office user was granted (it sees them whole, even before they have
 * pairings).
 */
export type PairingScope =
  | { all: true }
  | { all: false; pairingIds: readonly string[]; programmeIds?: readonly string[] };

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: string;
  organisationName: string;
  regionCode: string;
  sessionTokenHash: string;
  csrfToken: string;
  scope: PairingScope;
}

/** What a service needs from the request: the database, who acts, and what to write in the audit row. */
export interface RequestContext {
  db: Db;
  actor: Actor | null;
  requestId: string;
  ip: string;
  deps: AppDeps;
  /** The language of the files made for this request (exports); Chinese when not set. */
  locale?: Locale;
}

/** Built once at start and shared by every request. */
export interface AppDeps {
  db: Db;
  config: AppConfig;
  crypto: CryptoProvider;
  auditKey: Buffer;
}

export interface AuthedContext extends RequestContext {
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    ctx: RequestContext;
  }
}
