import { z } from 'zod';
import { isoDate, optionalText, pageQuery, paged, type QueryParams, text, uuid, programmeFilter } from './common.ts';
import { MEETING_HOST_PROPOSALS, MEETING_KINDS, SIDES } from './enums.ts';
import { itemInput, itemSummary } from './tracking.ts';

export const attendeeInput = z.strictObject({
  side: z.enum(SIDES),
  name: text(50),
  post: optionalText(100),
  organisation: optionalText(100),
});
export type AttendeeInput = z.infer<typeof attendeeInput>;

const meetingFields = {
  kind: z.enum(MEETING_KINDS),
  title: text(200),
  heldOn: isoDate,
  /** The last day of a visit or meeting of several days. */
  endsOn: isoDate.nullable().optional(),
  place: optionalText(200),
  hostSide: z.enum(SIDES),
  /** Why the host differs from the one the rotation proposes (required then). */
  hostOverrideReason: optionalText(500),
  chair: optionalText(100),
  attendees: z.array(attendeeInput).max(200).default([]),
  agenda: optionalText(5000),
  minutes: optionalText(50_000),
};

export const createMeetingInput = z.strictObject({
  pairingId: uuid,
  ...meetingFields,
  /** 议定事项 recorded with the meeting; each becomes a tracked item. */
  decisions: z.array(itemInput).max(50).default([]),
});
export type CreateMeetingInput = z.infer<typeof createMeetingInput>;
export type CreateMeetingBody = z.input<typeof createMeetingInput>;

export const updateMeetingInput = z.strictObject({
  version: z.number().int(),
  kind: meetingFields.kind.optional(),
  title: meetingFields.title.optional(),
  heldOn: isoDate.optional(),
  endsOn: meetingFields.endsOn,
  place: meetingFields.place,
  hostSide: meetingFields.hostSide.optional(),
  hostOverrideReason: meetingFields.hostOverrideReason,
  chair: meetingFields.chair,
  attendees: z.array(attendeeInput).max(200).optional(),
  agenda: meetingFields.agenda,
  minutes: meetingFields.minutes,
});
export type UpdateMeetingInput = z.infer<typeof updateMeetingInput>;
export type UpdateMeetingBody = z.input<typeof updateMeetingInput>;

export const addDecisionsInput = z.strictObject({ decisions: z.array(itemInput).min(1).max(50) });
export type AddDecisionsInput = z.infer<typeof addDecisionsInput>;

export const attendee = z.object({
  side: z.enum(SIDES),
  name: z.string(),
  post: z.string().nullable(),
  organisation: z.string().nullable(),
});

export const meetingSummary = z.object({
  id: uuid,
  pairingId: uuid,
  pairingName: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  heldOn: isoDate,
  endsOn: isoDate.nullable(),
  place: z.string().nullable(),
  hostSide: z.enum(SIDES),
  decisionCount: z.number().int(),
  openDecisionCount: z.number().int(),
  isDemo: z.boolean(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingDetail = meetingSummary.extend({
  hostOverrideReason: z.string().nullable(),
  chair: z.string().nullable(),
  attendees: z.array(attendee),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  decisions: z.array(itemSummary),
  version: z.number().int(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const meetingListQuery = z.strictObject({
  ...programmeFilter,
  pairingId: uuid.optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  demo: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
export type MeetingListParams = QueryParams<typeof meetingListQuery>;
export const meetingListResponse = paged(meetingSummary);
export type MeetingList = z.infer<typeof meetingListResponse>;

/** 轮值: the order in which the sides host a kind of meeting (津长: 联席会议由两市轮值). */
export const rotationInput = z.strictObject({
  pairingId: uuid,
  kind: z.enum(MEETING_KINDS),
  /** The sides in hosting order; an empty list ends the rotation. */
  order: z.array(z.enum(SIDES)).max(2),
});
export type RotationInput = z.infer<typeof rotationInput>;

export const nextHostQuery = z.strictObject({ pairingId: uuid, kind: z.enum(MEETING_KINDS) });
export const nextHost = z.object({
  side: z.enum(SIDES).nullable(),
  proposal: z.enum(MEETING_HOST_PROPOSALS),
  order: z.array(z.enum(SIDES)),
  last: z.object({ id: uuid, title: z.string(), heldOn: isoDate, hostSide: z.enum(SIDES) }).nullable(),
});
export type NextHost = z.infer<typeof nextHost>;
