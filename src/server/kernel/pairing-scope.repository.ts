import { type AnyColumn, type Placeholder, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import type { Actor, PairingScope } from '../http/context.ts';
import type { Role } from '../../common/access/roles.ts';

/**
 * The national office sees every pairing, or, when granted programmes (programme_grants), every pairing of those;
 * everyone else the pairings one of whose sides is their region, with all sub-pairs.
 */
export async function loadPairingScope(
  db: DbOrTx,
  roles: readonly Role[],
  regionCode: string,
  userId: string,
): Promise<PairingScope> {
  if (roles.includes('national_office')) {
    const granted = await db.execute<{ programme_id: string; ids: string[] }>(sql`
      SELECT g.programme_id, ARRAY(SELECT p.id FROM pairings p WHERE p.programme_id = g.programme_id) AS ids
        FROM programme_grants g WHERE g.user_id = ${userId}`);
    if (!granted.rows.length) return { all: true };
    return {
      all: false,
      pairingIds: Object.freeze(granted.rows.flatMap((r) => r.ids)),
      programmeIds: Object.freeze(granted.rows.map((r) => r.programme_id)),
    };
  }
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE tree AS (
      SELECT DISTINCT s.pairing_id AS id FROM pairing_side_regions s WHERE s.region_code = ${regionCode}
      UNION
      SELECT c.id FROM pairings c JOIN tree t ON c.parent_id = t.id
    )
    SELECT id FROM tree`);
  return { all: false, pairingIds: Object.freeze(result.rows.map((r) => r.id)) };
}

/** Distinct scopes numbered (past it the numbering goes on afresh: a number never names two scopes). */
const MAX_SCOPES = 1_000;
const scopeNumbers = new Map<string, number>();
let lastScope = 0;
const scopeTags = new WeakMap<PairingScope, string>();

/**
 * A short name for the scope's pairings, the same for every scope of the same pairings (two users of one office):
 * what caches shared by a scope are keyed by. Made once per scope object — the session cache hands each request of
 * a session the same one — instead of sorting and joining its ids (a programme's 220: ~8 KB of text, then hashed as
 * part of every key) on every lookup.
 */
export function scopeTag(scope: PairingScope): string {
  let tag = scopeTags.get(scope);
  if (tag === undefined) {
    if (scope.all) tag = 'all';
    else {
      const ids = [...scope.pairingIds].sort().join(',');
      let n = scopeNumbers.get(ids);
      if (n === undefined) {
        if (scopeNumbers.size >= MAX_SCOPES) scopeNumbers.clear();
        scopeNumbers.set(ids, (n = ++lastScope));
      }
      tag = `s${n}`;
    }
    scopeTags.set(scope, tag);
  }
  return tag;
}

/**
 * A scope's pairings as a set, made once per scope object (the session cache hands a session's requests the same
 * one): what an answer kept for the scope is checked against after a write (db/data-version.ts unchangedSince).
 */
const scopeSets = new WeakMap<PairingScope, ReadonlySet<string>>();
export function scopeSet(scope: PairingScope & { all: false }): ReadonlySet<string> {
  let set = scopeSets.get(scope);
  if (!set) scopeSets.set(scope, (set = new Set(scope.pairingIds)));
  return set;
}

/** Whether the actor sees this programme whole, as its national office: unrestricted, or granted it. */
export function seesProgrammeWhole(scope: PairingScope, programmeId: string): boolean {
  return scope.all || (scope.programmeIds ?? []).includes(programmeId);
}

/**
 * Whether the actor looks at its programmes nationally (national views: every subject of a round, figures of the
 * whole programme): the unrestricted national office, and a national office granted programmes, for those (its
 * pairings are then exactly theirs).
 */
export function seesNationally(scope: PairingScope): boolean {
  return scope.all || (scope.programmeIds ?? []).length > 0;
}

/**
 * The scope narrowed to one programme (a list asked with `programmeId`, the programme chosen in the web app): the
 * actor's pairings of that programme, seen whole only when the actor saw the programme whole before. A programme
 * the actor does not work in leaves nothing in sight.
 */
export async function scopeInProgramme(db: DbOrTx, scope: PairingScope, programmeId: string): Promise<PairingScope> {
  const result = await db.execute<{ id: string }>(sql`SELECT id FROM pairings WHERE programme_id = ${programmeId}`);
  const ids = result.rows.map((r) => r.id);
  if (seesProgrammeWhole(scope, programmeId))
    return { all: false, pairingIds: Object.freeze(ids), programmeIds: Object.freeze([programmeId]) };
  const own = new Set(scope.all ? [] : scope.pairingIds);
  return { all: false, pairingIds: Object.freeze(ids.filter((id) => own.has(id))), programmeIds: Object.freeze([]) };
}

/**
 * Rows that belong to a programme rather than a pairing (the national plan, its tasks): those of the programmes
 * the actor works in, i.e. granted or holding one of its pairings (undefined: every row).
 */
export function programmeRowsInScope(actor: Pick<Actor, 'scope'>, programmeColumn: AnyColumn | SQL): SQL | undefined {
  const { scope } = actor;
  if (scope.all) return undefined;
  return sql`(${programmeColumn} = ANY(${uuidArray(scope.programmeIds ?? [])})
    OR ${programmeColumn} IN (SELECT p.programme_id FROM pairings p WHERE p.id = ANY(${uuidArray(scope.pairingIds)})))`;
}

/** An array parameter's text, as node-postgres writes a JS array of strings. */
const arrayLiteral = (ids: readonly string[]) => `{${ids.map((id) => `"${id.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
/**
 * The text of each frozen id list (the scopes above: a session's, kept with it). node-postgres writes a JS array out
 * again for every statement that sends it: a programme's 220 pairings, in every scoped statement of its national
 * office, cost 66 µs to write against 17 µs sending the text (bench: Bind of the list alone, 20,000 times).
 */
const literals = new WeakMap<readonly string[], string>();

/** The text of a uuid[] parameter: the value of a placeholder cast to uuid[] in a statement built once per shape. */
export function uuidArrayText(ids: readonly string[]): string {
  const kept = Object.isFrozen(ids);
  let literal = kept ? literals.get(ids) : undefined;
  if (literal === undefined) {
    literal = arrayLiteral(ids);
    if (kept) literals.set(ids, literal);
  }
  return literal;
}

/** A uuid[] parameter (drizzle would otherwise spread a JS array into a list of parameters), sent as its text. */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${uuidArrayText(ids)}::uuid[]`;
}

/**
 * The reader's pairings and programmes as placeholders (`scopePairings`, `scopeProgrammes`; values from
 * scopeValues), for a statement built once per shape that serves every reader instead of one per scope
 * (kernel/prepared-by-shape.ts with a reader of any scope): such a statement holds no reader's values.
 */
export const SCOPE_PAIRINGS: SQL = sql`${sql.placeholder('scopePairings')}::uuid[]`;
export const SCOPE_PROGRAMMES: SQL = sql`${sql.placeholder('scopeProgrammes')}::uuid[]`;
export const scopeValues = (scope: PairingScope) => ({
  scopePairings: uuidArrayText(scope.all ? [] : scope.pairingIds),
  scopeProgrammes: uuidArrayText(scope.all ? [] : (scope.programmeIds ?? [])),
});
/** The reader preparedByShape is given for such a statement: its key then holds no scope (the shape says `scoped`). */
export const ANY_READER: Pick<Actor, 'scope'> = { scope: { all: true } };
/** rowsInPairingScope with the reader's pairings as SCOPE_PAIRINGS (`scoped` false: every row). */
export const rowsInGivenScope = (scoped: boolean, pairingColumn: AnyColumn): SQL | undefined =>
  scoped ? sql`${pairingColumn} = ANY(${SCOPE_PAIRINGS})` : undefined;

/**
 * The rows of the pairings in the actor's scope, by the column that holds a row's pairing (undefined: every row).
 * Each module's scope (projectScope, parkScope, …) is this with its own column. One array parameter, not one
 * parameter per pairing: a programme's national office holds hundreds, and a statement with that many
 * parameters costs several times more to build and send.
 */
export function rowsInPairingScope(actor: Pick<Actor, 'scope'>, pairingColumn: AnyColumn): SQL | undefined {
  if (actor.scope.all) return undefined;
  return actor.scope.pairingIds.length ? sql`${pairingColumn} = ANY(${uuidArray(actor.scope.pairingIds)})` : sql`false`;
}

/**
 * rowsInPairingScope with the pairings written into the statement's text, for a statement prepared once per scope
 * (kernel/prepared-by-shape.ts): each connection reads the array once, when it prepares the statement, where a uuid[]
 * parameter is read afresh at every run, once per place it is used: a roster page from a mark, which uses it twice,
 * took ~10 % less of PostgreSQL's CPU with an office's 41 pairings written in (0.60 → 0.54 ms a run). The price is a
 * text per scope instead of one for every scope, each prepared and planned on each connection: only for lists that
 * few scopes read often.
 */
export function rowsInPairingScopeWritten(actor: Pick<Actor, 'scope'>, pairingColumn: AnyColumn): SQL | undefined {
  if (actor.scope.all) return undefined;
  if (!actor.scope.pairingIds.length) return sql`false`;
  const literal = uuidArrayText(actor.scope.pairingIds).replace(/'/g, "''");
  return sql`${pairingColumn} = ANY(${sql.raw(`'${literal}'`)}::uuid[])`;
}

/** Whether the actor may write for this pairing (a create names its pairing before any row exists). */
export function inPairingScope(actor: Actor, pairingId: string): boolean {
  return actor.scope.all || actor.scope.pairingIds.includes(pairingId);
}

/**
 * The pairing and, with `withSubPairs`, every pairing below it, as a condition on a table's pairing column. The
 * actor's scope still applies on its own: a sub-pair outside it stays out of sight.
 *
 * The tree is one array worked out before the table is read (an InitPlan), so the pairing column's indexes read only
 * those pairings' entries. Written `IN (tree)`, it was joined to the table: every row of the reader's scope was read
 * and hashed against it (an office's ledger page of one pairing with its sub-pairs, EXPLAIN ANALYZE on the mix's
 * 100,000 projects, PostgreSQL 15: 255 buffers and 8.1 ms as a join, 29 buffers and 0.43 ms as the array).
 */
export function pairingCondition(
  column: SQL | AnyColumn,
  pairingId: string | Placeholder | undefined,
  withSubPairs?: boolean,
): SQL | undefined {
  if (!pairingId) return undefined;
  if (!withSubPairs) return sql`${column} = ${pairingId}`;
  return sql`${column} = ANY(ARRAY(WITH RECURSIVE tree AS (SELECT id FROM pairings WHERE id = ${pairingId}
    UNION SELECT c.id FROM pairings c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree))`;
}
