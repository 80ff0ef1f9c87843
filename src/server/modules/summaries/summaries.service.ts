import { type Recipient, SUMMARY_FIGURES, type SectionKey, type SummaryKind } from '../../../common/api/summaries.ts';
import { translate } from '../../../common/i18n/messages.ts';
import type { DbOrTx } from '../../db/database.ts';
import { conflict, fieldError, forbidden, invalid, notFound } from '../../http/app-error.ts';
import type { Actor, AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { decimalString } from '../../kernel/decimal.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { lockYear, unlockYear, yearLocked } from '../../kernel/year-lock/year-lock.ts';
import { figureAt, measureSums } from '../indicators/indicators.service.ts';
import { visiblePairing } from '../pairings/pairings.service.ts';
import { sideTextsInView } from '../programmes/programmes.service.ts';
import { locksYear, mayHandleReceipt, recipientsOf } from './summaries.policy.ts';
import {
  annualPlanItems,
  type DocumentRow,
  documentExists,
  findDocument,
  findReceipt,
  findVersion,
  insertDocument,
  insertReceipts,
  insertVersion,
  listDocuments,
  receiptsOf,
  updateDocumentRow,
  updateReceipt,
  versionsOf,
  yearRecords,
} from './summaries.repository.ts';
import { citedFigures, documentHeader, planSections, summarySections } from './summary-draft.ts';
import { documentDocx, documentXlsx, type ExportedDocument } from './summary-export.ts';

const stateName = (state: string) => ({
  zh: translate('zh-CN', `ui.summaries.states.${state}`),
  en: translate('en', `ui.summaries.states.${state}`),
});

/**
 * The summary's figures for a pairing (its sub-pairs rolled in) and year, both sides: each an indicator measure
 * (indicators.service measureSums, one statement for all), as the document writes it (no trailing zeros).
 */
export async function currentFigures(db: DbOrTx, pairingId: string, year: number): Promise<Record<string, string>> {
  const formulas = SUMMARY_FIGURES.map((measure) => ({
    type: 'count' as const,
    numerator: { measure, filters: {} },
    denominator: null,
    factor: '1',
  }));
  const sums = await measureSums(db, formulas, { from: year, to: year }, { pairingIds: [pairingId], programme: false });
  return Object.fromEntries(
    formulas.map((f) => {
      const n = figureAt(f, sums, pairingId, year, null)?.numerator ?? '0';
      return [f.numerator.measure, decimalString(n.includes('.') ? Number(n).toFixed(2) : n) ?? '0'];
    }),
  );
}

export async function listSummaries(
  ctx: AuthedContext,
  q: { pairingId?: string; year?: number; kind?: SummaryKind; state?: string },
) {
  return { items: await listDocuments(ctx.db, ctx.actor, q) };
}

async function load(db: DbOrTx, actor: Actor, id: string, forUpdate = false) {
  const found = await findDocument(db, actor, id, { forUpdate });
  if (!found) throw notFound();
  return found;
}

export async function summaryDetail(ctx: AuthedContext, id: string) {
  const found = await load(ctx.db, ctx.actor, id);
  const d = found.doc;
  const [now, receipts, versions, locked] = await Promise.all([
    currentFigures(ctx.db, d.pairingId, d.year),
    receiptsOf(ctx.db, id),
    versionsOf(ctx.db, id),
    yearLocked(ctx.db, d.pairingId, d.year),
  ]);
  const cited = [...new Set(d.sections.flatMap((s) => s.figures))];
  const figures = cited.map((code) => ({
    code,
    drafted: d.figures[code] ?? '0',
    now: now[code] ?? '0',
    changed: (d.figures[code] ?? '0') !== (now[code] ?? '0'),
  }));
  return { ...found, figures, receipts, versions, locked };
}

export async function createSummary(
  ctx: AuthedContext,
  input: { pairingId: string; year: number; kind: SummaryKind },
): Promise<string> {
  return auditedChange(ctx, async (work) => {
    const pairing = await visiblePairing(work, ctx.actor, input.pairingId);
    if (!pairing) throw invalid(fieldError('pairingId', 'unknown_pairing'));
    if (await documentExists(work.tx, pairing.id, input.year, input.kind))
      throw invalid(fieldError('year', 'summary_exists', { year: input.year }));
    let sections;
    if (input.kind === 'plan') {
      const items = await annualPlanItems(work.tx, pairing.id, input.year);
      if (!items.length) throw invalid(fieldError('year', 'no_annual_plan', { year: input.year }));
      sections = planSections(input.year, items);
    } else {
      const records = await yearRecords(work.tx, pairing.id, input.year, chinaToday());
      sections = summarySections(input.year, records, await documentSides(work.tx, pairing.id));
    }
    const figures = await currentFigures(work.tx, pairing.id, input.year);
    const id = await insertDocument(work.tx, {
      pairingId: pairing.id,
      year: input.year,
      kind: input.kind,
      ...documentHeader(input.kind, pairing.name, input.year),
      sections,
      figures,
      createdBy: ctx.actor.userId,
    });
    work.audit({
      action: 'summary.create',
      result: 'success',
      objectType: 'summary',
      objectId: id,
      details: { pairingId: pairing.id, year: input.year, kind: input.kind, figures },
    });
    return id;
  });
}

/** A change to the text: only while the office holds the document (a draft, or returned to it). */
function assertEditable(d: DocumentRow, version: number) {
  if (d.state !== 'draft' && d.state !== 'returned') {
    const s = stateName(d.state);
    throw invalid(fieldError('state', 'summary_not_editable', { state: s.zh }));
  }
  if (d.version !== version) throw conflict();
}

export async function updateSection(
  ctx: AuthedContext,
  id: string,
  key: SectionKey,
  input: { version: number; text: string },
): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const { doc } = await load(tx, ctx.actor, id, true);
    assertEditable(doc, input.version);
    const at = doc.sections.findIndex((s) => s.key === key);
    if (at < 0) throw invalid(fieldError('key', 'section_not_in_document'));
    const { figures, unknown } = citedFigures(input.text);
    if (unknown.length) throw invalid(...unknown.map((code) => fieldError('text', 'unknown_figure', { code })));
    const before = doc.sections[at]!.text;
    const sections = doc.sections.map((s, i) => (i === at ? { key, text: input.text, figures } : s));
    // A figure cited for the first time is taken as the records give it now.
    const added = figures.filter((f) => !(f in doc.figures));
    const now = added.length ? await currentFigures(tx, doc.pairingId, doc.year) : {};
    const cited = { ...doc.figures, ...Object.fromEntries(added.map((f) => [f, now[f] ?? '0'])) };
    if (!(await updateDocumentRow(tx, id, input.version, { sections, figures: cited }))) throw conflict();
    audit({
      action: 'summary.update',
      result: 'success',
      objectType: 'summary',
      objectId: id,
      details: { section: key, before, after: input.text },
    });
  });
}

export async function updateHeader(
  ctx: AuthedContext,
  id: string,
  input: { version: number; title?: string; addressee?: string; issuer?: string },
): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const { doc } = await load(tx, ctx.actor, id, true);
    assertEditable(doc, input.version);
    const { version: _v, ...patch } = input;
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, doc[k as keyof typeof patch]]));
    if (!(await updateDocumentRow(tx, id, input.version, patch))) throw conflict();
    audit({
      action: 'summary.update',
      result: 'success',
      objectType: 'summary',
      objectId: id,
      details: { before, after: patch },
    });
  });
}

/** The office checked the changed figures: the draft cites them as the records give them now. */
export async function refreshFigures(ctx: AuthedContext, id: string, input: { version: number }): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const { doc } = await load(tx, ctx.actor, id, true);
    assertEditable(doc, input.version);
    const now = await currentFigures(tx, doc.pairingId, doc.year);
    const changed = Object.keys(now).filter((k) => doc.figures[k] !== undefined && doc.figures[k] !== now[k]);
    if (!(await updateDocumentRow(tx, id, input.version, { figures: now }))) throw conflict();
    audit({
      action: 'summary.refresh',
      result: 'success',
      objectType: 'summary',
      objectId: id,
      details: {
        before: Object.fromEntries(changed.map((k) => [k, doc.figures[k]])),
        after: Object.fromEntries(changed.map((k) => [k, now[k]])),
      },
    });
  });
}

/** Sends the document as a new version to its recipients; the version keeps the text and figures as sent. */
export async function submitSummary(ctx: AuthedContext, id: string, input: { version: number }): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const { doc } = await load(tx, ctx.actor, id, true);
    if (doc.state !== 'draft' && doc.state !== 'returned')
      throw invalid(fieldError('state', 'summary_not_submittable', { state: stateName(doc.state).zh }));
    if (doc.version !== input.version) throw conflict();
    const versionNo = doc.versionNo + 1;
    await insertVersion(tx, {
      documentId: id,
      versionNo,
      title: doc.title,
      addressee: doc.addressee,
      issuer: doc.issuer,
      sections: doc.sections,
      figures: doc.figures,
      submittedBy: ctx.actor.userId,
    });
    const recipients = recipientsOf(doc.kind);
    await insertReceipts(tx, id, versionNo, recipients);
    if (!(await updateDocumentRow(tx, id, input.version, { state: 'submitted', versionNo }))) throw conflict();
    audit({
      action: 'summary.submit',
      result: 'success',
      objectType: 'summary',
      objectId: id,
      details: { versionNo, recipients, pairingId: doc.pairingId, year: doc.year, kind: doc.kind },
    });
  });
}

const NEXT: Record<string, readonly string[]> = {
  received: ['sent'],
  returned: ['sent', 'received'],
  accepted: ['sent', 'received'],
};

/**
 * A recipient records receipt of the current version, returns it with comments (the office may edit and submit
 * again) or accepts it; the national office's acceptance of a summary locks the pairing's year.
 */
export async function decideReceipt(
  ctx: AuthedContext,
  id: string,
  receiptId: string,
  input: { decision: 'received' | 'returned' | 'accepted'; comment?: string | null },
): Promise<void> {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const { doc } = await load(tx, ctx.actor, id, true);
    const receipt = await findReceipt(tx, id, receiptId);
    if (!receipt) throw notFound();
    if (!mayHandleReceipt(ctx.actor, receipt.recipient as Recipient))
      throw forbidden([fieldError('receiptId', 'receipt_not_yours')]);
    const action = {
      zh: translate('zh-CN', `ui.summaries.receiptActions.${input.decision}`),
      en: translate('en', `ui.summaries.receiptActions.${input.decision}`),
    };
    if (receipt.versionNo !== doc.versionNo || !NEXT[input.decision]!.includes(receipt.state))
      throw invalid(
        fieldError('decision', 'receipt_state', {
          state: translate('zh-CN', `ui.summaries.receiptStates.${receipt.state}`),
          action: action.zh,
        }),
      );
    if (input.decision === 'returned' && !input.comment)
      throw invalid(fieldError('comment', 'return_comment_required'));
    const now = new Date();
    await updateReceipt(tx, receiptId, {
      state: input.decision,
      ...(receipt.receivedAt ? {} : { receivedAt: now, receivedBy: ctx.actor.userId }),
      ...(input.decision === 'received' ? {} : { decidedAt: now, decidedBy: ctx.actor.userId }),
      comment: input.comment ?? receipt.comment,
    });
    const verb = { received: 'receive', returned: 'return', accepted: 'accept' }[input.decision];
    audit({
      action: `summary.${verb}`,
      result: 'success',
      objectType: 'summary',
      objectId: id,
      details: {
        receiptId,
        recipient: receipt.recipient,
        versionNo: receipt.versionNo,
        comment: input.comment ?? null,
      },
    });
    const recipient = receipt.recipient as Recipient;
    if (input.decision === 'returned' && recipient === 'national_office') {
      if (!(await updateDocumentRow(tx, id, doc.version, { state: 'returned' }))) throw conflict();
    }
    if (input.decision === 'accepted' && recipient === 'national_office') {
      if (!(await updateDocumentRow(tx, id, doc.version, { state: 'accepted' }))) throw conflict();
      if (locksYear(doc.kind, recipient) && (await lockYear(tx, doc.pairingId, doc.year, id, ctx.actor.userId)))
        audit({
          action: 'year_lock.lock',
          result: 'success',
          objectType: 'year_lock',
          objectId: doc.pairingId,
          details: { pairingId: doc.pairingId, year: doc.year, summaryId: id },
        });
    }
  });
}

/** The national office reopens a pairing's locked year, with its reason. */
export async function unlockPairingYear(
  ctx: AuthedContext,
  input: { pairingId: string; year: number; reason: string },
): Promise<void> {
  if (!inPairingScope(ctx.actor, input.pairingId)) throw notFound();
  await auditedChange(ctx, async ({ tx, audit }) => {
    const lock = await unlockYear(tx, input.pairingId, input.year, ctx.actor.userId, input.reason);
    if (!lock) throw invalid(fieldError('year', 'year_not_locked', { year: input.year }));
    audit({
      action: 'year_lock.unlock',
      result: 'success',
      objectType: 'year_lock',
      objectId: input.pairingId,
      details: { pairingId: input.pairingId, year: input.year, reason: input.reason, lockedAt: lock.lockedAt },
    });
  });
}

/** The document to export: the draft as it stands, or a submitted version. */
async function exported(ctx: AuthedContext, id: string, versionNo?: number) {
  const { doc } = await load(ctx.db, ctx.actor, id);
  let d: ExportedDocument = { ...doc, date: chinaToday() };
  if (versionNo !== undefined) {
    const v = await findVersion(ctx.db, id, versionNo);
    if (!v) throw notFound();
    d = { ...d, ...v, kind: doc.kind, year: doc.year, date: chinaToday(v.submittedAt) };
  }
  const records = await yearRecords(ctx.db, doc.pairingId, doc.year, chinaToday());
  return { doc, d, records, sides: await documentSides(ctx.db, doc.pairingId) };
}

/** The sides as the pairing's programme names them, in Chinese (the document's language). */
const documentSides = (db: DbOrTx, pairingId: string) => sideTextsInView({ db, actor: null }, 'zh-CN', pairingId);

const fileName = (d: ExportedDocument, ext: string) => `${d.title}.${ext}`;

/** The Word file (and its audit row: an official document leaving the system). */
export async function exportDocx(ctx: AuthedContext, id: string, versionNo?: number) {
  const { d, records, sides } = await exported(ctx, id, versionNo);
  const file = await documentDocx(d, records, sides);
  await auditExport(ctx, id, 'docx', versionNo);
  return { file, fileName: fileName(d, 'docx') };
}

export async function exportXlsx(ctx: AuthedContext, id: string, versionNo?: number) {
  const { d, records, sides } = await exported(ctx, id, versionNo);
  const by = translate('zh-CN', 'ui.summaries.doc.exportedBy', {
    user: ctx.actor.displayName,
    at: new Date().toISOString().slice(0, 16).replace('T', ' '),
  });
  const file = await documentXlsx(d, records, sides, by);
  await auditExport(ctx, id, 'xlsx', versionNo);
  return { file, fileName: fileName(d, 'xlsx') };
}

async function auditExport(ctx: AuthedContext, id: string, format: string, versionNo?: number) {
  await auditedChange(ctx, async ({ audit }) => {
    audit({
      action: 'summary.export',
      result: 'success',
      objectType: 'summary',
      objectId: id,
      details: { format, versionNo: versionNo ?? null },
    });
  });
}

/**
 * The pairing's document of the year as it stands, or, none drafted yet, the draft the records give now (not
 * saved): the Word file and, when asked, the Excel annex, each audited (the command line's export).
 */
export async function exportPairingYear(
  ctx: AuthedContext,
  pairing: { id: string; name: string },
  year: number,
  kind: SummaryKind,
  want: { xlsx: boolean },
) {
  const today = chinaToday();
  const [row] = await listDocuments(ctx.db, ctx.actor, { pairingId: pairing.id, year, kind });
  const records = await yearRecords(ctx.db, pairing.id, year, today);
  const sides = await documentSides(ctx.db, pairing.id);
  let d: ExportedDocument;
  if (row) {
    d = { ...(await load(ctx.db, ctx.actor, row.id)).doc, date: today };
  } else {
    let sections;
    if (kind === 'plan') {
      const items = await annualPlanItems(ctx.db, pairing.id, year);
      if (!items.length) throw invalid(fieldError('year', 'no_annual_plan', { year }));
      sections = planSections(year, items);
    } else sections = summarySections(year, records, sides);
    const figures = await currentFigures(ctx.db, pairing.id, year);
    d = { kind, year, ...documentHeader(kind, pairing.name, year), sections, figures, date: today };
  }
  const docx = await documentDocx(d, records, sides);
  const by = translate('zh-CN', 'ui.summaries.doc.exportedBy', {
    user: ctx.actor.displayName,
    at: new Date().toISOString().slice(0, 16).replace('T', ' '),
  });
  const xlsx = want.xlsx ? await documentXlsx(d, records, sides, by) : null;
  await auditedChange(ctx, async ({ audit }) => {
    audit({
      action: 'summary.export',
      result: 'success',
      objectType: 'summary',
      objectId: row?.id ?? null,
      details: { pairingId: pairing.id, year, kind, format: want.xlsx ? 'docx+xlsx' : 'docx', drafted: !!row },
    });
  });
  return { docx, xlsx, title: d.title };
}
