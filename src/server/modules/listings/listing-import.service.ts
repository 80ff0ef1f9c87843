import { randomUUID } from 'node:crypto';
import type { ListingImportResult } from '../../../common/api/listings.ts';
import { AppError, fieldError, invalid } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import type { UploadRules } from '../../http/upload.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { DEFAULT_SHEET_LIMITS } from '../../kernel/sheet/sheet-file-guard.ts';
import { SheetFileError } from '../../kernel/sheet/sheet-file-error.ts';
import type { RowError } from '../../kernel/sheet/row-error.ts';
import { columnRowError } from '../../kernel/sheet/column-sheet.ts';
import { OPERATOR_ORGANISATION } from '../auth/setup.service.ts';
import { addOrganisation } from '../organisations/organisations.service.ts';
import { resolvePairing } from '../pairings/pairings.service.ts';
import { NATION_CODE } from '../regions/region-codes.ts';
import { knownRegionCodes } from '../regions/regions.service.ts';
import {
  LISTING_SHEET_COLUMNS,
  type ListingDraft,
  ownMessages,
  readListingSheet,
  validateListingRow,
} from './listing-sheet.ts';
import {
  insertListings,
  listingsByRefs,
  operatorOrganisationId,
  topPairingRegions,
  updateListingRow,
} from './listings.repository.ts';
import { sealContact } from './listing-contact-cipher.ts';
import { markWordFrequenciesStale } from './listing-word-frequencies.ts';
import { listingTerms, pairingPlacer } from './listing-publishing.service.ts';
import { SYSTEM_USER_ID } from '../../http/system-actor.ts';

function sheetRefusal(err: SheetFileError) {
  return new AppError(400, 'listing_sheet_refused', [
    {
      field: 'file',
      code: `sheet_${err.code}`,
      zh: err.messageZh,
      en: err.messageEn,
      message: `${err.messageZh} / ${err.messageEn}`,
    },
  ]);
}

export const LISTING_SHEET_UPLOAD: UploadRules = {
  requiredCode: 'listing_upload_required',
  defaultName: 'listings.xlsx',
  maxBytes: DEFAULT_SHEET_LIMITS.maxBytes,
  tooLarge: (limit: string) => sheetRefusal(new SheetFileError('too_large', { limit })),
  fields: ['pairing'],
};

/** Rows are written in batches of this many (one statement each), inside the one transaction. */
const BATCH = 500;

/**
 * Imports a sheet of listings, all or nothing: every bad row is named (row, column, why) and nothing is written;
 * otherwise new references (编号) are inserted and references this publisher already holds are updated, in one
 * transaction, audited. Offices' imports are published at once (they are the moderators).
 */
export async function importListingFile(
  ctx: AuthedContext,
  buffer: Buffer,
  fileName: string,
  opts: { pairing?: string; demo?: boolean; synthetic?: boolean },
): Promise<ListingImportResult> {
  let sheet;
  try {
    sheet = await readListingSheet(buffer);
  } catch (err) {
    if (err instanceof SheetFileError) throw sheetRefusal(err);
    throw err;
  }
  let pairingId: string | undefined;
  if (opts.pairing) {
    const p = await resolvePairing({ tx: ctx.db }, ctx.actor, opts.pairing);
    if (!p || p === 'ambiguous') throw invalid(fieldError('pairing', 'unknown_pairing'));
    pairingId = p.id;
  }
  const place = pairingPlacer(await topPairingRegions(ctx.db, ctx.actor));
  // A file's row goes to the first top pairing of its region the importer may use.
  const codes = [...new Set(sheet.rows.map((r) => String(r.cells.regionCode ?? '').trim()).filter(Boolean))];
  const known = await knownRegionCodes({ tx: ctx.db }, codes);

  const errors: RowError[] = [];
  const drafts: (ListingDraft & { pairingId: string })[] = [];
  const firstRow = new Map<string, number>();
  for (const r of sheet.rows) {
    const v = validateListingRow(r, sheet.columns, known);
    if (!v.ok) {
      errors.push(...v.errors);
      continue;
    }
    const err = (key: string, code: string, params: Record<string, string | number> = {}) =>
      errors.push(
        columnRowError(LISTING_SHEET_COLUMNS, r.row, sheet.columns, key, code, params, ownMessages([code], params)),
      );
    const seen = firstRow.get(v.draft.ref);
    if (seen) {
      err('ref', 'duplicate_in_file', { first: seen, key: v.draft.ref });
      continue;
    }
    firstRow.set(v.draft.ref, r.row);
    const rowPairing = pairingId ?? place(v.draft.regionCode)[0];
    if (!rowPairing) {
      err('regionCode', 'unknown_pairing');
      continue;
    }
    drafts.push({ ...v.draft, pairingId: rowPairing });
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
    throw new AppError(400, 'listing_import_invalid', errors, { count: errors.length });
  }

  const result = await auditedChange(ctx, async (work) => {
    const { tx, audit } = work;
    // The command line imports as the system user: its listings belong to the operator's organisation (made here
    // on an instance whose administrator was never created, as setup would name it).
    const owner =
      ctx.actor.userId !== SYSTEM_USER_ID
        ? ctx.actor.organisationId
        : ((await operatorOrganisationId(tx)) ??
          (await addOrganisation(work, { name: OPERATOR_ORGANISATION, kind: 'operator', regionCode: NATION_CODE })));
    const existing = new Map<string, { id: string; version: number }>();
    for (let i = 0; i < drafts.length; i += 5000)
      for (const e of await listingsByRefs(
        tx,
        owner,
        drafts.slice(i, i + 5000).map((d) => d.ref),
      ))
        existing.set(e.ref!, e);
    const fields = (d: ListingDraft & { pairingId: string }, id: string) => ({
      kind: d.kind,
      category: d.category,
      title: d.title,
      description: d.description,
      regionCode: d.regionCode,
      industryDivision: d.industryDivision,
      tags: d.tags,
      quantity: d.quantity,
      unit: d.unit,
      validUntil: d.validUntil,
      organisationName: d.organisationName,
      pairingId: d.pairingId,
      contactCipher: sealContact(ctx, id, { name: d.contactName, phone: d.contactPhone, email: null }),
      terms: listingTerms(d),
    });
    const fresh = drafts.filter((d) => !existing.has(d.ref));
    for (let i = 0; i < fresh.length; i += BATCH)
      await insertListings(
        tx,
        fresh.slice(i, i + BATCH).map((d) => {
          const id = randomUUID();
          return {
            id,
            ref: d.ref,
            source: owner,
            ownerOrganisationId: owner,
            state: 'published' as const,
            isDemo: !!opts.demo,
            isSynthetic: !!opts.synthetic,
            createdBy: ctx.actor.userId === SYSTEM_USER_ID ? null : ctx.actor.userId,
            ...fields(d, id),
          };
        }),
      );
    let updated = 0;
    for (const d of drafts) {
      const e = existing.get(d.ref);
      if (!e) continue;
      await updateListingRow(tx, e.id, e.version, fields(d, e.id));
      updated++;
    }
    audit({
      action: 'listing.import',
      result: 'success',
      objectType: 'listing',
      objectId: undefined,
      details: { fileName, rows: drafts.length, created: fresh.length, updated, pairingId: pairingId ?? null },
    });
    return { created: fresh.length, updated };
  });
  // Many words may be new to the table: the next ranking counts them again (in the background).
  markWordFrequenciesStale(ctx.deps);
  return result;
}
