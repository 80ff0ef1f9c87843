import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WEB_DIST } from './bundle-size.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/web (the app the server serves) when it is missing or older than its sources, as `npm start`
 * does. The server reads dist/web when it starts, so build before starting it.
 */
export function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src/web')),
    newestMtime(path.join(ROOT, 'src/common')),
    fs.statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs,
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      // vitest sets NODE_ENV=test, which would give React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}
