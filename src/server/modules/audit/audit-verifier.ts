import type { DbOrTx } from '../../db/database.ts';
import type { CryptoProvider } from '../../security/crypto-provider.ts';
import { auditBatchAfter } from './audit.repository.ts';
import { auditRowHash, GENESIS_HASH } from '../../kernel/audit/audit-writer.ts';

/** Enough rows to find every place where the chain was touched, without answering a million ids. */
const MAX_LISTED = 1000;

export type ChainBreak = {
  id: number;
  /** `content`: the row is not what was written; `link`: the row before it is not the one it was written after. */
  reason: 'content' | 'link';
};

/**
 * Walks the whole chain and reports every row where it breaks, not only the first: each row's hash is checked
 * against its own content and stored predecessor hash, and its predecessor hash against the row before it, so an
 * edited row is reported alone and a deleted or inserted row at the row after it, and the walk goes on.
 */
export async function verifyAuditChain(db: DbOrTx, crypto: CryptoProvider, key: Buffer) {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  let brokenCount = 0;
  const broken: ChainBreak[] = [];
  for (;;) {
    const rows = await auditBatchAfter(db, lastId, 2000);
    if (!rows.length) break;
    for (const row of rows) {
      const reason = row.hash !== auditRowHash(crypto, key, row) ? 'content' : row.prevHash !== prev ? 'link' : null;
      if (reason) {
        brokenCount++;
        if (broken.length < MAX_LISTED) broken.push({ id: row.id, reason });
      }
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
  }
  return { ok: brokenCount === 0, checked, firstBrokenId: broken[0]?.id ?? null, brokenCount, broken };
}
