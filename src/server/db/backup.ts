import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import crypto from 'node:crypto';
import type pg from 'pg';
import type { Writable } from 'node:stream';
import { repoPath } from '../repo-path.ts';

/**
 * A logical backup that both engines write and read: every table of the public schema, row by row as PostgreSQL's
 * own JSON of the row (numbers, dates, arrays and bytea keep their exact text), read in one REPEATABLE READ
 * snapshot so it is consistent while the app writes, gzip'd, in foreign-key order. Each table ends with its row
 * count and an SM3 digest of its rows, and the file with a closing line, so a truncated or altered file is refused.
 * The header names the migrations the data belongs to and carries the audit key (or its fingerprint, when the
 * deployment keeps the key itself), without which the restored audit chain could not be verified.
 */
export const BACKUP_FORMAT = 'duikou-backup';
/** Live state that a restored instance must not inherit: sessions (everyone signs in again) and sign-in counters. */
const SKIPPED_TABLES = new Set(['sessions', 'login_throttle']);
const BATCH = 500;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  engine: string;
  migrations: string[];
  /** base64; null when the key is managed outside the data directory (AUDIT_HMAC_KEY). */
  auditKey: string | null;
  auditKeyFingerprint: string;
}

export const keyFingerprint = (key: Buffer) =>
  crypto.createHmac('sm3', key).update('duikou/audit-key-fingerprint').digest('hex').slice(0, 16);

export function codeMigrations(): string[] {
  const journal = JSON.parse(fs.readFileSync(repoPath('drizzle/meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}

interface TableInfo {
  name: string;
  columns: string[];
  /** Columns referencing the table itself: filled after all its rows are in. */
  selfRefs: string[];
  primaryKey: string[];
}

async function tables(client: pg.PoolClient): Promise<TableInfo[]> {
  const { rows: cols } = await client.query<{ table_name: string; column_name: string }>(`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
    ORDER BY c.table_name, c.ordinal_position`);
  const { rows: fks } = await client.query<{ child: string; parent: string; column_name: string }>(`
    SELECT cl.relname AS child, pr.relname AS parent, a.attname AS column_name
    FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pr ON pr.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
    WHERE k.contype = 'f' AND n.nspname = 'public'`);
  const { rows: pks } = await client.query<{ table_name: string; column_name: string }>(`
    SELECT cl.relname AS table_name, a.attname AS column_name
    FROM pg_index i JOIN pg_class cl ON cl.oid = i.indrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
    WHERE i.indisprimary AND n.nspname = 'public'`);
  const byName = new Map<string, TableInfo>();
  for (const c of cols) {
    if (SKIPPED_TABLES.has(c.table_name)) continue;
    const t = byName.get(c.table_name) ?? { name: c.table_name, columns: [], selfRefs: [], primaryKey: [] };
    t.columns.push(c.column_name);
    byName.set(c.table_name, t);
  }
  for (const p of pks) byName.get(p.table_name)?.primaryKey.push(p.column_name);
  const parents = new Map<string, Set<string>>();
  for (const fk of fks) {
    if (!byName.has(fk.child)) continue;
    if (fk.child === fk.parent) byName.get(fk.child)!.selfRefs.push(fk.column_name);
    else parents.set(fk.child, (parents.get(fk.child) ?? new Set()).add(fk.parent));
  }
  // Parents before children; a cycle between tables would need deferred constraints, which the schema does not use.
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done' || !byName.has(name)) return;
    if (state.get(name) === 'visiting') throw new Error(`foreign keys form a cycle through ${name}`);
    state.set(name, 'visiting');
    for (const p of parents.get(name) ?? []) visit(p);
    state.set(name, 'done');
    ordered.push(byName.get(name)!);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return ordered;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes the backup of the database behind `pool` to `out` (gzip'd). Answers the row count per table. */
export async function writeBackup(
  pool: pg.Pool,
  out: Writable,
  meta: { engine: string; auditKey: Buffer; keyIsManaged: boolean },
): Promise<Record<string, number>> {
  const client = await pool.connect();
  const gzip = zlib.createGzip();
  const done = new Promise<void>((resolve, reject) => {
    gzip.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  const write = (line: string) =>
    new Promise<void>((resolve) => {
      if (gzip.write(`${line}\n`)) resolve();
      else gzip.once('drain', resolve);
    });
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: applied } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      engine: meta.engine,
      migrations: codeMigrations().slice(0, applied[0]!.n),
      auditKey: meta.keyIsManaged ? null : meta.auditKey.toString('base64'),
      auditKeyFingerprint: keyFingerprint(meta.auditKey),
    };
    await write(JSON.stringify(header));
    for (const t of await tables(client)) {
      await write(
        JSON.stringify({ table: t.name, columns: t.columns, selfRefs: t.selfRefs, primaryKey: t.primaryKey }),
      );
      const digest = crypto.createHash('sm3');
      let n = 0;
      const order = t.primaryKey.length ? ` ORDER BY ${t.primaryKey.map(ident).join(', ')}` : '';
      await client.query(
        `DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM ${ident(t.name)} x${order}`,
      );
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`FETCH ${BATCH} FROM dump`);
        for (const r of rows) {
          digest.update(r.j).update('\n');
          await write(r.j);
        }
        n += rows.length;
        if (rows.length < BATCH) break;
      }
      await client.query('CLOSE dump');
      await write(JSON.stringify({ end: t.name, rows: n, sm3: digest.digest('hex') }));
      counts[t.name] = n;
    }
    await write(JSON.stringify({ complete: true }));
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    gzip.destroy(err as Error);
    throw err;
  } finally {
    client.release();
  }
  gzip.end();
  await done;
  return counts;
}

export class BackupRefused extends Error {}

/** The backup's lines, read on demand (the reader waits while each batch is inserted). */
async function* backupLines(file: string): AsyncGenerator<string> {
  let rest = '';
  const text = new StringDecoder('utf8'); // a character split between two chunks stays whole
  for await (const chunk of fs.createReadStream(file).pipe(zlib.createGunzip())) {
    const lines = (rest + text.write(chunk as Buffer)).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  rest += text.end();
  if (rest) yield rest;
}

/** Reads the header line of a backup file (to check its key and migrations before anything is touched). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of backupLines(file)) {
    const header = JSON.parse(line) as BackupHeader;
    if (header.format !== BACKUP_FORMAT || header.version !== 1)
      throw new BackupRefused('不是 Duikou 备份文件 / not a Duikou backup file');
    return header;
  }
  throw new BackupRefused('备份文件为空 / the backup file is empty');
}

/**
 * Loads a backup into an empty, migrated database in one transaction: every row or none. Rows go in as the backup
 * holds them (json_populate_recordset turns PostgreSQL's JSON back into each column's type); columns that refer to
 * their own table are set once all the table's rows are in; sequences continue after the highest value restored.
 */
export async function loadBackup(pool: pg.Pool, file: string): Promise<Record<string, number>> {
  const client = await pool.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN');
    let table: TableInfo | null = null;
    let batch: string[] = [];
    let digest = crypto.createHash('sm3');
    let n = 0;
    let complete = false;
    let first = true;
    const flush = async () => {
      if (!table || !batch.length) return;
      const t = table;
      const cols = t.columns.map(ident).join(', ');
      const values = t.columns.map((c) => (t.selfRefs.includes(c) ? 'NULL' : `j.${ident(c)}`)).join(', ');
      await client.query(
        `INSERT INTO ${ident(t.name)} (${cols}) SELECT ${values} FROM json_populate_recordset(NULL::${ident(t.name)}, $1::json) j`,
        [`[${batch.join(',')}]`],
      );
      if (t.selfRefs.length)
        await client.query(
          `UPDATE ${ident(t.name)} x SET ${t.selfRefs.map((c) => `${ident(c)} = j.${ident(c)}`).join(', ')}
           FROM json_populate_recordset(NULL::${ident(t.name)}, $1::json) j
           WHERE ${t.primaryKey.map((c) => `x.${ident(c)} = j.${ident(c)}`).join(' AND ')}`,
          [`[${batch.join(',')}]`],
        );
      batch = [];
    };
    for await (const line of backupLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      if (line.startsWith('{"table":')) {
        const head = JSON.parse(line) as Omit<TableInfo, 'name'> & { table: string };
        table = { name: head.table, columns: head.columns, selfRefs: head.selfRefs, primaryKey: head.primaryKey };
        digest = crypto.createHash('sm3');
        n = 0;
        continue;
      }
      if (line.startsWith('{"end":')) {
        const end = JSON.parse(line) as { end: string; rows: number; sm3: string };
        // A table whose rows refer to each other is loaded whole (below), then its references are set.
        await flush();
        if (end.end !== table?.name || end.rows !== n || end.sm3 !== digest.digest('hex'))
          throw new BackupRefused(`备份文件已损坏：${end.end} / the backup file is damaged: table ${end.end}`);
        counts[end.end] = n;
        table = null;
        continue;
      }
      if (line === '{"complete":true}') {
        complete = true;
        continue;
      }
      if (!table) throw new BackupRefused('备份文件格式有误 / the backup file is malformed');
      digest.update(line).update('\n');
      batch.push(line);
      n++;
      if (batch.length >= BATCH && !table.selfRefs.length) await flush();
    }
    if (!complete) throw new BackupRefused('备份文件不完整（被截断）/ the backup file is incomplete (truncated)');
    await client.query(`
      DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(format('%I', c.relname), a.attname) AS seq
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
          WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            AND pg_get_serial_sequence(format('%I', c.relname), a.attname) IS NOT NULL
        LOOP
          EXECUTE format('SELECT setval(%L, coalesce((SELECT max(%I) FROM %I), 0) + 1, false)', r.seq, r.col, r.tbl);
        END LOOP;
      END $$`);
    await client.query('COMMIT');
    return counts;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Writes to `file` through a temporary name, so a failed backup never leaves a partial file under the real name. */
export async function writeBackupFile<T>(file: string, produce: (out: Writable) => Promise<T>): Promise<T> {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.part`);
  const out = fs.createWriteStream(tmp, { mode: 0o600 });
  try {
    const result = await produce(out);
    fs.renameSync(tmp, file);
    return result;
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
