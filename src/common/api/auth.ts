import { z } from 'zod';
import { ROLES } from '../access/roles.ts';

export const loginInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  /** The authenticator's 6 digits, when the account has a second factor (the server answers totp_required). */
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
  /** One of the recovery codes given at enrolment, instead of a code. */
  recoveryCode: z.string().trim().min(8).max(20).optional(),
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
  /**
   * What the session must do before anything else: choose a new password (after an administrator's reset), or set up
   * the second factor its roles require. Until then only these steps, /me and sign-out are allowed.
   */
  pending: z.enum(['password_change', 'totp_enrolment']).nullable(),
  totp: z.object({ enabled: z.boolean(), required: z.boolean() }),
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

/** Starting TOTP enrolment asks for the password again (a change of sign-in factors, ASVS 7.5.1). */
export const totpEnrolmentInput = z.strictObject({ currentPassword: z.string().min(1).max(128) });
export type TotpEnrolmentBody = z.input<typeof totpEnrolmentInput>;
export const totpEnrolmentResponse = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TotpEnrolment = z.infer<typeof totpEnrolmentResponse>;
export const totpConfirmInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export type TotpConfirmBody = z.input<typeof totpConfirmInput>;
/** Shown once: only their hashes are kept. */
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesResponse>;
export const totpDisableInput = z.strictObject({ currentPassword: z.string().min(1).max(128) });
export type TotpDisableBody = z.input<typeof totpDisableInput>;
