import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { TestApp, TestClient } from '../../../testing/test-app.ts';
import { systemContext } from '../../../http/system-actor.ts';
import { repoPath } from '../../../repo-path.ts';
import type { PlanPreview } from '../../../../common/api/plans.ts';
import { seedPlans } from '../../../seed/plan-seed.ts';

export const SEED_PLAN_FILES = {
  national: 'national-2017-22.txt',
  jilinZhejiang: 'jilin-zhejiang.txt',
  liaoningJiangsu: 'liaoning-jiangsu.txt',
} as const;
export const seedPlanText = (name: keyof typeof SEED_PLAN_FILES) =>
  fs.readFileSync(repoPath('resources/seeds', SEED_PLAN_FILES[name]));

/** A browser's multipart upload of one file, with the client's session and CSRF token. */
export async function uploadPlan(
  t: TestApp,
  c: TestClient,
  fileName: string,
  content: Buffer,
  contentType = 'application/octet-stream',
) {
  const boundary = `----duikou${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/plans/preview',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** What the preview page sends when the user confirms the preview unchanged. */
export function confirmBody(p: PlanPreview, overrides: Record<string, unknown> = {}) {
  return {
    kind: p.plan.kind === 'national' ? 'national' : 'implementation',
    pairingId: p.pairing?.id ?? null,
    ...(p.plan.kind === 'national' ? { programmeId: p.programmeId } : {}),
    title: p.plan.title,
    docNo: p.plan.docNo,
    fileName: p.fileName,
    sourceText: p.sourceText,
    sections: p.plan.sections,
    measures: p.plan.measures,
    ...overrides,
  };
}

/** Imports the three seed plans as first start does, and returns their ids. */
export async function loadSeedPlans(t: TestApp) {
  await seedPlans(systemContext(t.deps));
  const id = async (file: string) =>
    (
      await t.database.db.execute<{ id: string }>(
        sql`SELECT p.id FROM plans p JOIN source_documents d ON d.id = p.source_document_id WHERE d.file_name = ${file} AND p.current`,
      )
    ).rows[0]!.id;
  return {
    national: await id(SEED_PLAN_FILES.national),
    jilinZhejiang: await id(SEED_PLAN_FILES.jilinZhejiang),
    liaoningJiangsu: await id(SEED_PLAN_FILES.liaoningJiangsu),
  };
}

export const counts = async (t: TestApp) =>
  (
    await t.database.db.execute<{ plans: number; tasks: number; docs: number; audit: number; pairings: number }>(sql`
    SELECT (SELECT count(*)::int FROM plans) AS plans, (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM source_documents) AS docs,
           (SELECT count(*)::int FROM audit_log WHERE action <> 'request.denied' AND action NOT LIKE 'auth.%') AS audit, (SELECT count(*)::int FROM pairings) AS pairings`)
  ).rows[0]!;
