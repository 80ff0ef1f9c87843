import type { ProtectedField } from '../../../common/api/people.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { encryptedWithOldKey, encryptField } from '../../security/field-cipher.ts';
import { bindingOf, openField } from './secondment-record.ts';
import { fieldSealer } from './secondments.service.ts';
import { sealedUnderOtherKeys, updateSealedFields } from './secondments.repository.ts';

/** Rows re-encrypted per transaction: a large register is rewritten without one long lock. */
const BATCH = 500;

/**
 * After a key rotation: every cadre's ID and mobile numbers sealed under an older key are opened and sealed again
 * under the current one, batch by batch, each batch in its transaction with its audit row (how many, which key;
 * never a number). Run again, it finds nothing left. The old key may be removed once this is done.
 */
export async function reencryptPersonalFields(ctx: AuthedContext): Promise<{ keyId: string; reencrypted: number }> {
  const sealer = fieldSealer(ctx);
  const keyId = sealer.ring.currentId;
  const reseal = (id: string, field: ProtectedField, sealed: string) =>
    encryptedWithOldKey(sealer.ring, sealed)
      ? encryptField(sealer.crypto, sealer.ring, bindingOf(id, field), openField(sealer, id, field, sealed))
      : sealed;
  let reencrypted = 0;
  for (;;) {
    const done = await auditedChange(ctx, async ({ tx, audit }) => {
      const rows = await sealedUnderOtherKeys(tx, keyId, BATCH);
      if (!rows.length) return 0;
      await updateSealedFields(
        tx,
        rows.map((r) => ({
          id: r.id,
          idNumberCipher: reseal(r.id, 'idNumber', r.idNumberCipher),
          mobileCipher: r.mobileCipher && reseal(r.id, 'mobile', r.mobileCipher),
        })),
      );
      audit({
        action: 'secondment.reencrypt',
        result: 'success',
        objectType: 'secondment',
        details: { keyId, count: rows.length, secondmentIds: rows.map((r) => r.id) },
      });
      return rows.length;
    });
    reencrypted += done;
    if (done < BATCH) return { keyId, reencrypted };
  }
}
