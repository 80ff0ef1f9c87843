import type { AuthedContext } from '../../http/context.ts';
import { invalid, notFound, fieldError } from '../../http/app-error.ts';
import { auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { exportTexts } from '../../kernel/list-export.ts';
import { findAgreement, findPark, ledgerEntriesOfYears } from './parks.repository.ts';
import { computeStatement } from './sharing-statement.ts';
import { loadAgreement, loadEntry } from './sharing-codec.ts';
import { presentStatement } from './statement.presenter.ts';
import { statementSheet } from './statement-sheet.ts';

/** An as-of given as a day means the end of that day in China. */
function asOfInstant(asOf?: string): string {
  if (!asOf) return new Date().toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return new Date(`${asOf}T23:59:59.999+08:00`).toISOString();
  const d = new Date(asOf);
  if (Number.isNaN(d.getTime())) throw invalid(fieldError('asOf', 'invalid_date'));
  return d.toISOString();
}

/** The sharing statement of one agreement for one year, from the ledger as it stood at `asOf`, and its park. */
async function statementOf(ctx: AuthedContext, parkId: string, agreementId: string, year: number, asOf?: string) {
  const park = await findPark(ctx.db, ctx.actor, parkId);
  if (!park) throw notFound();
  const row = await findAgreement(ctx.db, parkId, agreementId);
  if (!row) throw notFound();
  const agreement = loadAgreement(row);
  if (
    year < Number(agreement.startsOn.slice(0, 4)) ||
    (agreement.endsOn && year > Number(agreement.endsOn.slice(0, 4)))
  )
    throw invalid(fieldError('year', 'statement_year_range'));
  // A correction has its original's period, so one year's rows hold every chain the statement needs.
  const entries = (await ledgerEntriesOfYears(ctx.db, parkId, [year])).map(loadEntry);
  const statement = computeStatement(agreement, entries, year, asOfInstant(asOf));
  return { park, agreement, statement: presentStatement(agreementId, row.title, statement) };
}

export async function statementFor(
  ctx: AuthedContext,
  parkId: string,
  agreementId: string,
  year: number,
  asOf?: string,
) {
  return (await statementOf(ctx, parkId, agreementId, year, asOf)).statement;
}

/** The statement as a printable sheet in the user's language; audited as an export. */
export async function statementWorkbook(
  ctx: AuthedContext,
  parkId: string,
  agreementId: string,
  year: number,
  asOf?: string,
): Promise<{ fileName: string; buffer: Buffer }> {
  const { park, agreement, statement } = await statementOf(ctx, parkId, agreementId, year, asOf);
  const { t } = exportTexts(ctx);
  const buffer = await statementSheet(t, { name: park.name, agreementEndsOn: agreement.endsOn }, statement);
  await auditStandalone(ctx, {
    action: 'park.statement.export',
    result: 'success',
    objectType: 'park',
    objectId: parkId,
    details: { agreementId, year, asOf: statement.asOf },
  });
  return { fileName: t('ui.parks.statementFileName', { name: park.name, year }), buffer };
}
