import { checkPassword, minPasswordLength, type PasswordPolicyName } from '../../common/access/password-policy.ts';
import { fieldError, type ErrorDetail } from '../http/app-error.ts';

export function passwordErrors(
  field: string,
  password: string,
  policy: PasswordPolicyName,
  username?: string,
): ErrorDetail[] {
  return checkPassword(password, policy, username).map((p) =>
    fieldError(field, `password_${p}`, { min: minPasswordLength(policy) }),
  );
}
