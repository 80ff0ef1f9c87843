/**
 * `npx tsx bench/project-import-bench.ts`: the Excel import of a 10,000-row project sheet, end to end through the
 * import service on a fresh embedded database (or PostgreSQL with BENCH_DATABASE_URL): file build, guard, read,
 * validate, plan, save; then the same file again (all rows unchanged). Prints time per phase and peak memory.
 * Not a test; the figures go to docs/BENCHMARKS.md by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { nodeCryptoProvider } from '../src/server/security/crypto-provider.ts';
import { bootstrapData } from '../src/server/bootstrap.ts';
import { systemContext } from '../src/server/http/system-actor.ts';
import { runProjectImport } from '../src/server/modules/projects/sheet/project-import.service.ts';
import { buildProjectTemplate, TEMPLATE_SHEET } from '../src/server/modules/projects/sheet/project-sheet-template.ts';
import { PROJECT_SHEET_COLUMNS } from '../src/server/modules/projects/sheet/project-sheet-columns.ts';
import { goodRow } from '../src/server/modules/projects/sheet/test-support/project-sheet-fixture.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function sheet(n: number) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildProjectTemplate()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
  for (let i = 0; i < n; i++) {
    const r = goodRow(i + 1, { hostRegion: i % 2 ? '长春市' : '吉林市' });
    ws.addRow(PROJECT_SHEET_COLUMNS.map((c) => (r[c.key] ?? null) as ExcelJS.CellValue));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-bench-import-'));
const { DATABASE_URL: _ignored, ...env } = process.env;
const config = loadConfig({ ...env, DATA_DIR: dataDir, ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}) });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const deps = { db: database.db, config, crypto: nodeCryptoProvider, auditKey: Buffer.alloc(32, 7) };
  await bootstrapData(deps);
  const ctx = systemContext(deps, 'bench');
  const pairingId = (await database.db.execute<{ id: string }>(sql`SELECT id FROM pairings WHERE name = '吉林省—浙江省'`)).rows[0]!.id;
  let t = performance.now();
  const file = await sheet(ROWS);
  console.log(`engine ${database.engine}; sheet of ${ROWS} rows: ${(file.length / 1024).toFixed(0)} KB, built in ${(performance.now() - t).toFixed(0)} ms`);
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;
  for (const label of ['first import', 'same file again']) {
    const phases: Record<string, number> = {};
    let phaseStart = performance.now();
    let phase = '';
    t = performance.now();
    const outcome = await runProjectImport(ctx, pairingId, { buffer: file, fileName: 'bench.xlsx' }, (p) => {
      if (p.phase && p.phase !== phase) {
        if (phase) phases[phase] = performance.now() - phaseStart;
        phase = p.phase;
        phaseStart = performance.now();
      }
    });
    phases[phase] = performance.now() - phaseStart;
    const total = performance.now() - t;
    console.log(
      `${label}: ${total.toFixed(0)} ms (${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}); ` +
        `result ${JSON.stringify({ ...outcome.result, projectIds: undefined })}, errors ${outcome.errors.length}; peak RSS ${mb(peakRss)} (start ${mb(rssBefore)})`,
    );
  }
} finally {
  clearInterval(sampler);
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
