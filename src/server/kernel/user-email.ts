import type { AppDeps } from '../http/context.ts';
import { decryptField, encryptField } from '../security/field-cipher.ts';
import { fieldKeyring } from '../security/field-keys.ts';
import { maskEmail } from './personal-data.ts';

/** What a user's sealed address is bound to: copied onto another user, it no longer opens. */
const bindingOf = (userId: string) => `users|${userId}|email`;

/** The stored columns of a user's e-mail address (both null when it is removed). */
export function sealedEmail(deps: Pick<AppDeps, 'crypto' | 'config'>, userId: string, email: string | null) {
  if (!email) return { emailCipher: null, emailMasked: null };
  return {
    emailCipher: encryptField(deps.crypto, fieldKeyring(deps.config.dataDir), bindingOf(userId), email),
    emailMasked: maskEmail(email),
  };
}

export const openEmail = (deps: Pick<AppDeps, 'crypto' | 'config'>, userId: string, cipher: string) =>
  decryptField(deps.crypto, fieldKeyring(deps.config.dataDir), bindingOf(userId), cipher);
