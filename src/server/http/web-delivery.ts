import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import compress from '@fastify/compress';

/** What is worth compressing: JSON, text, JavaScript, SVG. Never Excel, Word, PDF or images (zipped already). */
const COMPRESSIBLE =
  /^(?:text\/(?!event-stream)|application\/(?:[\w.+-]+\+)?json|application\/javascript|image\/svg\+xml)/;

/**
 * Answers of the API and the map files are compressed as they are sent (brotli at quality 4, gzip for browsers
 * without it), above 1 KB. The web app's own files are compressed once at build time instead (scripts/precompress.ts)
 * and carry their Content-Encoding already, which the plugin leaves alone. Requests are never decompressed: no
 * client sends compressed bodies, and accepting them would let a small upload expand inside the server.
 * docs/DECISIONS.md has the CPU cost measured on 2 cores.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    requestEncodings: ['identity'],
    threshold: 1024,
    customTypes: COMPRESSIBLE,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
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
