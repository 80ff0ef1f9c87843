import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { withCheckCharacter } from '../../../common/api/id-number.ts';
import { systemContext } from '../../http/system-actor.ts';
import { addFieldKey } from '../../security/field-keys.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { reencryptPersonalFields } from './field-rotation.service.ts';

const ID = withCheckCharacter('22010219800315003');
const MOBILE = '13904310003';

describe.each(testEngines())(
  'field key rotation on %s',
  (engine) => {
    const s = useProgrammeApp(engine);

    it('re-encrypts every personal field under a new key, audited; the numbers still open, a rerun finds nothing', async () => {
      const c = await s.as(s.f.users.jilin);
      const res = await c.post('/api/secondments', {
        pairingId: s.f.pairings.jilinZhejiang,
        name: '钱挂职',
        gender: 'male',
        birthYear: 1980,
        idNumber: ID,
        mobile: MOBILE,
        direction: 'ne_to_east',
        homeUnit: '吉林省商务厅',
        homePost: '处长',
        hostUnit: '浙江省商务厅',
        hostPost: '副处长',
        rank: 'division',
        batch: '2024年第二批',
        startsOn: '2024-03-01',
        endsOn: '2025-02-28',
        status: 'in_post',
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      const ciphers = async () =>
        (
          await s.t.database.db.execute<{ id_number_cipher: string; mobile_cipher: string }>(
            sql`SELECT id_number_cipher, mobile_cipher FROM secondments WHERE id = ${id}`,
          )
        ).rows[0]!;
      const before = await ciphers();
      const oldKey = before.id_number_cipher.split('.')[1];

      const added = addFieldKey(s.t.deps.config.dataDir, {});
      expect(added).not.toBeNull();
      expect(added).not.toBe(oldKey);
      const ctx = systemContext(s.t.deps, 'test');
      const first = await reencryptPersonalFields(ctx);
      expect(first.keyId).toBe(added);
      expect(first.reencrypted).toBeGreaterThanOrEqual(1);
      const after = await ciphers();
      expect(after.id_number_cipher.split('.')[1]).toBe(added);
      expect(after.mobile_cipher.split('.')[1]).toBe(added);
      expect(after.id_number_cipher).not.toBe(before.id_number_cipher);

      // The same numbers come back, through the route that reveals them.
      const shown = await c.post(`/api/secondments/${id}/reveal`, { field: 'idNumber', reason: '核对' });
      expect(shown.json()).toEqual({ field: 'idNumber', value: ID });
      expect((await c.post(`/api/secondments/${id}/reveal`, { field: 'mobile', reason: '联系' })).json().value).toBe(
        MOBILE,
      );
      expect((await reencryptPersonalFields(ctx)).reencrypted).toBe(0);

      const audit = await s.t.database.db.execute<{ details: { keyId: string; secondmentIds: string[] } }>(
        sql`SELECT details FROM audit_log WHERE action = 'secondment.reencrypt'`,
      );
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0]!.details).toMatchObject({ keyId: added });
      expect(audit.rows[0]!.details.secondmentIds).toContain(id);
      expect(JSON.stringify(audit.rows)).not.toContain(ID);
    });
  },
  120_000,
);
