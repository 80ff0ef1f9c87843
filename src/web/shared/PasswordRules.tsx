import { Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import {
  checkPassword,
  minPasswordLength,
  type PasswordPolicyName,
  type PasswordProblem,
} from '../../common/access/password-policy.ts';
import type { MessageKey } from '../../common/i18n/messages.ts';
import { useI18n } from '../app/i18n.tsx';

interface Rule {
  key: MessageKey;
  problems: PasswordProblem[];
}

/** The deployment's password rules, ticked off as the user types (the server checks them again). */
export function PasswordRules({
  policy,
  password,
  username,
}: {
  policy: PasswordPolicyName;
  password: string;
  username?: string;
}) {
  const { t } = useI18n();
  const problems = new Set(checkPassword(password ?? '', policy, username));
  const rules: Rule[] = [
    { key: 'ui.auth.ruleMinLength', problems: ['too_short', 'too_long'] },
    ...(policy === 'dengbao-l3'
      ? [{ key: 'ui.auth.ruleClasses' as const, problems: ['too_few_classes' as const] }]
      : []),
    { key: 'ui.auth.ruleNotCommon', problems: ['common'] },
    { key: 'ui.auth.ruleNoUsername', problems: ['contains_username'] },
  ];
  return (
    <div data-testid="password-rules" style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary">{t('ui.auth.passwordRules')}</Typography.Text>
      <ul style={{ listStyle: 'none', paddingLeft: 0, margin: '4px 0 0' }}>
        {rules.map((rule) => {
          // Nothing typed yet: every rule waits, in grey. Then each one passes in green or fails in red.
          const state = !password ? 'pending' : rule.problems.some((p) => problems.has(p)) ? 'failed' : 'passed';
          return (
            <li key={rule.key} data-state={state}>
              {state === 'passed' && (
                <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('ui.auth.rulePassed')} />
              )}
              {state === 'failed' && (
                <CloseCircleFilled style={{ color: '#cf1322' }} aria-label={t('ui.auth.ruleFailed')} />
              )}
              {state === 'pending' && <MinusCircleOutlined style={{ color: '#bfbfbf' }} />}{' '}
              <Typography.Text type={state === 'failed' ? 'danger' : state === 'passed' ? 'success' : 'secondary'}>
                {t(rule.key, { min: minPasswordLength(policy) })}
              </Typography.Text>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
