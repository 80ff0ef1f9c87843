import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import { pageQuery, paged, type QueryParams, text, uuid } from './common.ts';

/** Which notices of a user's organisation reach them by e-mail: none, each as it comes, a digest a day. */
export const EMAIL_NOTIFICATION_MODES = ['off', 'each', 'daily'] as const;
export type EmailNotificationMode = (typeof EMAIL_NOTIFICATION_MODES)[number];
/** An address as typed, trimmed and checked; empty removes it. */
const emailAddress = z
  .string()
  .trim()
  .max(254)
  .pipe(z.union([z.literal(''), z.email()]));

export const userItem = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  regionCode: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  /** Refused sign-in from at least one address for now (the lock is per account and address). */
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Personal data: only masked here (z***@jl.gov.cn); the full address is a separate, audited reveal. */
  emailMasked: z.string().nullable(),
  emailNotifications: z.enum(EMAIL_NOTIFICATION_MODES),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserItem = z.infer<typeof userItem>;

export const userListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  organisationId: uuid.optional(),
  role: z.enum(ROLES).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});
export type UserListParams = QueryParams<typeof userListQuery>;
export const userListResponse = paged(userItem);
export type UserList = z.infer<typeof userListResponse>;

const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/);

export const createUserInput = z.strictObject({
  username,
  displayName: text(100),
  organisationId: uuid,
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  password: z.string().min(1).max(128),
  email: emailAddress.optional(),
});
export type CreateUserBody = z.input<typeof createUserInput>;
export const updateUserInput = z.strictObject({
  version: z.number().int().min(1),
  displayName: text(100).optional(),
  organisationId: uuid.optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
  active: z.boolean().optional(),
  email: emailAddress.optional(),
});
export type UpdateUserBody = z.input<typeof updateUserInput>;
export const resetPasswordInput = z.strictObject({ password: z.string().min(1).max(128) });
export type ResetPasswordBody = z.input<typeof resetPasswordInput>;

/** A user's own e-mail settings: the address only masked, and whether the platform can send e-mail at all. */
export const emailSettings = z.object({
  emailMasked: z.string().nullable(),
  emailNotifications: z.enum(EMAIL_NOTIFICATION_MODES),
  mailConfigured: z.boolean(),
});
export type EmailSettings = z.infer<typeof emailSettings>;
/** `email` absent keeps the address; empty removes it. */
export const emailSettingsInput = z.strictObject({
  email: emailAddress.optional(),
  emailNotifications: z.enum(EMAIL_NOTIFICATION_MODES),
});
export type EmailSettingsBody = z.input<typeof emailSettingsInput>;
export const revealEmailInput = z.strictObject({ reason: text(200) });
export const revealedEmail = z.object({ email: z.string().nullable() });
