import { describe, it, expect, beforeAll } from 'vitest';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';

interface Sent {
  status: number;
  body: string;
  /** Bytes of the body written before the answer came. */
  written: number;
}

/**
 * Sends a request whose body is `total` bytes (after `head`), chunk by chunk as the socket takes them, reading
 * whatever comes back between chunks, and stops writing when an answer arrives: a server that refuses before
 * reading answers long before the body is through. Raw HTTP, since a server that closes the connection mid-body
 * (as it should) makes Node's client report the broken pipe instead of the answer it already has.
 */
function send(
  port: number,
  path: string,
  headers: Record<string, string>,
  total: number,
  head = Buffer.alloc(0),
): Promise<Sent> {
  return new Promise((resolve) => {
    const chunked = headers['transfer-encoding'] === 'chunked';
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let written = 0;
    const answered = () => received.includes('\r\n\r\n');
    socket.on('data', (d) => {
      received = Buffer.concat([received, d]);
    });
    // The server closing the connection mid-body is what is expected.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      // The first answer only: Node may add its own 400 for the body cut short after it.
      const split = received.indexOf('\r\n\r\n');
      const head = received.subarray(0, split).toString('latin1');
      const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      const body = received.subarray(split + 4, split + 4 + length).toString('utf8');
      resolve({ status: Number(head.split(' ')[1]), body, written });
    });
    const frame = (b: Buffer) =>
      chunked ? Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]) : b;
    const chunk = frame(Buffer.alloc(64 * 1024, 0x41));
    const lines = [`POST ${path} HTTP/1.1`, `host: 127.0.0.1:${port}`];
    for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length) socket.write(frame(head));
    written += head.length;
    const pump = () => {
      if (answered() || socket.destroyed) return socket.end();
      if (written >= total) return chunked ? socket.end('0\r\n\r\n') : socket.end();
      written += 64 * 1024;
      if (socket.write(chunk)) setImmediate(pump);
      else socket.once('drain', pump);
    };
    pump();
  });
}

const MB = 1024 * 1024;

describe.each(testEngines())('request bodies are refused before they are read on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let port = 0;
  beforeAll(async () => {
    await s.t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (s.t.app.server.address() as AddressInfo).port;
  });

  it('answers an anonymous 7.9 MB JSON body with 401 before reading it', async () => {
    const res = await send(
      port,
      '/api/plans',
      { 'content-type': 'application/json', 'content-length': String(Math.round(7.9 * MB)), 'x-csrf-token': 'x' },
      7.9 * MB,
    );
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('unauthenticated');
    expect(res.written).toBeLessThan(4 * MB);
  });

  it('refuses a 200 MB multipart upload by its declared length, and a streamed one at the limit', async () => {
    const c = await s.as(s.f.users.jilin);
    const boundary = 'limitTestBoundary';
    const headers = {
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    };
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const declared = await send(
      port,
      '/api/projects/import',
      { ...headers, 'content-length': String(200 * MB) },
      200 * MB,
      head,
    );
    expect(declared.status).toBe(400);
    expect(JSON.parse(declared.body).error.code).toBe('project_sheet_refused');
    expect(declared.written).toBeLessThan(50 * MB);

    const streamed = await send(
      port,
      '/api/projects/import',
      { ...headers, 'transfer-encoding': 'chunked' },
      200 * MB,
      head,
    );
    expect(streamed.status).toBe(400);
    expect(JSON.parse(streamed.body).error.code).toBe('project_sheet_refused');
    expect(streamed.written).toBeLessThan(50 * MB);
  });

  it("answers an address that is not UTF-8 in the app's error shape", async () => {
    const res = await s.t.client().get('/api/projects/%FF%FE');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid_url', details: [] } });
  });
});
