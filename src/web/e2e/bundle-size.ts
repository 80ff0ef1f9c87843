import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The built web app (vite.config.ts: outDir). */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g;

function staticImports(dir: string, file: string): string[] {
  const code = fs.readFileSync(path.join(dir, file), 'utf8');
  const found = new Set<string>();
  for (const m of code.matchAll(STATIC_IMPORT)) found.add(path.posix.join(path.posix.dirname(file), m[1]!));
  return [...found];
}

function closure(dir: string, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(dir, file));
  }
  return seen;
}

/**
 * The JavaScript a browser downloads for the first screen: the entry chunk with everything it imports
 * statically, plus the chunks of the lazily loaded pages named (by their source file name) and their imports.
 */
export function firstScreenJavaScript(pages: string[] = ['LoginPage', 'DashboardPage'], dir = WEB_DIST) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/src="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const assets = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  const pageChunks = pages.map((page) => {
    const file = assets.find((f) => f.startsWith(`${page}-`));
    if (!file) throw new Error(`no chunk for ${page} in ${dir}/assets`);
    return `assets/${file}`;
  });
  const files = closure(dir, [...entry, ...pageChunks]);
  const chunks: ChunkSize[] = [...files].sort().map((file) => {
    const content = fs.readFileSync(path.join(dir, file));
    return { file, bytes: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
  });
  return { chunks, bytes: chunks.reduce((s, c) => s + c.bytes, 0), gzip: chunks.reduce((s, c) => s + c.gzip, 0) };
}

export function allJavaScript(dir = WEB_DIST) {
  const assets = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  return assets.reduce(
    (sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dir, 'assets', f)), { level: 9 }).length,
    0,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const result = firstScreenJavaScript();
  for (const c of result.chunks)
    console.log(
      `${c.file.padEnd(48)} ${(c.bytes / 1024).toFixed(1).padStart(8)} kB  gzip ${(c.gzip / 1024).toFixed(1).padStart(7)} kB`,
    );
  console.log(
    `first screen (login + dashboard): ${(result.bytes / 1024).toFixed(1)} kB, gzip ${(result.gzip / 1024).toFixed(1)} kB`,
  );
  console.log(`all JavaScript, gzip: ${(allJavaScript() / 1024).toFixed(1)} kB`);
}
