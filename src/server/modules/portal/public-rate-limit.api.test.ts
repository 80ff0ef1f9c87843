import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';

// The portal's pages have a limit of their own per address (RATE_LIMIT_PUBLIC_PER_MINUTE), apart from the API's.
describe.each(testEngines())('public portal rate limit on %s', (engine) => {
  it('answers 429 with a page in both languages past the limit, and neither limit counts the other', async () => {
    const t = await createTestApp(engine, { RATE_LIMIT_PUBLIC_PER_MINUTE: '3', RATE_LIMIT_API_PER_MINUTE: '4' });
    const get = (url: string, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'GET', url, remoteAddress });
    try {
      // The API's own limit is spent first: the portal is not refused for it.
      const api: number[] = [];
      for (let i = 0; i < 5; i++) api.push((await get('/api/health')).statusCode);
      expect(api).toEqual([200, 200, 200, 200, 429]);
      expect((await get('/api/health')).json().error.code).toBe('rate_limited');

      const pages: number[] = [];
      for (const url of ['/public', '/public?lang=en', '/public/no-such-page']) pages.push((await get(url)).statusCode);
      expect(pages).toEqual([200, 200, 404]);

      const zh = await get('/public/pairings/x');
      expect(zh.statusCode).toBe(429);
      expect(zh.headers['content-type']).toContain('text/html');
      expect(Number(zh.headers['retry-after'])).toBeGreaterThan(0);
      expect(zh.headers['cache-control']).toBe('no-store');
      expect(zh.body).toContain('<title>访问过于频繁');
      expect(zh.body).toMatch(/请 \d+ 秒后再试/);
      expect(zh.body).toMatch(/try again in \d+ seconds/);
      expect(zh.body).toContain('Too many requests');
      expect(zh.body).not.toMatch(/\{seconds\}/);

      const en = await get('/public?lang=en');
      expect(en.statusCode).toBe(429);
      expect(en.body).toContain('<html lang="en">');
      expect(en.body).toContain('<title>Too many requests');
      expect(en.body).toContain('访问过于频繁');

      // The open-data page is a portal page, in the same count; another address has its own count.
      expect((await get('/public/data')).statusCode).toBe(429);
      expect((await get('/public', '10.0.0.9')).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('has no limit when set to 0', async () => {
    const t = await createTestApp(engine, { RATE_LIMIT_PUBLIC_PER_MINUTE: '0' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await t.app.inject({ method: 'GET', url: '/public' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await t.close();
    }
  });
});
