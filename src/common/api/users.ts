import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import { pageQuery, paged, type QueryParams, text, uuid } from './common.ts';

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
});
export type CreateUserBody = z.input<typeof createUserInput>;
export const updateUserInput = z.strictObject({
  version: z.number().int().min(1),
  displayName: text(100).optional(),
  organisationId: uuid.optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
  active: z.boolean().optional(),
});
export type UpdateUserBody = z.input<typeof updateUserInput>;
export const resetPasswordInput = z.strictObject({ password: z.string().min(1).max(128) });
export type ResetPasswordBody = z.input<typeof resetPasswordInput>;
