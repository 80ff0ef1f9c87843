import type { TestApp, TestClient } from '../../../testing/test-app.ts';

/** A browser's multipart upload of a project sheet for a pairing. */
export async function uploadSheet(
  t: TestApp,
  c: TestClient,
  pairingId: string | null,
  content: Buffer,
  fileName = '项目台账.xlsx',
) {
  const boundary = `----duikou${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (pairingId)
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="pairingId"\r\n\r\n${pairingId}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return t.app.inject({
    method: 'POST',
    url: '/api/projects/import',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

/** Uploads and waits for the import job to finish; returns the finished job. */
export async function importSheet(t: TestApp, c: TestClient, pairingId: string, content: Buffer) {
  const started = await uploadSheet(t, c, pairingId, content);
  if (started.statusCode !== 202) return { statusCode: started.statusCode, body: started.json() };
  const done = await c.get(`/api/projects/import/${started.json().id}?wait=true`);
  return { statusCode: done.statusCode, body: done.json() };
}

/** A project of the 吉林—浙江 pairing hosted in 长春, at 谋划. */
export const newProject = (pairingId: string, extra: Record<string, unknown> = {}) => ({
  pairingId,
  title: '长春新能源汽车零部件产业园',
  investor: '宁波某某汽车零部件有限公司',
  investorRegionCode: '330200',
  hostRegionCode: '220100',
  industryDivision: '36',
  type: 'industrial',
  stageOn: '2024-01-05',
  plannedInvestment: '52000',
  ...extra,
});
