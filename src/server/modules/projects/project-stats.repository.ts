import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { PIPELINE_STAGES } from '../../../common/api/projects.ts';
import { uuidArray } from '../../kernel/pairing-scope.repository.ts';
import { cachedByVersion } from '../../kernel/cached-by-version.ts';
import { cachedPerPairing } from '../../kernel/cached-per-pairing.ts';
import { unseenUuids } from '../../kernel/unseen-value.ts';
import { wan } from '../../../common/money/money.ts';
import { parks } from '../parks/parks.tables.ts';
import { events } from '../events/events.tables.ts';

export type StatsGroupBy = 'pairing' | 'side' | 'industry' | 'year';
export type StatsQuery = { pairingId?: string; withSubPairs?: boolean; groupBy: StatsGroupBy; demo?: boolean };
/** The projects a question's figures are of, whatever their grouping. */
export type PiecesQuery = Omit<StatsQuery, 'groupBy'>;

/** A pairing's rollups summed per dimension, demo flag and key (parks and events counted as dimensions of their own). */
export interface PieceRow {
  dim: 'side' | 'industry' | 'year' | 'stage' | 'parks' | 'events';
  demo: boolean;
  key: string;
  /** Projects that reached at least the 1st … 5th pipeline stage (reached[0]: all of them). */
  reached: number[];
  landmark: number;
  /** 万元 in fen: for the stage dimension every project's; for the others, only those that reached 签约 (as the rates count). */
  signed: bigint;
  arrived: bigint;
  /** The stage dimension only. */
  planned: bigint;
  completed: bigint;
}
/** One pairing's share of the figures, with its name (a grouping by pairing is labelled with it). */
export interface StatsPiece {
  pairingId: string;
  name: string;
  rows: PieceRow[];
}

/** Every pairing's name and parent: the pairings a question's pieces are of, kept until a pairing changes. */
function pairingDirectory(db: DbOrTx) {
  return cachedByVersion(db, { scope: { all: true } }, 'stats|pairings', async () => {
    const { rows } = await db.execute<{ id: string; name: string; parent_id: string | null }>(
      sql`SELECT id::text AS id, name, parent_id::text AS parent_id FROM pairings`,
    );
    return new Map(rows.map((r) => [r.id, r]));
  });
}

/** The pairings in the actor's scope, each once: every pairing for a national office. */
export async function pairingsInScope(db: DbOrTx, actor: Pick<Actor, 'scope'>): Promise<string[]> {
  const directory = await pairingDirectory(db);
  return actor.scope.all
    ? [...directory.keys()]
    : [...new Set(actor.scope.pairingIds)].filter((id) => directory.has(id));
}

/** The pairings a question reads: the actor's, narrowed to the pairing asked (and, with `withSubPairs`, those below it). */
async function pairingsAsked(db: DbOrTx, actor: Actor, q: PiecesQuery) {
  const directory = await pairingDirectory(db);
  let ids = await pairingsInScope(db, actor);
  if (q.pairingId) {
    const asked = new Set([q.pairingId]);
    if (q.withSubPairs) {
      const children = new Map<string, string[]>();
      for (const r of directory.values())
        if (r.parent_id) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
      for (const id of asked) for (const c of children.get(id) ?? []) asked.add(c);
    }
    ids = ids.filter((id) => asked.has(id));
  }
  return ids.map((id) => ({ id, name: directory.get(id)!.name }));
}

/** The pipeline position (1 谋划 … 5 投产) of a rollup row's furthest stage. */
const ROLLUP_ORD = sql.raw(
  `CASE x.furthest_stage ${PIPELINE_STAGES.map((s, i) => `WHEN '${s}' THEN ${i + 1}`).join(' ')} END`,
);

/**
 * The pairings asked, read through a subquery (kernel/unseen-value.ts): given as a value, one pairing's plan was priced
 * below the plan for any pairings, and the statement was planned on every read after a write (0.5 ms of a 0.7 ms read
 * on PostgreSQL); so it is kept after five runs.
 */
const unseenIds = (ids: string[]) => unseenUuids(uuidArray(ids));

/**
 * The pieces of `ids`, in one statement: project_rollups (kept by triggers on projects, migration 0012) summed per
 * pairing, dimension, demo flag and key, and the parks and events counted alike. Every dimension is named so that
 * the primary key (dim, pairing_id, …) serves one pairing's rows: after a write that is 43 buffers and 0.2 ms on
 * PostgreSQL instead of a scan of the 8,951 rows (132 buffers, 5.5 ms).
 */
async function readPieces(db: DbOrTx, ids: string[]) {
  const { rows } = await db.execute<{
    pairing_id: string;
    dim: PieceRow['dim'];
    demo: boolean;
    key: string;
    reached: number[];
    landmark: number;
    signed: string;
    arrived: string;
    planned: string;
    completed: string;
  }>(sql`
    SELECT r.pairing_id::text AS pairing_id, r.dim, r.is_demo AS demo, r.key,
      ARRAY[${sql.join(
        PIPELINE_STAGES.map(
          (_, i) => sql`coalesce(sum(r.projects) FILTER (WHERE r.ord >= ${sql.raw(String(i + 1))}), 0)::int`,
        ),
        sql`, `,
      )}] AS reached,
      sum(r.landmark)::int AS landmark,
      coalesce(sum(r.signed_wan) FILTER (WHERE r.dim = 'stage' OR r.ord >= 2), 0)::text AS signed,
      coalesce(sum(r.arrived_wan) FILTER (WHERE r.dim = 'stage' OR r.ord >= 2), 0)::text AS arrived,
      coalesce(sum(r.planned_wan) FILTER (WHERE r.dim = 'stage'), 0)::text AS planned,
      coalesce(sum(r.completed_wan) FILTER (WHERE r.dim = 'stage'), 0)::text AS completed
    FROM (SELECT x.*, ${ROLLUP_ORD} AS ord FROM project_rollups x
      WHERE x.dim IN ('side', 'industry', 'year', 'stage') AND x.pairing_id = ANY(${unseenIds(ids)})) r
    GROUP BY r.pairing_id, r.dim, r.is_demo, r.key
    UNION ALL
    SELECT k.pairing_id::text, k.dim, k.is_demo, '', ARRAY[count(*)::int], 0, '0', '0', '0', '0'
    FROM (SELECT pairing_id, is_demo, 'parks' AS dim FROM ${parks} WHERE pairing_id = ANY(${unseenIds(ids)})
      UNION ALL SELECT pairing_id, is_demo, 'events' FROM ${events} WHERE pairing_id = ANY(${unseenIds(ids)})) k
    GROUP BY k.pairing_id, k.dim, k.is_demo`);
  const out = new Map<string, PieceRow[]>();
  for (const r of rows) {
    const row: PieceRow = {
      dim: r.dim,
      demo: r.demo,
      key: r.key,
      reached: r.reached,
      landmark: r.landmark,
      signed: wan(r.signed),
      arrived: wan(r.arrived),
      planned: wan(r.planned),
      completed: wan(r.completed),
    };
    const had = out.get(r.pairing_id);
    if (had) had.push(row);
    else out.set(r.pairing_id, [row]);
  }
  return out;
}

/**
 * The figures' pieces of every pairing the question reads (the dashboard's and the stats'): each pairing's kept until
 * its own rollups, parks or events change (kernel/cached-per-pairing.ts), so a project write costs the national
 * office's next figures one pairing's rollups, not the 220 pairings' again.
 */
export async function projectStatsPieces(db: DbOrTx, actor: Actor, q: PiecesQuery): Promise<StatsPiece[]> {
  const asked = await pairingsAsked(db, actor, q);
  const rows = await cachedPerPairing(
    db,
    asked.map((p) => p.id),
    'stats',
    (ids) => readPieces(db, ids),
    [] as PieceRow[],
  );
  return asked.map((p, i) => ({ pairingId: p.id, name: p.name, rows: rows[i]! }));
}
