/**
 * 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, and a check character
 * computed with ISO 7064 MOD 11-2 over the first 17 digits ("X" stands for 10).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The number as stored and compared: half-width, upper-case X, no spaces. */
export function normaliseIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export type IdNumberFault = 'id_number_format' | 'id_number_birth_date' | 'id_number_check_digit';

/** Why a (normalised) identity number is not a valid one, or null. */
export function idNumberFault(id: string): IdNumberFault | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'id_number_format';
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const born = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || born.getUTCFullYear() !== y || born.getUTCMonth() !== m - 1 || born.getUTCDate() !== d)
    return 'id_number_birth_date';
  return checkCharacter(id) === id[17] ? null : 'id_number_check_digit';
}

function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** A full number from its first 17 digits (demo data and tests make valid numbers this way). */
export const withCheckCharacter = (first17: string) => first17 + checkCharacter(first17);

/** The year of birth the number carries. */
export const birthYearOf = (id: string) => Number(id.slice(6, 10));

/** A mainland mobile number: 11 digits starting 1[3-9]. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Shown by default: the first three and last four characters (110***********1234, 138****5678). */
export function maskedIdentifier(value: string): string {
  return value.length <= 7
    ? '*'.repeat(value.length)
    : `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
