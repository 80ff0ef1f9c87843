import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import compress from '@fastify/compress';

/** What is worth compressing: JSON, text, JavaScript, SVG. Never Excel, Word, PDF or images (zipped already). */
const COMPRESSIBLE =
  /^(?:text\/(?!event-stream)|application\/(?:[\w.+-]+\+)?json|application\/javascript|image\/svg\+xml)/;

/** Below this an answer goes as it is: a few hundred bytes saved are not worth a compressor's set-up. */
const THRESHOLD = 1024;
/**
 * The fastest levels: on the mix's own answers (8–24 KB lists) brotli 1 takes ~35 µs and leaves 16.8 % of the bytes,
 * brotli 4 ~115 µs and 14.6 %; gzip 1 ~60 µs and 16.4 %, gzip 6 ~90 µs and 15.0 % (docs/DECISIONS.md). A few hundred
 * bytes more per answer cost nothing on any network; the CPU is taken from every request of a 2-core server.
 */
export const BROTLI_QUALITY = 1;
export const GZIP_LEVEL = 1;
/**
 * In one call on the request's own thread, whatever the size: @fastify/compress otherwise streams answers above
 * 8 KB (its default on 2 cores) through a zlib stream, which costs more CPU per answer than the compression itself
 * and only moves work to the thread pool of a machine that has no idle core. 16 MB is the largest answer cached.
 */
const SYNC_UP_TO = 16 * 1024 * 1024;

export type Encoding = 'br' | 'gzip';

/** Whether an answer of this type and size is sent compressed to a client that accepts it. */
export function worthCompressing(contentType: string, bytes: number): boolean {
  return bytes >= THRESHOLD && COMPRESSIBLE.test(contentType);
}

let lastAccept: string | undefined;
let lastChoice: Encoding | null = null;
/**
 * The encoding to send for an Accept-Encoding header: the one of br and gzip the client weighs highest (q), brotli
 * on a tie, none when it accepts neither. Browsers send the same header on every request: the last one is kept.
 */
export function chooseEncoding(accept: string | undefined): Encoding | null {
  if (!accept) return null;
  if (accept === lastAccept) return lastChoice;
  const q = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((x) => x.trim());
    const weight = params.find((p) => p.startsWith('q='));
    q.set(name === 'x-gzip' ? 'gzip' : name, weight ? Number(weight.slice(2)) || 0 : 1);
  }
  let choice: Encoding | null = null;
  let best = 0;
  for (const enc of ['br', 'gzip'] as const) {
    const w = q.get(enc) ?? q.get('*') ?? 0;
    if (w > best) [choice, best] = [enc, w];
  }
  lastAccept = accept;
  lastChoice = choice;
  return choice;
}

const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } };
const GZIP_OPTIONS = { level: GZIP_LEVEL };

/**
 * Bytes in an allocation of their own size. zlib's one-call compression returns a view into the 16 KB output chunk
 * it allocated (as Buffer.from makes a text under 4 KB a view into Node's shared 8 KB pool): kept, such a view keeps
 * the whole allocation alive. The response cache keeps answers for long and counts them by their own length; on the
 * cooperation lists' distinct pages, 5,344 kept compressed answers of a few KB each held 87.6 MB of 16 KB chunks, and
 * its kept buffers 156 MB in all under a limit of 64 MB (heap snapshot after 12,000 misses).
 */
export function ownBytes(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  const own = Buffer.allocUnsafeSlow(bytes.byteLength);
  bytes.copy(own);
  return own;
}

/** UTF-8 takes at most three bytes per UTF-16 unit (a pair of surrogates, two units, takes four). */
const MOST_BYTES_PER_UNIT = 3;
/** Longer texts are encoded by Buffer.from, so that the buffer kept for encoding stays at most this large. */
const SCRATCH_MAX = 1024 * 1024;
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

/**
 * A text's UTF-8 bytes, as Buffer.from gives them (a lone surrogate as U+FFFD), written into a buffer kept for the
 * purpose: valid only until the next call. Buffer.from measures a text before it writes it, and for an answer of
 * Chinese text the measuring costs nearly as much as the writing (a 34 KB page of meetings: ~36 µs by Buffer.from,
 * ~24 µs written and copied). An answer sent once and not kept is compressed straight from these bytes.
 */
export function utf8View(text: string): Buffer {
  const most = text.length * MOST_BYTES_PER_UNIT;
  if (most > SCRATCH_MAX) return Buffer.from(text, 'utf8');
  if (most > scratch.length) scratch = Buffer.allocUnsafeSlow(SCRATCH_MAX);
  return scratch.subarray(0, scratch.write(text, 0, 'utf8'));
}

/** A text's UTF-8 bytes in an allocation of their own size (utf8View's, copied out). */
export function utf8Bytes(text: string): Buffer {
  const view = utf8View(text);
  if (view.buffer !== scratch.buffer) return view;
  const own = Buffer.allocUnsafeSlow(view.length);
  view.copy(own);
  return own;
}

/**
 * One answer compressed as `encoding`, with the same settings as every other answer: in bytes of their own when
 * they are to be kept (`own`), else as zlib returns them (sent once, then garbage).
 */
export function compressAs(encoding: Encoding, body: Buffer, own = true): Buffer {
  const bytes = encoding === 'br' ? zlib.brotliCompressSync(body, BROTLI_OPTIONS) : zlib.gzipSync(body, GZIP_OPTIONS);
  return own ? ownBytes(bytes) : bytes;
}

/**
 * Answers of the API and the map files are compressed as they are sent, above 1 KB; a cached answer keeps its
 * compressed bytes beside the plain ones (http/response-cache.ts, which compresses those itself), so a hit costs no
 * compression. The web app's own files are compressed once at build time instead (scripts/precompress.ts, brotli
 * 11 and gzip 9) and carry their Content-Encoding already, which the plugin leaves alone. Requests are never
 * decompressed: no client sends compressed bodies, and accepting them would let a small upload expand inside the
 * server.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    requestEncodings: ['identity'],
    threshold: THRESHOLD,
    syncThreshold: SYNC_UP_TO,
    customTypes: COMPRESSIBLE,
    brotliOptions: BROTLI_OPTIONS,
    zlibOptions: GZIP_OPTIONS,
  });
}

/** Files under /assets/ carry their content's hash in their name: a changed file is a new name. */
const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+$/;

/**
 * Cache headers of the built web app (@fastify/static `setHeaders`): the hashed files are kept a year and never
 * revalidated; anything else (index.html, which names the current hashes) is revalidated at every load.
 */
export function webCacheHeaders(reply: FastifyReply, filePath: string) {
  reply.header('Cache-Control', HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
