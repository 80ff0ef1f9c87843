import type { CloseItemInput, ProgressInput } from '../../common/api/tracking.ts';
import { addProgress, closeItem, itemDetail } from '../modules/tracking/tracking.service.ts';
import type { AuthedContext } from '../http/context.ts';
import type { Role, OrganisationKind } from '../../common/access/roles.ts';
import { createOrganisation } from '../modules/organisations/organisations.service.ts';
import { createUser } from '../modules/users/users.service.ts';

import type { CreateProjectInput, StageMoveInput, FigureReportInput } from '../../common/api/projects.ts';
import type {
  CreateParkInput,
  EnterpriseInput,
  SharingAgreementInput,
  LedgerEntryInput,
} from '../../common/api/parks.ts';
import type { CreateEventInput, AgreementInput } from '../../common/api/events.ts';
import { createProject, moveStage, reportFigure } from '../modules/projects/projects.service.ts';
import { createPark, addEnterprise, createSharingAgreement, addLedgerEntry } from '../modules/parks/parks.service.ts';
import { createEvent, signAgreement } from '../modules/events/events.service.ts';
import type { CreateExchangeInput, CreateSecondmentInput, CreateTrainingInput } from '../../common/api/people.ts';
import { createSecondment } from '../modules/people/secondments.service.ts';
import { createTraining } from '../modules/people/trainings.service.ts';
import { createExchange } from '../modules/people/exchanges.service.ts';
import type { CreateMeetingInput } from '../../common/api/meetings.ts';
import { createMeeting, meetingDetail } from '../modules/meetings/meetings.service.ts';
import type { CreatePracticeInput, StageInput } from '../../common/api/replication.ts';
import { advanceStage, createAdoption, createPractice } from '../modules/replication/replication.service.ts';

/**
 * Builders for tests and demo data alike. They go through the services, so what they make passes the same
 * validation and leaves the same audit rows as what users make.
 */
export const DEMO_PASSWORD = 'Duikou#2026demo';

export async function buildOrganisation(
  ctx: AuthedContext,
  o: { name: string; kind: OrganisationKind; regionCode: string },
) {
  return createOrganisation(ctx, o);
}

export async function buildUser(
  ctx: AuthedContext,
  u: { username: string; organisationId: string; roles: Role[]; displayName?: string; password?: string },
) {
  return createUser(ctx, { displayName: u.displayName ?? u.username, password: u.password ?? DEMO_PASSWORD, ...u });
}

/** An organisation in a region with one user holding the given roles; returns both ids and the credentials. */
export async function buildOrgUser(
  ctx: AuthedContext,
  o: { username: string; regionCode: string; roles: Role[]; kind?: OrganisationKind; orgName?: string },
) {
  const organisationId = await buildOrganisation(ctx, {
    name: o.orgName ?? `${o.username} 单位`,
    kind: o.kind ?? 'pairing_office',
    regionCode: o.regionCode,
  });
  const userId = await buildUser(ctx, { username: o.username, organisationId, roles: o.roles });
  return { organisationId, userId, username: o.username, password: DEMO_PASSWORD };
}

/** Marks what a builder makes as demo data (shown as such, removed by `duikou demo clear`). */
export interface DemoFlag {
  demo?: boolean;
}

/** A project taken through `moves` and given `reports`, each step through the services and their rules. */
export async function buildProject(
  ctx: AuthedContext,
  p: Omit<CreateProjectInput, 'landmark' | 'greenChannel' | 'stage'> &
    Partial<Pick<CreateProjectInput, 'landmark' | 'greenChannel' | 'stage'>>,
  steps: { moves?: StageMoveInput[]; reports?: FigureReportInput[] } = {},
  flag: DemoFlag = {},
) {
  const id = await createProject(ctx, { landmark: false, greenChannel: false, stage: 'planning', ...p }, flag);
  for (const m of steps.moves ?? []) await moveStage(ctx, id, m);
  for (const r of steps.reports ?? []) await reportFigure(ctx, id, r);
  return id;
}

export async function buildPark(
  ctx: AuthedContext,
  p: Omit<CreateParkInput, 'focusIndustries'> & Partial<Pick<CreateParkInput, 'focusIndustries'>>,
  flag: DemoFlag = {},
) {
  return createPark(ctx, { focusIndustries: [], ...p }, flag);
}

export async function buildEnterprise(ctx: AuthedContext, parkId: string, e: EnterpriseInput, flag: DemoFlag = {}) {
  return addEnterprise(ctx, parkId, e, flag);
}

export async function buildSharingAgreement(
  ctx: AuthedContext,
  parkId: string,
  a: SharingAgreementInput,
  flag: DemoFlag = {},
) {
  return createSharingAgreement(ctx, parkId, a, flag);
}

export async function buildLedgerEntry(ctx: AuthedContext, parkId: string, e: LedgerEntryInput, flag: DemoFlag = {}) {
  return addLedgerEntry(ctx, parkId, e, flag);
}

export async function buildEvent(
  ctx: AuthedContext,
  e: Omit<CreateEventInput, 'enterprises'> & Partial<Pick<CreateEventInput, 'enterprises'>>,
  flag: DemoFlag = {},
) {
  return createEvent(ctx, { enterprises: [], ...e }, flag);
}

export async function buildEventAgreement(
  ctx: AuthedContext,
  eventId: string,
  a: Omit<AgreementInput, 'createProject'> & Partial<Pick<AgreementInput, 'createProject'>>,
) {
  return signAgreement(ctx, eventId, { createProject: false, ...a });
}

/** A meeting with its decisions; answers the meeting's id and its decisions' item ids, in the order given. */
export async function buildMeeting(
  ctx: AuthedContext,
  m: Omit<CreateMeetingInput, 'attendees' | 'decisions'> & Partial<Pick<CreateMeetingInput, 'attendees' | 'decisions'>>,
  flag: DemoFlag = {},
) {
  const id = await createMeeting(ctx, { attendees: [], decisions: [], ...m }, flag);
  const decisions = (await meetingDetail(ctx, id)).decisions.items.sort((x, y) => x.seq - y.seq);
  return { id, itemIds: decisions.map((d) => d.id) };
}

/**
 * A tracked item worked through to its end: progress reported, then closed (销号) with a note and a link as
 * evidence, through the same services and checks as an office.
 */
export async function buildClosedItem(
  ctx: AuthedContext,
  itemId: string,
  progress: ProgressInput,
  close: Omit<CloseItemInput, 'version'>,
) {
  await addProgress(ctx, itemId, progress);
  const { summary } = await itemDetail(ctx, itemId);
  await closeItem(ctx, itemId, { ...close, version: summary.version });
}

/** A seconded cadre, a training and an exchange, through the people services (the same checks and audit rows). */
export const buildSecondment = (ctx: AuthedContext, s: CreateSecondmentInput, flag: DemoFlag = {}) =>
  createSecondment(ctx, s, flag);
export const buildTraining = (ctx: AuthedContext, t: CreateTrainingInput, flag: DemoFlag = {}) =>
  createTraining(ctx, t, flag);
export const buildExchange = (ctx: AuthedContext, e: CreateExchangeInput, flag: DemoFlag = {}) =>
  createExchange(ctx, e, flag);

/**
 * A practice with its adoptions, each taken through its stages in order (学习借鉴 → 试点 → …) through the same
 * services and checks as an office.
 */
export async function buildPractice(
  ctx: AuthedContext,
  p: CreatePracticeInput,
  adoptions: { adopterName: string; regionCode: string; results?: string; stages: StageInput[] }[] = [],
  flag: DemoFlag = {},
) {
  const id = await createPractice(ctx, p, flag);
  for (const a of adoptions) {
    const [first, ...later] = a.stages;
    if (!first) continue;
    const adoptionId = await createAdoption(ctx, id, {
      adopterName: a.adopterName,
      regionCode: a.regionCode,
      results: a.results ?? null,
      firstStage: first,
    });
    for (const [i, stage] of later.entries()) await advanceStage(ctx, adoptionId, { ...stage, version: i + 1 });
  }
  return id;
}
