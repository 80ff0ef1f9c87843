import type { DbOrTx } from '../../db/database.ts';
import type { CryptoProvider } from '../../security/crypto-provider.ts';
import { auditBatchAfter } from './audit.repository.ts';
import { auditRowHash, GENESIS_HASH } from '../../kernel/audit/audit-writer.ts';

/** Walks the whole chain: a row edited, inserted or deleted outside the app breaks it at that row. */
export async function verifyAuditChain(db: DbOrTx, crypto: CryptoProvider, key: Buffer) {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await auditBatchAfter(db, lastId, 2000);
    if (!rows.length) return { ok: true, checked, firstBrokenId: null };
    for (const row of rows) {
      const expected = auditRowHash(crypto, key, { ...row, prevHash: prev });
      if (row.prevHash !== prev || row.hash !== expected) return { ok: false, checked, firstBrokenId: row.id };
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}
