import http from 'node:http';
import zlib from 'node:zlib';
import { BROWSER_ACCEPT_ENCODING } from './browser.ts';
import { percentile } from './stats.ts';

/**
 * A closed-loop HTTP load of many signed-in users at once (the realistic mix of bench/mixed.ts): `connections`
 * loops, each picking its next operation from `next()` as soon as the previous one has answered. An operation is
 * one or two requests (a write first reads the record it changes, as the page does); every request is timed and
 * recorded under its kind, with its status and whether the response cache answered it (`x-cache: hit`). Requests
 * offer compression as a browser does (BROWSER_ACCEPT_ENCODING); a body is decompressed and parsed only when the
 * operation reads it (`parse`, or an error's details), the others are let through unread.
 */

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

export interface Answer {
  status: number;
  /** The body, parsed, when the caller asked for it (`parse`); otherwise null. */
  json: unknown;
  hit: boolean;
  ms: number;
}

export interface Recorder {
  /** One request as `session`; it is recorded under `kind` when it ends inside the measured window. */
  request(
    session: Session,
    kind: string,
    method: string,
    path: string,
    opts?: { body?: unknown; parse?: boolean; write?: boolean },
  ): Promise<Answer>;
}

export interface KindStats {
  kind: string;
  write: boolean;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Share of answers served by the response cache. */
  hitShare: number;
  /** Status → count, for every status other than 200/201. */
  other: Record<string, number>;
}

export interface MixedLoadResult {
  connections: number;
  durationS: number;
  warmupS: number;
  requests: number;
  rps: number;
  reads: Omit<KindStats, 'kind' | 'write' | 'other'> & { rps: number };
  writes: Omit<KindStats, 'kind' | 'write' | 'other'> & { rps: number; conflicts: number; refused: number };
  kinds: KindStats[];
  /** Requests that failed (connection errors, 5xx, or a read that was not 200). */
  failures: number;
  failureSamples: string[];
  /** Share of all requests that were writes. */
  writeShare: number;
  /** Why some writes were refused (400), a few examples. */
  refusals: string[];
}

interface Sample {
  kind: string;
  write: boolean;
  ms: number;
  status: number;
  hit: boolean;
}

/** A body as its Content-Encoding says it was sent (the server sends br or gzip, or nothing below 1 KB). */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  if (encoding === 'deflate') return zlib.inflateSync(body);
  return body;
}

function summary(xs: Sample[]) {
  const ms = xs.map((s) => s.ms);
  return {
    requests: xs.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.reduce((m, v) => Math.max(m, v), 0),
    hitShare: xs.length ? xs.filter((s) => s.hit).length / xs.length : 0,
  };
}

export async function runMixedLoad(opts: {
  baseUrl: string;
  connections: number;
  durationS: number;
  warmupS: number;
  /** The next operation of one loop; it makes its requests through the recorder. */
  next: (rec: Recorder) => Promise<void>;
  /** Per-request timeout, ms. */
  timeoutMs?: number;
}): Promise<MixedLoadResult> {
  const url = new URL(opts.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections, maxFreeSockets: opts.connections });
  const samples: Sample[] = [];
  const failureSamples: string[] = [];
  const refusals: string[] = [];
  let failures = 0;
  const t0 = performance.now();
  const measureFrom = t0 + opts.warmupS * 1000;
  const end = measureFrom + opts.durationS * 1000;

  const rec: Recorder = {
    request(session, kind, method, path, o = {}) {
      return new Promise<Answer>((resolve) => {
        const started = performance.now();
        const payload = o.body === undefined ? undefined : Buffer.from(JSON.stringify(o.body));
        const headers: Record<string, string | number> = {
          cookie: session.cookie,
          'accept-encoding': BROWSER_ACCEPT_ENCODING,
        };
        if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
        if (payload) {
          headers['content-type'] = 'application/json';
          headers['content-length'] = payload.length;
        }
        let done = false;
        const finish = (status: number, json: unknown, hit: boolean, error?: string) => {
          if (done) return;
          done = true;
          const now = performance.now();
          const ms = now - started;
          const write = !!o.write;
          if (started >= measureFrom && now <= end + 60_000 && started < end) {
            samples.push({ kind, write, ms, status, hit });
            const bad = error || status >= 500 || status === 0 || (!write && status !== 200);
            if (bad) {
              failures++;
              if (failureSamples.length < 10)
                failureSamples.push(`${method} ${path} as ${session.username} → ${status} ${error ?? ''}`.trim());
            }
          }
          resolve({ status, json, hit, ms });
        };
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            method,
            path,
            agent,
            headers,
            timeout: opts.timeoutMs ?? 180_000,
          },
          (res) => {
            const chunks: Buffer[] = [];
            const keep = o.parse || (res.statusCode ?? 0) >= 400;
            if (keep) res.on('data', (c: Buffer) => chunks.push(c));
            else res.resume();
            // Keeps the cookies the server sets (the read-your-writes position after a write), as a browser does.
            for (const c of res.headers['set-cookie'] ?? []) {
              const [pair] = c.split(';');
              const name = pair!.split('=')[0]!;
              const rest = session.cookie.split('; ').filter((kv) => kv && kv.split('=')[0] !== name);
              session.cookie = [...rest, ...(pair!.endsWith('=') ? [] : [pair!])].join('; ');
            }
            res.on('end', () => {
              let json: unknown = null;
              if (keep && chunks.length) {
                try {
                  json = JSON.parse(decoded(Buffer.concat(chunks), res.headers['content-encoding']).toString('utf8'));
                } catch {
                  json = null;
                }
              }
              const status = res.statusCode ?? 0;
              // A refused write (400: a rule; 409: someone saved first) is an answer, counted apart, not a failure.
              const failed = status >= 500 || (!o.write && status !== 200);
              const err = (json as { error?: { code?: string; details?: unknown } } | null)?.error;
              const detail = failed
                ? JSON.stringify(err ? { code: err.code, details: err.details } : json).slice(0, 300)
                : undefined;
              if (o.write && status === 400 && refusals.length < 5)
                refusals.push(`${path}: ${JSON.stringify(err?.details).slice(0, 200)}`);
              finish(status, json, res.headers['x-cache'] === 'hit', detail);
            });
            res.on('error', (err) => finish(0, null, false, err.message));
          },
        );
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (err) => finish(0, null, false, err.message));
        if (payload) req.write(payload);
        req.end();
      });
    },
  };

  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < end) {
        try {
          await opts.next(rec);
        } catch (err) {
          failures++;
          if (failureSamples.length < 10) failureSamples.push(`operation failed: ${(err as Error).message}`);
        }
      }
    }),
  );
  agent.destroy();

  const durationS = opts.durationS;
  const reads = samples.filter((s) => !s.write);
  const writes = samples.filter((s) => s.write);
  const byKind = new Map<string, Sample[]>();
  for (const s of samples) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  const kinds: KindStats[] = [...byKind.entries()]
    .map(([kind, xs]) => {
      const other: Record<string, number> = {};
      for (const s of xs) if (s.status !== 200 && s.status !== 201) other[s.status] = (other[s.status] ?? 0) + 1;
      return { kind, write: xs[0]!.write, ...summary(xs), other };
    })
    .sort((a, b) => Number(a.write) - Number(b.write) || b.requests - a.requests);
  return {
    connections: opts.connections,
    durationS,
    warmupS: opts.warmupS,
    requests: samples.length,
    rps: samples.length / durationS,
    reads: { ...summary(reads), rps: reads.length / durationS },
    writes: {
      ...summary(writes),
      rps: writes.length / durationS,
      conflicts: writes.filter((s) => s.status === 409).length,
      refused: writes.filter((s) => s.status === 400).length,
    },
    kinds,
    failures,
    failureSamples,
    refusals,
    writeShare: samples.length ? writes.length / samples.length : 0,
  };
}
