import type pg from 'pg';

/**
 * VACUUM and ANALYZE for a database that nobody else keeps: PGlite runs no autovacuum, so without this its dead row
 * versions and GIN pending lists pile up and its planner statistics stay as the last manual ANALYZE left them (none
 * at all for a table filled after start), and the pages of rows only ever inserted are never marked all-visible, so
 * the ids-first pages' index-only scans (a ledger page's ids) visit the table for every row. Registered for PGlite
 * only (database.ts); PostgreSQL's autovacuum does the same there. The thresholds are autovacuum's defaults.
 *
 * The statements go to the raw pool, not through Drizzle's routing pool: they change no row a cache holds, and the
 * routing pool would count any statement it cannot read as a write of everything (statements.ts).
 */
export interface TableDue {
  table: string;
  /** Past a VACUUM threshold: dead rows, rows inserted since, or pages not all-visible (else only past ANALYZE's). */
  vacuum: boolean;
}

const VACUUM_BASE = 50;
const VACUUM_SHARE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SHARE = 0.1;
/** autovacuum_vacuum_insert_threshold and _scale_factor: rows inserted since the last VACUUM. */
const INSERT_BASE = 1_000;
const INSERT_SHARE = 0.2;
/**
 * PGlite's counters start from zero at every start, so rows inserted before it are counted nowhere: a table of at
 * least this many pages with under half of them all-visible is vacuumed too. Its pages are counted from its file,
 * not from pg_class, which holds what the last VACUUM or ANALYZE saw: a table analyzed while empty (a data build's
 * VACUUM (ANALYZE) before a roster import) and filled before a restart showed 0 pages there, so it was never due,
 * and its statements ran without statistics (on PGlite the roster's page statements were planned afresh on every
 * run, their generic plans estimated dearer than custom ones without column statistics).
 */
const VISIBLE_MIN_PAGES = 128;
/** How long a maintenance statement waits for the connection to be idle before it goes anyway. */
const QUIET_WAIT_MS = 5_000;

type Pool = Pick<pg.Pool, 'query' | 'idleCount' | 'totalCount' | 'waitingCount'>;

export class TableUpkeep {
  constructor(private readonly pool: Pool) {}

  /** Tables past a threshold, the most changed first. */
  async due(): Promise<TableDue[]> {
    // The counts of the statements just run reach the statistics views at most once a second unless flushed (PGlite
    // has one backend, so this flushes every count there is).
    await this.pool.query('SELECT pg_stat_force_next_flush()');
    const { rows } = await this.pool.query<{ table: string; vacuum: boolean }>(
      `SELECT s.relname AS table,
              (s.n_dead_tup > $1 + $2 * greatest(c.reltuples, s.n_live_tup)
               OR s.n_ins_since_vacuum > $5 + $6 * greatest(c.reltuples, 0)
               OR (f.pages >= $7 AND c.relallvisible * 2 < f.pages)) AS vacuum
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid,
              LATERAL (SELECT pg_relation_size(c.oid) / current_setting('block_size')::int AS pages) f
        WHERE s.schemaname = 'public'
          AND (s.n_dead_tup > $1 + $2 * greatest(c.reltuples, s.n_live_tup)
               OR s.n_ins_since_vacuum > $5 + $6 * greatest(c.reltuples, 0)
               OR (f.pages >= $7 AND c.relallvisible * 2 < f.pages)
               OR s.n_mod_since_analyze > $3 + $4 * greatest(c.reltuples, s.n_live_tup)
               -- Never analyzed but not empty: PGlite's counters start from zero at every start, so rows written
               -- before a restart are counted nowhere else.
               OR (c.reltuples < 0 AND f.pages > 0))
        ORDER BY s.n_dead_tup + s.n_mod_since_analyze + s.n_ins_since_vacuum DESC`,
      [VACUUM_BASE, VACUUM_SHARE, ANALYZE_BASE, ANALYZE_SHARE, INSERT_BASE, INSERT_SHARE, VISIBLE_MIN_PAGES],
    );
    return rows;
  }

  /**
   * VACUUM (with ANALYZE) or ANALYZE each table, one statement per table, each sent when the connection is idle:
   * requests queued meanwhile go between two tables, not after all of them.
   */
  async keep(tables: readonly TableDue[]): Promise<string[]> {
    const done: string[] = [];
    for (const t of tables) {
      await this.quietMoment();
      await this.pool.query(`${t.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} "${t.table.replaceAll('"', '""')}"`);
      done.push(t.table);
    }
    return done;
  }

  /** After a bulk write (an import): ANALYZE what it changed past the threshold, so the next reads plan on its rows. */
  async analyzeDue(): Promise<string[]> {
    return this.keep((await this.due()).map((t) => ({ table: t.table, vacuum: false })));
  }

  private async quietMoment() {
    const until = Date.now() + QUIET_WAIT_MS;
    while (Date.now() < until && (this.pool.idleCount < this.pool.totalCount || this.pool.waitingCount > 0)) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

const upkeeps = new WeakMap<object, TableUpkeep>();

/** The upkeep of the database behind a Drizzle handle, when the app must do it itself (PGlite). */
export function tableUpkeepOf(db: object): TableUpkeep | undefined {
  return upkeeps.get(db);
}

export function registerTableUpkeep(db: object, upkeep: TableUpkeep) {
  upkeeps.set(db, upkeep);
}
