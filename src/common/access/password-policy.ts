export type PasswordPolicyName = 'dengbao-l3' | 'asvs';

export type PasswordProblem = 'too_short' | 'too_long' | 'too_few_classes' | 'common' | 'contains_username';

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'admin123',
  'admin@123',
  'qwerty123',
  '12345678',
  '123456789',
  '1234567890',
  '11111111',
  '88888888',
  'abc12345',
  'abcd1234',
  'iloveyou',
  'woaini1314',
  'a1234567',
  'aa123456',
  'qq123456',
  'Aa123456',
  'Admin@123',
  'Abc@1234',
  'Qwer1234',
  'P@ssw0rd',
  'Passw0rd!',
  'Aa123456!',
  'Admin123!',
]);

const MIN_LENGTH: Record<PasswordPolicyName, number> = { 'dengbao-l3': 8, asvs: 12 };

/**
 * 等保 assessors expect ≥ 8 characters from ≥ 3 character classes; ASVS forbids composition rules and asks for
 * length instead, so the deployment picks a profile (security.md §4).
 */
export function checkPassword(password: string, policy: PasswordPolicyName, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < MIN_LENGTH[policy]) problems.push('too_short');
  if (password.length > 128) problems.push('too_long');
  if (policy === 'dengbao-l3') {
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
    if (classes < 3) problems.push('too_few_classes');
  }
  if (COMMON.has(password) || COMMON.has(password.toLowerCase())) problems.push('common');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('contains_username');
  return problems;
}

export function minPasswordLength(policy: PasswordPolicyName): number {
  return MIN_LENGTH[policy];
}
