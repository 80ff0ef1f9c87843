import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import os from 'node:os';
import { openDatabase, type Database } from '../db/database.ts';
import { templateDb, type Engine } from './test-engines.ts';

/** A fresh database for one test file, copied from the template built in global-setup.ts. */
export async function openTestDatabase(engine: Engine): Promise<Database & { dataDir: string }> {
  const root = process.env.DUIKOU_TEST_ROOT!;
  const dataDir = path.join(root, `db-${crypto.randomUUID()}`);
  if (engine === 'pglite') {
    fs.cpSync(path.join(process.env.DUIKOU_PGLITE_TEMPLATE!, 'pglite'), path.join(dataDir, 'pglite'), {
      recursive: true,
    });
    const database = await openDatabase({ dataDir });
    return { ...database, dataDir };
  }
  const name = `duikou_t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb()}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ dataDir, databaseUrl: url.toString() });
  const close = async () => {
    await database.close();
    const dropper = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
  return { ...database, close, dataDir };
}

/**
 * A data directory holding a copy of the template's embedded database, and the environment a command run on it
 * gets (as `npx duikou …` on an installed machine, which opens the database itself). `remove` deletes it.
 */
export function embeddedDataDir(): { dir: string; env: NodeJS.ProcessEnv; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-cli-'));
  fs.cpSync(path.join(process.env.DUIKOU_PGLITE_TEMPLATE!, 'pglite'), path.join(dir, 'data', 'pglite'), {
    recursive: true,
  });
  return {
    dir,
    env: { DATA_DIR: path.join(dir, 'data'), PASSWORD_KDF_ITERATIONS: '1000', LOG_LEVEL: 'silent' },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
