import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';
import { loadSeedPlans } from '../modules/plans/test-support/plan-api.ts';
import { BROTLI_QUALITY, chooseEncoding, compressAs, GZIP_LEVEL, ownBytes, utf8Bytes } from './web-delivery.ts';

const BROWSER = 'gzip, deflate, br';

describe.each(testEngines())('compressed answers on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('compresses a large JSON list for a client that accepts it, the cached answer too, and the same JSON comes out', async () => {
    const plans = await loadSeedPlans(s.t);
    const jl = await s.as(s.f.users.jilin);
    const url = `/api/tasks?planId=${plans.jilinZhejiang}&pageSize=50`;
    const plain = await jl.get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const br = await jl.get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gz = await jl.get(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['x-cache']).toBe('hit');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('keeps each encoding of a cached answer: a hit is the miss byte for byte, and every client gets what it accepts', async () => {
    const plans = await loadSeedPlans(s.t);
    const jl = await s.as(s.f.users.jilin);
    const url = `/api/tasks?planId=${plans.jilinZhejiang}&pageSize=40`;
    await s.t.database.db.execute(sql`UPDATE tasks SET updated_at = updated_at WHERE false`);
    const miss = await jl.get(url, { 'accept-encoding': BROWSER });
    expect(miss.headers['x-cache']).toBeUndefined();
    expect(miss.headers['content-encoding']).toBe('br');
    expect(miss.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(miss.headers['content-length'])).toBe(miss.rawPayload.length);
    const hit = await jl.get(url, { 'accept-encoding': BROWSER });
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.headers['content-encoding']).toBe('br');
    expect(hit.headers.vary).toMatch(/accept-encoding/i);
    expect(hit.rawPayload.equals(miss.rawPayload)).toBe(true);
    expect(Number(hit.headers['content-length'])).toBe(hit.rawPayload.length);

    // A client that asks for no compression gets the plain bytes, the ones the brotli bytes decompress to.
    const plain = await jl.get(url);
    expect(plain.headers['x-cache']).toBe('hit');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(zlib.brotliDecompressSync(hit.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(plain.rawPayload.length).toBeGreaterThan(8 * 1024);
    for (const accept of ['identity', 'br;q=0, gzip;q=0', 'compress']) {
      const r = await jl.get(url, { 'accept-encoding': accept });
      expect(r.headers['content-encoding'], accept).toBeUndefined();
      expect(r.rawPayload.equals(plain.rawPayload), accept).toBe(true);
    }
    // gzip for a client without brotli (a browser on plain HTTP), made at the first hit that asks and kept.
    const gz = await jl.get(url, { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['x-cache']).toBe('hit');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    const gzAgain = await jl.get(url, { 'accept-encoding': 'br;q=0.5, gzip' });
    expect(gzAgain.headers['content-encoding']).toBe('gzip');
    expect(gzAgain.rawPayload.equals(gz.rawPayload)).toBe(true);

    // A miss first answered plain: the next browser gets brotli, the same JSON.
    await s.t.database.db.execute(sql`UPDATE tasks SET updated_at = updated_at WHERE false`);
    const plainMiss = await jl.get(url);
    expect(plainMiss.headers['x-cache']).toBeUndefined();
    expect(plainMiss.headers['content-encoding']).toBeUndefined();
    expect(plainMiss.rawPayload.equals(plain.rawPayload)).toBe(true);
    const brHit = await jl.get(url, { 'accept-encoding': BROWSER });
    expect(brHit.headers['x-cache']).toBe('hit');
    expect(brHit.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(brHit.rawPayload).equals(plain.rawPayload)).toBe(true);

    // Clients that miss together and wait for one answer each get their own encoding of it.
    await s.t.database.db.execute(sql`UPDATE tasks SET updated_at = updated_at WHERE false`);
    const accepts = [BROWSER, undefined, 'gzip', BROWSER, undefined, 'gzip'];
    const together = await Promise.all(accepts.map((a) => jl.get(url, a ? { 'accept-encoding': a } : {})));
    expect(together.filter((r) => r.headers['x-cache'] !== 'hit')).toHaveLength(1);
    for (const [k, r] of together.entries()) {
      const want = accepts[k] === BROWSER ? 'br' : accepts[k];
      expect(r.headers['content-encoding'], String(accepts[k])).toBe(want);
      const bytes =
        want === 'br' ? zlib.brotliDecompressSync(r.rawPayload) : want ? zlib.gunzipSync(r.rawPayload) : r.rawPayload;
      expect(bytes.equals(plain.rawPayload), String(accepts[k])).toBe(true);
    }
  });

  it('chooses the encoding a client weighs highest, brotli on a tie', () => {
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('')).toBeNull();
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('GZIP;q=1, br;q=0.9')).toBe('gzip');
    expect(chooseEncoding('x-gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0.5, br;q=0')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('br;q=0')).toBeNull();
    expect(chooseEncoding('br;q=nonsense')).toBeNull();
  });

  it('leaves small answers as they are, compresses the map files without page headers, and refuses compressed request bodies', async () => {
    const anon = s.t.client();
    const small = await anon.get('/api/health', { 'accept-encoding': 'br' });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();

    const map = await anon.get('/maps/china.json', { 'accept-encoding': 'br' });
    expect(map.statusCode).toBe(200);
    expect(map.headers['content-encoding']).toBe('br');
    // A file the app fetches carries the headers that protect it, not those that govern a page.
    expect(map.headers['x-content-type-options']).toBe('nosniff');
    expect(map.headers['content-security-policy']).toBeUndefined();
    expect(small.headers['content-security-policy']).toContain("default-src 'self'");
    expect(JSON.parse(zlib.brotliDecompressSync(map.rawPayload).toString())).toMatchObject({
      type: 'FeatureCollection',
    });

    const jl = await s.as(s.f.users.jilin);
    const zipped = await jl.request('POST', '/api/auth/logout', '{}', {
      'content-encoding': 'gzip',
      'content-type': 'application/json',
    });
    expect(zipped.statusCode).toBe(415);
  });
});

describe('bytes the response cache keeps', () => {
  it('are the same bytes in an allocation of their own size: compressed answers, and texts under 4 KB', () => {
    const small = Buffer.from('{"名称":"对口合作"}'.repeat(40));
    const large = Buffer.from(
      JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `合作事项${i}` }))),
    );
    // As Buffer.from makes them: a text under 4 KB is a view into Node's shared pool, a larger one has its own.
    expect(small.buffer.byteLength).toBeGreaterThan(small.byteLength);
    expect(large.buffer.byteLength).toBe(large.byteLength);
    for (const body of [small, large]) {
      const br = compressAs('br', body);
      const gzip = compressAs('gzip', body);
      expect(
        br.equals(zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })),
      ).toBe(true);
      expect(gzip.equals(zlib.gzipSync(body, { level: GZIP_LEVEL }))).toBe(true);
      for (const bytes of [br, gzip]) expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    }
    const own = ownBytes(small);
    expect(own.equals(small)).toBe(true);
    expect(own.buffer.byteLength).toBe(own.byteLength);
    expect(ownBytes(large)).toBe(large);
  });
});

describe('a text as UTF-8 bytes', () => {
  it('is what Buffer.from makes of it, in an allocation of its own size, whatever its length', () => {
    const page = JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ id: i, title: `【合成】第${i}次联席会议` })));
    const texts = [
      '',
      'ok',
      '对口合作',
      'a\u{1F600}b',
      'lone \ud800 and \udc00 surrogates',
      page,
      page.repeat(3),
      page.repeat(200),
    ];
    for (const text of [...texts, texts[1]!]) {
      const bytes = utf8Bytes(text);
      expect(bytes.equals(Buffer.from(text, 'utf8')), text.slice(0, 20)).toBe(true);
      expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    }
  });
});
