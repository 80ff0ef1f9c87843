import crypto from 'node:crypto';
import type { CreateProgrammeInput, UpdateProgrammeInput } from '../../../common/api/programmes.ts';
import { translate } from '../../../common/i18n/messages.ts';
import type { Locale } from '../../../common/i18n/text.ts';
import { type SideParams, sideNamesOf, sideParams } from '../../../common/programme-sides.ts';
import { conflict, notFound } from '../../http/app-error.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor, AuthedContext, RequestContext } from '../../http/context.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { dateString } from '../../kernel/dates.ts';
import { scopeInProgramme, seesProgrammeWhole } from '../../kernel/pairing-scope.repository.ts';
import type { programmes } from './programmes.tables.ts';
import { insertGrant } from './programme-grants.repository.ts';
import {
  countProgrammes,
  sideNamesInView,
  sideNamesOfPairings,
  findProgrammeOfFile,
  updateProgrammeRow,
  findProgramme as findProgrammeRow,
  findSourceDocumentBySha,
  insertProgramme,
  insertSourceDocument,
  listProgrammes as listProgrammeRows,
  programmeDocNos,
} from './programmes.repository.ts';

export async function listProgrammes(ctx: AuthedContext) {
  return listProgrammeRows(ctx.db, ctx.actor);
}

export async function findProgramme({ tx }: Pick<UnitOfWork, 'tx'>, id: string) {
  return findProgrammeRow(tx, id);
}

/** The programme a national plan belongs to: the one with its document number, else the first. */
export async function programmeForPlan(ctx: RequestContext, docNo: string | null) {
  const rows = await programmeDocNos(ctx.db);
  return rows.find((p) => docNo && p.docNo === docNo) ?? rows[0];
}

export async function hasProgramme(ctx: RequestContext): Promise<boolean> {
  return (await countProgrammes(ctx.db)) > 0;
}

export async function addProgramme({ tx }: UnitOfWork, values: typeof programmes.$inferInsert): Promise<string> {
  return insertProgramme(tx, values);
}

/**
 * Keeps an official document whole so records can quote it; a text already kept (same SHA-256) is the same
 * document, so re-importing a plan does not store its text twice.
 */
export async function keepSourceDocument(
  { tx }: UnitOfWork,
  doc: {
    title: string;
    docNo: string | null;
    issuer?: string | null;
    issuedOn?: string | null;
    fileName: string;
    body: string;
  },
): Promise<string> {
  const sha256 = crypto.createHash('sha256').update(doc.body).digest('hex');
  const existing = await findSourceDocumentBySha(tx, sha256);
  if (existing) return existing.id;
  return insertSourceDocument(tx, { ...doc, sha256 });
}

type ProgrammeRow = typeof programmes.$inferSelect;
type ProgrammeValues = Partial<typeof programmes.$inferInsert>;

/** The columns a programme's input sets (a file's programme entry, the create and edit forms). */
export function programmeValues(input: Partial<CreateProgrammeInput>): ProgrammeValues {
  const v: ProgrammeValues = {};
  if (input.name !== undefined) v.name = input.name;
  if (input.shortName !== undefined) v.shortName = input.shortName ?? null;
  if (input.docNo !== undefined) v.docNo = input.docNo ?? null;
  if (input.issuer !== undefined) v.issuer = input.issuer ?? null;
  if (input.issued !== undefined) v.issuedOn = input.issued ?? null;
  if (input.goals !== undefined) v.goals = input.goals ?? null;
  if (input.levels !== undefined) v.levels = input.levels ?? null;
  if (input.planKinds !== undefined) v.planKinds = input.planKinds ?? null;
  if (input.indicators !== undefined) v.indicatorCodes = input.indicators ?? null;
  if (input.period !== undefined) {
    v.periodFrom = input.period?.from ?? null;
    v.periodTo = input.period?.to ?? null;
    v.periodStart = input.period ? Number(input.period.from.slice(0, 4)) : null;
    v.periodEnd = input.period ? Number(input.period.to.slice(0, 4)) : null;
  }
  if (input.sides !== undefined) {
    v.sideAZh = input.sides.a.zh;
    v.sideAEn = input.sides.a.en;
    v.sideBZh = input.sides.b.zh;
    v.sideBEn = input.sides.b.en;
  }
  return v;
}

/** The values of `wanted` that differ from the row: what an edit or a reloaded file changes. */
export function programmeChanges(row: ProgrammeRow, wanted: ProgrammeValues): ProgrammeValues {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const current = row as unknown as Record<string, unknown>;
  const plain = (key: string, value: unknown) =>
    (key === 'issuedOn' || key.startsWith('period')) && value instanceof Date ? dateString(value) : value;
  return Object.fromEntries(
    Object.entries(wanted).filter(([key, value]) => !same(plain(key, current[key]), value)),
  ) as ProgrammeValues;
}

/** Whether the actor works in this programme: every one when unrestricted, else the ones granted or seen. */
export function worksIn(actor: Actor, programmeId: string): boolean {
  return seesProgrammeWhole(actor.scope, programmeId);
}

/** A national office restricted to its programmes is granted the ones it creates, or it would not see them. */
async function grantCreator(tx: UnitOfWork['tx'], actor: Actor, programmeId: string) {
  if (!actor.scope.all) await insertGrant(tx, actor.userId, programmeId);
}

export async function createProgramme(ctx: AuthedContext, input: CreateProgrammeInput): Promise<string> {
  return auditedChange(ctx, async (work) => {
    const id = await createProgrammeIn(work, ctx.actor, input);
    work.audit({
      action: 'programme.create',
      result: 'success',
      objectType: 'programme',
      objectId: id,
      details: { after: input },
    });
    return id;
  });
}

/** Creates a programme in the caller's unit of work (a loaded file's); the caller writes the audit row. */
export async function createProgrammeIn({ tx }: UnitOfWork, actor: Actor, input: CreateProgrammeInput) {
  const values = programmeValues(input);
  const id = await insertProgramme(tx, { ...values, name: input.name, ownerOffice: null });
  await grantCreator(tx, actor, id);
  return id;
}

/** Edits a programme read at `version` (409 when someone saved it since); only the fields given change. */
export async function updateProgramme(ctx: AuthedContext, id: string, input: UpdateProgrammeInput): Promise<void> {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findProgrammeRow(tx, id);
    if (!current || !worksIn(ctx.actor, id)) throw notFound();
    if (current.version !== input.version) throw conflict();
    const { version: _version, ...fields } = input;
    const patch = programmeChanges(current, programmeValues(fields));
    if (Object.keys(patch).length && !(await updateProgrammeRow(tx, id, input.version, patch))) throw conflict();
    audit({
      action: 'programme.update',
      result: 'success',
      objectType: 'programme',
      objectId: id,
      details: { changes: patch },
    });
  });
}

/** Applies a file's programme entry in the caller's unit of work: the fields it changed (none: unchanged). */
export async function patchProgrammeIn({ tx }: UnitOfWork, row: ProgrammeRow, input: CreateProgrammeInput) {
  const patch = programmeChanges(row, programmeValues(input));
  if (Object.keys(patch).length && !(await updateProgrammeRow(tx, row.id, row.version, patch))) throw conflict();
  return Object.keys(patch);
}

/** The programme a file names (by document number, else name), when the actor works in it. */
export async function programmeOfFile(
  { tx }: Pick<UnitOfWork, 'tx'>,
  actor: Actor,
  docNo: string | null | undefined,
  name: string,
) {
  const row = await findProgrammeOfFile(tx, docNo, name);
  return row && worksIn(actor, row.id) ? row : row ? ('not_granted' as const) : undefined;
}

/**
 * Names the sides of the programme with this document number when it has no names yet (loaded before programmes
 * named their sides); true when it did.
 */
export async function nameProgrammeSides(ctx: RequestContext, docNo: string | null, values: ProgrammeValues) {
  if (!docNo) return false;
  return auditedChange(ctx, async ({ tx, audit }) => {
    const row = await findProgrammeOfFile(tx, docNo, '');
    if (!row || row.sideAZh) return false;
    await updateProgrammeRow(tx, row.id, row.version, values);
    audit({
      action: 'programme.update',
      result: 'success',
      objectType: 'programme',
      objectId: row.id,
      details: { changes: values },
    });
    return true;
  });
}

/**
 * The context narrowed to one programme: the actor's scope limited to that programme's pairings, so every module
 * answering for it (pairings, projects, …) shows that programme's records only.
 */
export async function withinProgramme(ctx: AuthedContext, programmeId: string): Promise<AuthedContext> {
  return { ...ctx, actor: { ...ctx.actor, scope: await scopeInProgramme(ctx.db, ctx.actor.scope, programmeId) } };
}

/**
 * The texts naming the sides for what the actor is looking at (exports, statistics): the programme of the pairing
 * given, else the one programme whose pairings the actor sees; the neutral 甲方/乙方 when the view spans several.
 */
export async function sideTextsInView(
  { db, actor }: { db: DbOrTx; actor: Pick<Actor, 'scope'> | null },
  locale: Locale,
  pairingId?: string | null,
): Promise<SideParams> {
  const rows = await sideNamesInView(db, actor?.scope ?? { all: true }, pairingId);
  const names = rows.length === 1 ? sideNamesOf(rows[0]!) : null;
  return sideParams(names, locale, (key, params) => translate(locale, key, params));
}

/** The side texts of each row's own programme, by pairing id (rows of an export may span programmes). */
export async function sideTextsByPairing(
  db: DbOrTx,
  locale: Locale,
  pairingIds: readonly string[],
): Promise<(pairingId: string) => SideParams> {
  const text = (key: Parameters<Parameters<typeof sideParams>[2]>[0], params?: { name: string }) =>
    translate(locale, key, params);
  const rows = await sideNamesOfPairings(db, [...new Set(pairingIds)]);
  const byPairing = new Map(rows.map((r) => [r.pairingId, sideParams(sideNamesOf(r), locale, text)]));
  const neutral = sideParams(null, locale, text);
  return (pairingId) => byPairing.get(pairingId) ?? neutral;
}
