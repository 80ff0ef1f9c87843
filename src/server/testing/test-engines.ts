/**
 * Which database engines the tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL points at a server
 * whose user may create databases (.ci/run starts one). Set TEST_ENGINES=pglite to skip PostgreSQL locally.
 */
export type Engine = 'pglite' | 'postgres';

export function testEngines(): Engine[] {
  const wanted = (process.env.TEST_ENGINES ?? 'pglite,postgres').split(',');
  const engines: Engine[] = [];
  if (wanted.includes('pglite')) engines.push('pglite');
  if (wanted.includes('postgres') && process.env.TEST_DATABASE_URL) engines.push('postgres');
  return engines;
}

/** The PostgreSQL template of this run (global-setup.ts names it), so that runs sharing one server do not drop each other's. */
export function templateDb(): string {
  const name = process.env.DUIKOU_PG_TEMPLATE;
  if (!name) throw new Error("DUIKOU_PG_TEMPLATE is set by the tests' global setup");
  return name;
}
