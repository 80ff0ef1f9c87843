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

export const TEMPLATE_DB = 'duikou_template';
