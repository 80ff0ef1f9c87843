import type { FastifyInstance } from 'fastify';

/** The web app's hashed files and the map data: fetched by the app, never opened as a page. */
const STATIC_FILE = /^\/(?:assets|maps)\//;

/**
 * ASVS V3.4 headers (the document ones on pages and API answers, not on static files); the API is never cached
 * because it carries personal and official data.
 */
export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }) {
  // Not async: run on every answer, it costs less without a promise of its own.
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    // The rest govern documents (what a page may load, frame or use); a script, a stylesheet or a map file the app
    // fetches is no document, and on a cold load of ~100 files they would add ~45 KB of headers (issue 14).
    if (!STATIC_FILE.test(req.url)) {
      reply.header('Referrer-Policy', 'same-origin');
      reply.header('X-Frame-Options', 'DENY');
      reply.header('Cross-Origin-Opener-Policy', 'same-origin');
      reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
      reply.header(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
      );
    }
    if (opts.hsts) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });
}
