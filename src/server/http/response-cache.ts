import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dataVersionOf } from '../db/data-version.ts';
import { routeStore } from '../db/routing.ts';
import type { Actor, AppDeps, PairingScope } from './context.ts';
import { chinaToday } from '../kernel/dates.ts';
import { scopeSet, scopeTag } from '../kernel/pairing-scope.repository.ts';
import { chooseEncoding, compressAs, type Encoding, utf8Bytes, utf8View, worthCompressing } from './web-delivery.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The answer depends only on the data, the user and the address: it may be served again, as sent, until a
     * table it read (or the user's session and scope read) is written. Only for reads that write nothing, not
     * even an audit row.
     */
    cacheable?: boolean;
    /**
     * Readers alike share one kept answer instead of one each (see readerKey). Declared only on a cacheable route
     * whose answer depends on its reader through nothing but the roles and the pairing scope — no per-user fields,
     * to-do or notifications, no masking the roles do not decide — or, where it also depends on something else of
     * the reader (a lead unit sees only its organisation's tasks), on what the function returns besides. Off unless
     * declared.
     */
    sharedAnswer?: SharedAnswer;
  }
  interface FastifyRequest {
    /** A cacheable read that missed: where to keep its answer, and the data version it was read at. */
    cacheMiss?: {
      key: string;
      version: number;
      /** Whether the answer is to be kept (KeepPolicy); else it is only handed to requests waiting for it. */
      keep: boolean;
      flight: Flight;
      settle: (answer: Entry | null) => void;
    };
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * What else of its reader, besides roles and scope, a shared answer depends on ('' for nothing); see readerKey.
 * `acrossRoles`: an answer that depends on its reader's scope and what the function returns, whatever the roles (no
 * field or masking of it is a role's): an office, 组织部 and a lead unit of the same scope share it.
 * `acrossScopes`: an answer that shows the rows of named pairings alone (db/routing.ts showingOnly: a project's page)
 * and depends on its reader through nothing but being allowed to see them and what the function returns (roles
 * that change its fields, say; '' for nothing). One kept answer then serves every reader whose scope holds those
 * pairings, checked on each hit; a reader outside them is never served it (the route answers for itself: 404).
 */
export type SharedAnswer =
  | true
  | ReaderPart
  | { acrossRoles: ReaderPart; acrossScopes?: never }
  | { acrossScopes: ReaderPart; acrossRoles?: never };
type ReaderPart = (actor: Actor, query: unknown) => string;

/**
 * An answer as sent: its body and the headers that say what it is. The body is kept as the bytes sent (UTF-8,
 * encoded once when it was made): sending the string again would encode it again on every hit (for a dashboard of
 * Chinese names, the larger part of a hit's CPU and of its garbage). Beside it, the body compressed in each
 * encoding a client has asked for, made once: a browser's hit costs no compression.
 */
interface Answer {
  body: Buffer;
  headers: { 'content-type': string; 'content-disposition'?: string };
  /** Null when the answer is too small or of a type not worth compressing. */
  encoded: Partial<Record<Encoding, Buffer>> | null;
}
/**
 * `tables`: what the answer was read from (the request's store); null: unknown, kept until anything changes.
 * `scope`: the pairings whose rows it may show (its reader's scope; null: every pairing's); `rows`: the only rows of
 * them it shows, when the handler said so (db/routing.ts showingOnly: a project's page), else null.
 */
type Entry = Answer & {
  version: number;
  tables: Set<string> | null;
  scope: ReadonlySet<string> | null;
  rows: ReadonlySet<string> | null;
};

/**
 * The tables an answer stands on, the sessions table aside: a hit is served only after the request's own session
 * was found valid (onRequest), and no cached answer shows a session's row, so another user signing in or out, or
 * last-seen being written, must not drop everyone's answers (the user's scope tables stay among the reads).
 */
function withoutSessions(reads: ReadonlySet<string> | null | undefined): Set<string> | null {
  if (!reads) return null;
  const tables = new Set(reads);
  tables.delete('sessions');
  return tables;
}

/** What the cache may hold in all, and the largest answer it keeps (a 5,000-task plan tree is about 3 MB). */
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * A scope's content as a short key: two users whose scopes hold the same pairings (and programmes) have the same key,
 * whatever objects hold them. The pairings' part is made once per scope object (scopeTag); a scope grants few
 * programmes.
 */
function scopeKey(scope: PairingScope): string {
  if (scope.all) return 'all';
  return `${scopeTag(scope)}|${scope.programmeIds ? [...scope.programmeIds].sort().join(',') : ''}`;
}

/**
 * Whose answer a request's is: the user's own, or, on a route that declares its answer shared (sharedAnswer), that
 * of everyone with the same roles, the same pairing scope and the same answer of the route's function — the five
 * national-office users, say, keep one dashboard between them. A user id never starts with `as:`.
 */
function readerKey(req: FastifyRequest, actor: Actor): string {
  const shared = req.routeOptions.config.sharedAnswer;
  if (!shared) return actor.userId;
  if (typeof shared === 'object') {
    if (shared.acrossScopes) return `seen:${shared.acrossScopes(actor, req.query)}`;
    return `as:*|${scopeKey(actor.scope)}|${shared.acrossRoles(actor, req.query)}`;
  }
  const more = shared === true ? '' : shared(actor, req.query);
  return `as:${[...actor.roles].sort().join('+')}|${scopeKey(actor.scope)}|${more}`;
}

/** Whether a kept answer may go to this reader: one shared across scopes, only if the reader sees all it shows. */
function servesReader(req: FastifyRequest, entry: Entry): boolean {
  const shared = req.routeOptions.config.sharedAnswer;
  if (typeof shared !== 'object' || !shared.acrossScopes) return true;
  const scope = req.actor!.scope;
  if (scope.all) return true;
  const sees = scopeSet(scope);
  for (const p of entry.scope!) if (!sees.has(p)) return false;
  return true;
}

/** A miss being answered: the requests for the same key and version that wait for its answer, and how many. */
interface Flight {
  answer: Promise<Entry | null>;
  waiting: number;
}

/** Bits of each generation of seen keys, and the keys each takes before the older one is forgotten. */
const SEEN_BITS = 1 << 21;
const SEEN_PER_GENERATION = 1 << 16;

/**
 * Keys missed lately, as bits (a Bloom filter of two positions per key; TinyLFU's doorkeeper): whether a key was
 * missed before among the last 65,536-131,072 distinct misses. Two generations: when the newer has taken its share,
 * the older is cleared and becomes the newer. Typed arrays (512 KB), so nothing here is for the collector to mark. A
 * key taken for seen when it was not (two others set its bits: ~1 % with both generations full) is only kept.
 */
export class SeenKeys {
  private newer = new Int32Array(SEEN_BITS / 32);
  private older = new Int32Array(SEEN_BITS / 32);
  private added = 0;

  /** Whether `key` was missed before in the window; it is marked as missed now. */
  missed(key: string): boolean {
    // FNV-1a twice over the key's UTF-16 units, with two offsets: two positions in the bits.
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ key.length;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    const i = (a >>> 0) % SEEN_BITS;
    const j = ((b ^ (b >>> 15)) >>> 0) % SEEN_BITS;
    const seenNewer = hasBit(this.newer, i) && hasBit(this.newer, j);
    if (seenNewer) return true;
    const seen = hasBit(this.older, i) && hasBit(this.older, j);
    if (this.added === SEEN_PER_GENERATION) {
      [this.newer, this.older] = [this.older.fill(0), this.newer];
      this.added = 0;
    }
    this.newer[i >>> 5]! |= 1 << (i & 31);
    this.newer[j >>> 5]! |= 1 << (j & 31);
    this.added++;
    return seen;
  }
}
const hasBit = (bits: Int32Array, i: number) => (bits[i >>> 5]! & (1 << (i & 31))) !== 0;

/** Requests to a route, and how many of them asked an address asked before (a hit, a wait, a key missed before). */
interface RouteRepeats {
  asked: number;
  repeated: number;
}
/** A route's first requests, for which it keeps every miss; and the count at which both counts are halved. */
const EVIDENCE = 64;
const HALVE_AT = 1024;
/** A route keeps every miss while at least one request in this many asks an address asked before. */
const REPEAT_ONE_IN = 16;

/**
 * Which misses are kept. Keeping an answer costs its UTF-8 and compressed bytes copied into allocations of their own,
 * its sets of tables and pairings, and a place among the 64 MB of kept answers, whose turnover V8 accounts as external
 * memory and collects; an answer that nobody asks for again pays all of it for nothing (on the cooperation lists,
 * where every page is a distinct address, every request). So a route whose addresses come back (at least one request
 * in REPEAT_ONE_IN asks an address asked before, and any route for its first EVIDENCE requests) keeps every miss, as
 * before; one whose addresses mostly do not keeps a miss only when its key was missed before within the window of
 * SeenKeys: an address asked a second time is kept, and its third ask is a hit.
 */
export class KeepPolicy {
  private readonly seen = new SeenKeys();
  private readonly routes = new Map<string, RouteRepeats>();

  private repeatsOf(route: string): RouteRepeats {
    let r = this.routes.get(route);
    if (!r) this.routes.set(route, (r = { asked: 0, repeated: 0 }));
    if (r.asked === HALVE_AT) {
      r.asked /= 2;
      r.repeated = Math.floor(r.repeated / 2);
    }
    r.asked++;
    return r;
  }
  /** A request served a kept answer or one being made: its address was asked before. */
  served(route: string): void {
    this.repeatsOf(route).repeated++;
  }
  /** A request that missed: whether its answer is to be kept. */
  missed(route: string, key: string): boolean {
    const r = this.repeatsOf(route);
    const before = this.seen.missed(key);
    if (before) r.repeated++;
    return before || r.asked <= EVIDENCE || r.repeated * REPEAT_ONE_IN >= r.asked;
  }
}

/** What each app's cache holds: its entries, the bytes it counts, and the bytes of its entries summed afresh. */
const holdings = new WeakMap<FastifyInstance, () => { entries: number; bytes: number; summed: number }>();
export const keptAnswers = (app: FastifyInstance) => holdings.get(app)!();

const bytesOf = (e: Answer) => e.body.length + (e.encoded?.br?.length ?? 0) + (e.encoded?.gzip?.length ?? 0);

/**
 * Dashboards and lists are asked for far more often than anything changes, by many officials at once. A cacheable
 * route's JSON is kept per user and address under the data version it was read at; access checks have run before
 * (preParsing, and the session's pending step and the input guard in preValidation, registered earlier), so a hit
 * is served only to a user who may ask. The lookup runs before the route's schema checks the query: an address is
 * only ever kept after it passed them, and the same address passes again, so a hit skips parsing it (about a tenth
 * of a hit's CPU). Requests that miss together wait for the first one's answer instead of each computing it.
 */
export function registerResponseCache(app: FastifyInstance, deps: AppDeps) {
  const version = dataVersionOf(deps.db);
  const cache = new Map<string, Entry>();
  const inflight = new Map<string, Flight>();
  const policy = new KeepPolicy();
  let totalBytes = 0;
  holdings.set(app, () => {
    let summed = 0;
    for (const e of cache.values()) summed += bytesOf(e);
    return { entries: cache.size, bytes: totalBytes, summed };
  });

  const store = (key: string, entry: Entry) => {
    const old = cache.get(key);
    if (old) totalBytes -= bytesOf(old);
    cache.delete(key);
    cache.set(key, entry);
    totalBytes += bytesOf(entry);
    evict();
  };
  // Least recently used first: a hit moves its entry to the end. Checked before iterating: a Map's iteration starts
  // by stepping over the places its moved entries left, which every hit adds to.
  const evict = () => {
    if (totalBytes <= MAX_TOTAL_BYTES) return;
    for (const [k, e] of cache) {
      if (totalBytes <= MAX_TOTAL_BYTES) break;
      cache.delete(k);
      totalBytes -= bytesOf(e);
    }
  };
  /**
   * The answer as this request accepts it, with the headers that say so. A compressed form made here is kept with
   * the answer (and counted in the cache's size while its entry is kept), so the next request asking for it gets
   * the same bytes. Vary goes on every answer that could have been compressed, sent compressed or not.
   */
  const encodedFor = (req: FastifyRequest, reply: FastifyReply, answer: Answer, key: string): Buffer => {
    reply.headers(answer.headers);
    if (!answer.encoded) return answer.body;
    reply.header('vary', 'accept-encoding');
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (!encoding) return answer.body;
    let bytes = answer.encoded[encoding];
    if (!bytes) {
      const kept = cache.get(key)?.encoded === answer.encoded;
      bytes = answer.encoded[encoding] = compressAs(encoding, answer.body, kept);
      if (kept) {
        totalBytes += bytes.length;
        evict();
      }
    }
    reply.header('content-encoding', encoding);
    return bytes;
  };
  const send = (req: FastifyRequest, reply: FastifyReply, answer: Answer, key: string) =>
    reply.header('x-cache', 'hit').send(encodedFor(req, reply, answer, key));

  // Not async: a hit is answered without a promise of its own (a hook answering early does not call done).
  app.addHook('preValidation', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (!req.routeOptions.config?.cacheable || req.method !== 'GET') return done();
    // A public route's answer is the same for everyone (open data): one entry for all callers, signed in or not.
    const who = req.routeOptions.config.access === 'public' ? 'public' : req.actor && readerKey(req, req.actor);
    if (!who) return done();
    const v = version?.current;
    if (v === null || v === undefined) return done();
    // Lights and deadlines are relative to today: a new day is a new answer.
    const key = `${chinaToday()}|${who}|${req.url}`;
    const route = req.routeOptions.url ?? '';
    const hit = cache.get(key);
    if (hit && version!.unchangedSince(hit.version, hit.tables, hit.scope, null, hit.rows) && servesReader(req, hit)) {
      policy.served(route);
      store(key, hit);
      send(req, reply, hit, key);
      return;
    }
    const flightKey = `${v}|${key}`;
    const pending = inflight.get(flightKey);
    if (pending) {
      policy.served(route);
      pending.waiting++;
      // Never rejects: settled with null when the first request fails or goes away.
      void pending.answer.then((answer) =>
        answer !== null && servesReader(req, answer) ? send(req, reply, answer, key) : done(),
      );
      return;
    }
    let settle!: (answer: Entry | null) => void;
    const flight: Flight = { answer: new Promise<Entry | null>((resolve) => (settle = resolve)), waiting: 0 };
    inflight.set(flightKey, flight);
    req.cacheMiss = {
      key,
      version: v,
      keep: policy.missed(route, key),
      flight,
      settle: (answer) => {
        inflight.delete(flightKey);
        req.cacheMiss = undefined;
        settle(answer);
      },
    };
    done();
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const miss = req.cacheMiss;
    if (!miss) return payload;
    if (reply.statusCode === 200 && typeof payload === 'string' && !miss.keep && miss.flight.waiting === 0) {
      miss.settle(null);
      return sendOnce(req, reply, payload);
    }
    const body = reply.statusCode === 200 && typeof payload === 'string' ? utf8Bytes(payload) : null;
    const ok = body !== null && body.length <= MAX_BYTES;
    // Stored under the version read before the handler ran, with the tables the request read (the user's scope
    // among them): a write to one of them, meanwhile or later, makes it stale.
    // The type and, for a download, its file name go with the body (a CSV is no JSON).
    const headers: Entry['headers'] = { 'content-type': String(reply.getHeader('content-type') ?? JSON_TYPE) };
    const disposition = reply.getHeader('content-disposition');
    if (disposition) headers['content-disposition'] = String(disposition);
    const answer: Answer = {
      body: body!,
      headers,
      encoded: ok && worthCompressing(headers['content-type'], body.length) ? {} : null,
    };
    // Repositories show a user only the rows of their scope's pairings: a write to another pairing's rows leaves it.
    // An answer that shows only some rows (a project's page) is kept by those, whoever reads it.
    const shows = routeStore()?.showsOnly;
    const scope =
      req.routeOptions.config?.access === 'public' || !req.actor || req.actor.scope.all ? null : req.actor.scope;
    // An answer shared across scopes is told from another reader's by the pairings it shows: without them, not kept.
    const kept =
      ok && (shows || !(req.routeOptions.config.sharedAnswer as { acrossScopes?: unknown } | undefined)?.acrossScopes)
        ? {
            version: miss.version,
            tables: withoutSessions(routeStore()?.reads),
            scope: shows ? new Set(shows.pairings) : scope && scopeSet(scope),
            rows: shows ? new Set(shows.rows) : null,
            ...answer,
          }
        : null;
    // Asked by others at once, an address is asked again: kept whatever the policy said at the miss.
    if (kept && (miss.keep || miss.flight.waiting > 0)) store(miss.key, kept);
    miss.settle(kept);
    // The bytes just encoded go out as they are (compressed here if the client asks), instead of the string being
    // encoded a second time; an answer too large to keep is left to the compression plugin.
    return kept ? encodedFor(req, reply, kept, miss.key) : (body ?? payload);
  });
  /**
   * An answer not kept and waited for by no one goes out as a kept one's would (the same headers and bytes), without
   * what keeping costs: compressed straight from its UTF-8 bytes, which are copied out only when sent as they are.
   */
  const sendOnce = (req: FastifyRequest, reply: FastifyReply, text: string): Buffer => {
    const bytes = utf8View(text);
    if (bytes.length > MAX_BYTES) return Buffer.from(bytes);
    const type = String(reply.getHeader('content-type') ?? JSON_TYPE);
    reply.header('content-type', type);
    if (!worthCompressing(type, bytes.length)) return Buffer.from(bytes);
    reply.header('vary', 'accept-encoding');
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (!encoding) return Buffer.from(bytes);
    reply.header('content-encoding', encoding);
    return compressAs(encoding, bytes, false);
  };
  // An answer that never reached onSend (the client went away) must not keep others waiting.
  const letWaitersGo = (req: FastifyRequest, _reply: unknown, done: () => void) => {
    req.cacheMiss?.settle(null);
    done();
  };
  app.addHook('onResponse', letWaitersGo);
  app.addHook('onRequestAbort', (req, done) => letWaitersGo(req, null, done));
}
