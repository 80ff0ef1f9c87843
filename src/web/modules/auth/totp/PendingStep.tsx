import { Alert, Card } from 'antd';
import { useI18n } from '../../../app/i18n.tsx';
import { useMe, useSession } from '../../../app/session.tsx';
import { ChangePasswordForm } from '../../../app/layout/ChangePasswordModal.tsx';
import { TotpSetup } from './TotpSetup.tsx';

/**
 * What a session must do before anything else (the server refuses the rest): choose a new password after an
 * administrator's reset, or set up the second factor its role requires.
 */
export function PendingStep() {
  const { t } = useI18n();
  const me = useMe();
  const { refresh } = useSession();
  const password = me.pending === 'password_change';
  return (
    <Card
      title={t(password ? 'ui.auth.pendingPasswordTitle' : 'ui.auth.pendingTotpTitle')}
      style={{ maxWidth: 560 }}
      data-testid="pending-step"
    >
      <Alert
        type="warning"
        showIcon
        title={t(password ? 'ui.auth.pendingPasswordIntro' : 'ui.auth.pendingTotpIntro')}
        style={{ marginBottom: 16 }}
      />
      {password ? <ChangePasswordForm onDone={refresh} /> : <TotpSetup onDone={refresh} />}
    </Card>
  );
}
