import type { TestApp, TestClient } from '../../../testing/test-app.ts';

/** Sends one file as a multipart upload, as the browser's file picker does. */
export async function uploadFile(t: TestApp, c: TestClient, url: string, fileName: string, content: Buffer) {
  const boundary = `----duikou${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}
