import { z } from 'zod';
import { isoDate, pageQuery, paged, type QueryParams, text, uuid, programmeFilter } from './common.ts';
import { attachment } from './attachments.ts';
import { ITEM_NOTE_KINDS, ITEM_SOURCES, ITEM_STATUSES, SIDES, UNIT_ROLES } from './enums.ts';

export const itemOwnerInput = z.strictObject({
  organisationId: uuid,
  role: z.enum(UNIT_ROLES),
});
export type ItemOwnerInput = z.infer<typeof itemOwnerInput>;

/** A tracked item as an office writes it: what is to be done, by whom, by when, and what it serves. */
export const itemInput = z.strictObject({
  text: text(2000),
  deadline: isoDate,
  owners: z.array(itemOwnerInput).min(1).max(20),
  taskIds: z.array(uuid).max(20).default([]),
  projectIds: z.array(uuid).max(20).default([]),
});
export type ItemInput = z.infer<typeof itemInput>;
export type ItemBody = z.input<typeof itemInput>;

export const updateItemInput = z.strictObject({
  version: z.number().int(),
  text: text(2000).optional(),
  deadline: isoDate.optional(),
  owners: z.array(itemOwnerInput).min(1).max(20).optional(),
  taskIds: z.array(uuid).max(20).optional(),
  projectIds: z.array(uuid).max(20).optional(),
});
export type UpdateItemInput = z.infer<typeof updateItemInput>;

export const progressInput = z.strictObject({
  note: text(2000),
  percent: z.number().int().min(0).max(100).nullable().optional(),
});
export type ProgressInput = z.infer<typeof progressInput>;

/** 销号 needs evidence: a note and a link or at least one file attached to the item. */
export const closeItemInput = z.strictObject({
  version: z.number().int(),
  note: text(2000),
  link: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
});
export type CloseItemInput = z.infer<typeof closeItemInput>;

export const reopenItemInput = z.strictObject({ version: z.number().int(), reason: text(1000) });
export type ReopenItemInput = z.infer<typeof reopenItemInput>;

export const itemOwner = z.object({
  organisationId: uuid,
  name: z.string(),
  side: z.enum(SIDES).nullable(),
  role: z.enum(UNIT_ROLES),
});

export const itemSummary = z.object({
  id: uuid,
  pairingId: uuid,
  pairingName: z.string(),
  source: z.enum(ITEM_SOURCES),
  sourceId: uuid.nullable(),
  sourceTitle: z.string().nullable(),
  seq: z.number().int(),
  text: z.string(),
  deadline: isoDate,
  status: z.enum(ITEM_STATUSES),
  owners: z.array(itemOwner),
  closedOn: isoDate.nullable(),
  isDemo: z.boolean(),
});
export type ItemSummary = z.infer<typeof itemSummary>;

export const itemNote = z.object({
  id: uuid,
  kind: z.enum(ITEM_NOTE_KINDS),
  note: z.string(),
  percent: z.number().int().nullable(),
  link: z.string().nullable(),
  actorName: z.string(),
  organisationName: z.string().nullable(),
  at: z.string(),
});

export const itemDetail = itemSummary.extend({
  taskIds: z.array(uuid),
  projectIds: z.array(uuid),
  /** The linked tasks and projects the caller can see, by number and title (others are left out). */
  linkedTasks: z.array(z.object({ id: uuid, code: z.string(), title: z.string() })),
  linkedProjects: z.array(z.object({ id: uuid, title: z.string() })),
  notes: z.array(itemNote),
  /** Evidence files (销号 needs a link or at least one of these). */
  attachments: z.array(attachment),
  /** What the caller may do here, decided on the server so the page shows only what will be accepted. */
  can: z.object({
    edit: z.boolean(),
    progress: z.boolean(),
    close: z.boolean(),
    reopen: z.boolean(),
    attach: z.boolean(),
  }),
  version: z.number().int(),
});
export type ItemDetail = z.infer<typeof itemDetail>;

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const itemListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  /** With the pairing, its sub-pairs' items too. */
  withSubPairs: flag,
  source: z.enum(ITEM_SOURCES).optional(),
  sourceId: uuid.optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  organisationId: uuid.optional(),
  taskId: uuid.optional(),
  projectId: uuid.optional(),
  /** Items the caller's organisation owns. */
  mine: flag,
  dueBefore: isoDate.optional(),
  demo: flag,
  ...pageQuery,
});
export type ItemListQuery = z.infer<typeof itemListQuery>;
export type ItemListParams = QueryParams<typeof itemListQuery>;
export const itemListResponse = paged(itemSummary).extend({
  /** Counts by status under the same filters except the status, for the legend. */
  counts: z.object({ not_started: z.number(), in_progress: z.number(), closed: z.number(), overdue: z.number() }),
});
export type ItemList = z.infer<typeof itemListResponse>;
