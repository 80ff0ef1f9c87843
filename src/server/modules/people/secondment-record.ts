import { maskedIdentifier } from '../../../common/api/id-number.ts';
import type { ErrorDetail } from '../../http/app-error.ts';
import { fieldError } from '../../http/app-error.ts';
import type { CryptoProvider } from '../../security/crypto-provider.ts';
import { blindIndex, decryptField, encryptField } from '../../security/field-cipher.ts';
import type { FieldKeyring } from '../../security/field-keys.ts';
import type { ProtectedField } from '../../../common/api/people.ts';

/** What a ciphertext is bound to: the table, the person's row and the field (a value copied elsewhere fails). */
export const bindingOf = (id: string, field: ProtectedField) => `secondments|${id}|${field}`;

export interface FieldSealer {
  crypto: CryptoProvider;
  ring: FieldKeyring;
}

/** The stored columns of an identity number: ciphertext, masked form and blind index. */
export function sealedIdNumber(s: FieldSealer, id: string, idNumber: string) {
  return {
    idNumberCipher: encryptField(s.crypto, s.ring, bindingOf(id, 'idNumber'), idNumber),
    idNumberMasked: maskedIdentifier(idNumber),
    idNumberIndex: blindIndex(s.crypto, s.ring, 'id_number', idNumber),
  };
}

export function sealedMobile(s: FieldSealer, id: string, mobile: string | null) {
  if (!mobile) return { mobileCipher: null, mobileMasked: null };
  return {
    mobileCipher: encryptField(s.crypto, s.ring, bindingOf(id, 'mobile'), mobile),
    mobileMasked: maskedIdentifier(mobile),
  };
}

export const openField = (s: FieldSealer, id: string, field: ProtectedField, cipher: string) =>
  decryptField(s.crypto, s.ring, bindingOf(id, field), cipher);

/** The rules of one cadre record beyond its fields' own: dates in order, a birth year that matches the number. */
export function secondmentProblems(
  r: { startsOn: string; endsOn: string; birthYear: number; idNumber?: string },
  prefix = '',
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (r.endsOn < r.startsOn) problems.push(fieldError(`${prefix}endsOn`, 'date_order'));
  if (r.idNumber && Number(r.idNumber.slice(6, 10)) !== r.birthYear)
    problems.push(fieldError(`${prefix}birthYear`, 'birth_year_mismatch', { year: r.idNumber.slice(6, 10) }));
  return problems;
}
