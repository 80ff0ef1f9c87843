/**
 * Personal data shown by default only masked (PIPL art. 51, 等保 个人信息保护): a phone number keeps its first three
 * and last four digits (138****5678), a shorter one its last two. Revealing it is a separate, audited request.
 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(digits.length - 2, 3))}${digits.slice(-2)}`;
}

export const isMasked = (value: string) => value.includes('*');

/** An e-mail address keeps the first character of its name and its domain (z***@jl.gov.cn). */
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf('@');
  return at < 1 ? '***' : `${email[0]}***${email.slice(at)}`;
}
