import { z } from 'zod';
import { ROLES } from '../access/roles.ts';

export const loginInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type LoginBody = z.input<typeof loginInput>;

export const sessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  organisationId: z.uuid(),
  organisationName: z.string(),
  regionCode: z.string(),
});

export const meResponse = z.object({
  user: sessionUser,
  csrfToken: z.string(),
  passwordPolicy: z.enum(['dengbao-l3', 'asvs']),
  idleTimeoutMinutes: z.number().int(),
});
export type Me = z.infer<typeof meResponse>;

export const setupStatusResponse = z.object({
  needsSetup: z.boolean(),
  passwordPolicy: z.enum(['dengbao-l3', 'asvs']),
});
export type SetupStatus = z.infer<typeof setupStatusResponse>;

export const setupInput = z.strictObject({
  token: z.string().min(1).max(200),
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[A-Za-z0-9_.@-]+$/),
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(128),
});
export type SetupBody = z.input<typeof setupInput>;

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});
export type ChangePasswordBody = z.input<typeof changePasswordInput>;
