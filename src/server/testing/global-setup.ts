import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/database.ts';
import { seedRegions } from '../seed/region-seed.ts';
import crypto from 'node:crypto';
import { testEngines } from './test-engines.ts';

/**
 * Migrates and loads regions once into a template (a PGlite directory, a PostgreSQL template database) that
 * each test file copies, instead of running initdb and migrations per file.
 */
export default async function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-test-'));
  process.env.DUIKOU_TEST_ROOT = root;
  const engines = testEngines();
  if (engines.includes('pglite')) {
    const dir = path.join(root, 'template');
    const database = await openDatabase({ dataDir: dir });
    await seedRegions(database.db);
    await database.close();
    process.env.DUIKOU_PGLITE_TEMPLATE = dir;
  }
  let template: string | undefined;
  if (engines.includes('postgres')) {
    template = `duikou_template_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
    process.env.DUIKOU_PG_TEMPLATE = template;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${template}`;
    const database = await openDatabase({ dataDir: root, databaseUrl: url.toString() });
    await seedRegions(database.db);
    await database.close();
  }
  return async () => {
    fs.rmSync(root, { recursive: true, force: true });
    if (!template) return;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}
