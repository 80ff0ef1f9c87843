import { createHash, randomUUID } from 'node:crypto';
import type { RosterImportResult } from '../../../common/api/people.ts';
import { AppError, fieldError, invalid } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { tableUpkeepOf } from '../../db/table-upkeep.ts';
import { readColumnSheet } from '../../kernel/sheet/column-sheet.ts';
import type { RowError } from '../../kernel/sheet/row-error.ts';
import { SheetFileError } from '../../kernel/sheet/sheet-file-error.ts';
import {
  duplicateRows,
  lockedYearError,
  onFileError,
  type RosterDraft,
  rosterDirections,
  validateRosterRow,
} from './roster-import.ts';
import { sideTextsInView } from '../programmes/programmes.service.ts';
import { yearLockOf, yearOf } from '../../kernel/year-lock/year-lock.ts';
import { buildRosterTemplate, ROSTER_COLUMNS } from './roster-sheet.ts';
import { sealedIdNumber, sealedMobile } from './secondment-record.ts';
import { fieldSealer } from './secondments.service.ts';
import { insertSecondments, type SecondmentInsert, takenPersonBatches } from './secondments.repository.ts';

/** A roster of thousands is a large one; a bigger file is split by the office. */
const MAX_ROWS = 5000;

/** A file refused as a whole, before any row is looked at: 400 with the reason in both languages. */
export function rosterSheetRefusal(err: SheetFileError): AppError {
  return new AppError(400, 'roster_sheet_refused', [
    {
      field: 'file',
      code: `sheet_${err.code}`,
      zh: err.messageZh,
      en: err.messageEn,
      message: `${err.messageZh} / ${err.messageEn}`,
    },
  ]);
}

/** The blank template holds no one's data, so fetching it is not audited. */
export const rosterTemplate = () => buildRosterTemplate();

/**
 * Imports a roster into a pairing, all or nothing: every row is read and checked (fields, GB 11643 check digit,
 * dates, duplicates in the file and on record), and any error refuses the whole file with a report naming each
 * bad row and column. Otherwise every cadre is sealed and stored in one transaction, with one audit row for the
 * file (masked numbers only) and none of the numbers in it.
 */
export async function importRoster(
  ctx: AuthedContext,
  pairingId: string,
  upload: () => Promise<{ buffer: Buffer; fileName: string }>,
  opts: { demo?: boolean } = {},
): Promise<RosterImportResult> {
  // Another pairing is refused whatever was sent: before the upload is read.
  if (!inPairingScope(ctx.actor, pairingId)) throw invalid(fieldError('pairingId', 'unknown_pairing'));
  const file = await upload();
  let sheet;
  try {
    sheet = await readColumnSheet(file.buffer, ROSTER_COLUMNS, { ignoreForBlank: ['seq'], maxRows: MAX_ROWS });
  } catch (err) {
    if (err instanceof SheetFileError) throw rosterSheetRefusal(err);
    throw err;
  }
  const errors: RowError[] = [];
  const drafts: RosterDraft[] = [];
  const directions = rosterDirections({
    zh: await sideTextsInView(ctx, 'zh-CN', pairingId),
    en: await sideTextsInView(ctx, 'en', pairingId),
  });
  for (const r of sheet.rows) {
    const v = validateRosterRow(r, sheet.columns, directions);
    if (v.ok) drafts.push(v.draft);
    else errors.push(...v.errors);
  }
  errors.push(...duplicateRows(drafts, sheet.columns));
  const sealer = fieldSealer(ctx);
  const rows: SecondmentInsert[] = drafts.map((d) => {
    const id = randomUUID();
    const { row: _row, idNumber, mobile, ...fields } = d;
    return {
      ...fields,
      id,
      pairingId,
      ...sealedIdNumber(sealer, id, idNumber),
      ...sealedMobile(sealer, id, mobile),
      isDemo: !!opts.demo,
    };
  });
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');

  const imported = await auditedChange(ctx, async ({ tx, audit }) => {
    const taken = await takenPersonBatches(
      tx,
      pairingId,
      rows.map((r) => r.idNumberIndex),
    );
    rows.forEach((r, i) => {
      if (taken.has(`${r.batch}|${r.idNumberIndex}`)) errors.push(onFileError(drafts[i]!.row, sheet.columns, r.batch));
    });
    // Postings count in the year they start: rows of a year locked by its accepted summary are refused by row.
    for (const year of new Set(drafts.map((d) => yearOf(d.startsOn)!)))
      if (await yearLockOf(tx, pairingId, year))
        for (const d of drafts)
          if (yearOf(d.startsOn) === year) errors.push(lockedYearError(d.row, sheet.columns, year));
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
      throw new AppError(400, 'roster_import_invalid', errors, { count: errors.length });
    }
    await insertSecondments(tx, rows);
    const result = { created: rows.length, rows: sheet.rows.length };
    audit({
      action: 'secondment.import',
      result: 'success',
      objectType: 'pairing',
      objectId: pairingId,
      details: { fileName: file.fileName, sha256, ...result, secondmentIds: rows.map((r) => r.id) },
    });
    return result;
  });
  // Up to 2,000 cadres at once: on PGlite, which has no autovacuum, the tables the import took past the threshold are
  // analyzed now, as after a background import (kernel/jobs/job-store.ts), not up to a minute later by the periodic
  // upkeep. Until then the roster's page statements have no column statistics and are planned afresh on every run.
  // Not waited for: the answer does not depend on it; a failure waits for the periodic upkeep.
  void tableUpkeepOf(ctx.db)
    ?.analyzeDue()
    .catch(() => undefined);
  return imported;
}
