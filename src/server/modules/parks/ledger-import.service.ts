import { createHash } from 'node:crypto';
import type { AuthedContext } from '../../http/context.ts';
import { AppError, notFound, bilingual } from '../../http/app-error.ts';
import { auditedChange, auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { fixedText } from '../../../common/money/money.ts';
import type { LedgerImportResult } from '../../../common/api/parks.ts';
import { readColumnSheet } from '../../kernel/sheet/column-sheet.ts';
import { SheetFileError } from '../../kernel/sheet/sheet-file-error.ts';
import type { RowError } from '../../kernel/sheet/row-error.ts';
import {
  findPark,
  enterprisesOf,
  agreementsOf,
  insertLedgerEntries,
  ledgerEntriesOfYears,
} from './parks.repository.ts';
import { agreementInForce } from './park-ledger.ts';
import { loadAgreement, loadEntry } from './sharing-codec.ts';
import { LEDGER_SHEET_COLUMNS, buildLedgerTemplate } from './ledger-sheet.ts';
import { enterpriseIndex, planLedgerImport, validateLedgerRow } from './ledger-import.ts';
import { chinaToday } from '../../kernel/dates.ts';

/** A file refused as a whole, before any row is looked at: 400 with the reason in both languages. */
export function ledgerSheetRefusal(err: SheetFileError): AppError {
  // The project sheet's "no project rows" would misname what is missing here.
  const text =
    err.code === 'no_rows'
      ? bilingual('errors.field.ledger_sheet_no_rows')
      : { zh: err.messageZh, en: err.messageEn, message: `${err.messageZh} / ${err.messageEn}` };
  return new AppError(400, 'park_ledger_sheet_refused', [{ field: 'file', code: `sheet_${err.code}`, ...text }]);
}

export async function ledgerTemplate(ctx: AuthedContext, parkId: string) {
  const park = await findPark(ctx.db, ctx.actor, parkId);
  if (!park) throw notFound();
  const enterprises = await enterprisesOf(ctx.db, parkId);
  const buffer = await buildLedgerTemplate({ name: park.name, enterprises });
  // The template lists the park's enterprises: an export of its records, audited as such.
  await auditStandalone(ctx, {
    action: 'park.ledger.template',
    result: 'success',
    objectType: 'park',
    objectId: parkId,
    details: { enterprises: enterprises.length },
  });
  return { fileName: `${park.name}台账导入模板.xlsx`, buffer };
}

/**
 * Imports a ledger sheet into a park, all or nothing and synchronously (a park's sheet is a few thousand rows at
 * most): every row is read and checked, then planned against the ledger in force; any error refuses the whole
 * file with a report naming each bad row and column. Otherwise the new entries and corrections are stored with
 * one audit row, in one transaction. Rows already on file with the same amount store nothing.
 */
export async function importLedgerSheet(
  ctx: AuthedContext,
  parkId: string,
  upload: () => Promise<{ buffer: Buffer; fileName: string }>,
  opts: { demo?: boolean; today?: string } = {},
): Promise<LedgerImportResult> {
  const today = opts.today ?? chinaToday();
  // Another pairing's park is not found, whatever was sent: it is looked for before the upload is read.
  if (!(await findPark(ctx.db, ctx.actor, parkId))) throw notFound();
  const file = await upload();
  let sheet;
  try {
    sheet = await readColumnSheet(file.buffer, LEDGER_SHEET_COLUMNS, { ignoreForBlank: ['seq'] });
  } catch (err) {
    if (err instanceof SheetFileError) throw ledgerSheetRefusal(err);
    throw err;
  }
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');

  return auditedChange(ctx, async ({ tx, audit }) => {
    const park = await findPark(tx, ctx.actor, parkId);
    if (!park) throw notFound();
    const enterprises = await enterprisesOf(tx, parkId);
    const index = enterpriseIndex(enterprises);
    const errors: RowError[] = [];
    const drafts = sheet.rows.flatMap((r) => {
      const v = validateLedgerRow(r, sheet.columns, index);
      if (v.ok) return [v.draft];
      errors.push(...v.errors);
      return [];
    });
    const years = [...new Set(drafts.map((d) => d.period.year))];
    const existing = (await ledgerEntriesOfYears(tx, parkId, years)).map(loadEntry);
    const agreements = (await agreementsOf(tx, parkId)).map(loadAgreement);
    const plan = planLedgerImport(drafts, existing, {
      columns: sheet.columns,
      enterpriseIds: new Set(enterprises.map((e) => e.id)),
      agreementFor: (year) => agreementInForce(agreements, year),
      today,
    });
    errors.push(...plan.errors);
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
      throw new AppError(400, 'park_ledger_import_invalid', errors, { count: errors.length });
    }

    const ids = await insertLedgerEntries(
      tx,
      plan.actions
        .filter((a) => a.kind !== 'unchanged')
        .map((a) => ({
          parkId,
          enterpriseId: a.draft.enterpriseId,
          figure: a.draft.figure,
          periodYear: a.draft.period.year,
          periodMonth: a.draft.period.month,
          amountYuan: fixedText(a.draft.amount, 2),
          supersedesId: a.kind === 'correct' ? a.supersedesId : null,
          recordedBy: ctx.actor.userId,
          isDemo: !!opts.demo,
        })),
    );
    const result = {
      created: plan.counts.create,
      corrected: plan.counts.correct,
      unchanged: plan.counts.unchanged,
      rows: sheet.rows.length,
    };
    audit({
      action: 'park.ledger.import',
      result: 'success',
      objectType: 'park',
      objectId: parkId,
      details: { fileName: file.fileName, sha256, ...result, entryIds: ids },
    });
    return result;
  });
}
