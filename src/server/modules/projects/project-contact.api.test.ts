import { describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { newProject } from './test-support/project-api.ts';

describe.each(testEngines())('project contact (personal data) on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('shows the phone masked to every reader, reveals it on request with an audit row, and keeps it through an edit', async () => {
    const office = await s.as(s.f.users.jilin);
    const created = await office.post(
      '/api/projects',
      newProject(s.f.pairings.jilinZhejiang, {
        title: '联系人项目',
        contactName: '张联络',
        contactPhone: '13812345678',
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json().contactPhone).toBe('138****5678');

    const unit = await s.as(s.f.users.jilinUnit);
    expect((await unit.get(`/api/projects/${id}`)).json().contactPhone).toBe('138****5678');
    const revealed = await unit.get(`/api/projects/${id}/contact`);
    expect(revealed.json()).toEqual({ contactName: '张联络', contactPhone: '13812345678' });
    const audit = await s.t.database.db.execute<{ actor_name: string; object_id: string }>(
      sql`SELECT actor_name, object_id FROM audit_log WHERE action = 'project.contact_reveal'`,
    );
    expect(audit.rows).toEqual([{ actor_name: 'jilin-unit', object_id: id }]);

    // A form that sends the masked number back unchanged keeps the real one; another masked value is refused.
    const detail = (await office.get(`/api/projects/${id}`)).json();
    const kept = await office.patch(`/api/projects/${id}`, {
      version: detail.version,
      note: '改备注',
      contactPhone: '138****5678',
    });
    expect(kept.statusCode, kept.body).toBe(200);
    const stored = await s.t.database.db.execute<{ contact_phone: string }>(
      sql`SELECT contact_phone FROM projects WHERE id = ${id}`,
    );
    expect(stored.rows[0]!.contact_phone).toBe('13812345678');
    const wrong = await office.patch(`/api/projects/${id}`, {
      version: kept.json().version,
      contactPhone: '139****0000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ field: 'contactPhone', code: 'invalid_format' });

    // Another pairing's office cannot reveal it.
    const liaoning = await s.as(s.f.users.liaoning);
    expect((await liaoning.get(`/api/projects/${id}/contact`)).statusCode).toBe(404);
  });
});
