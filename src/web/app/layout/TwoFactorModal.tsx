import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { authApi } from '../../modules/auth/auth.api.ts';
import { TotpSetup } from '../../modules/auth/totp/TotpSetup.tsx';
import { applyServerErrors, unplacedLine } from '../form-errors.ts';
import { useI18n } from '../i18n.tsx';
import { useMe, useSession } from '../session.tsx';
import { useMessage } from '../feedback.tsx';

/** The account menu's two-factor page: its state, setting it up, or turning it off where the role allows. */
export function TwoFactorModal({ onClose }: { onClose: () => void }) {
  const { t, pick } = useI18n();
  const me = useMe();
  const { refresh } = useSession();
  const message = useMessage();
  const [form] = Form.useForm<{ currentPassword: string }>();
  const [busy, setBusy] = useState(false);

  const disable = async ({ currentPassword }: { currentPassword: string }) => {
    setBusy(true);
    try {
      await authApi.disableTotp({ currentPassword });
      message.success(t('ui.auth.totpDisabledDone'));
      await refresh();
    } catch (err) {
      const { unplaced } = applyServerErrors(form, err, pick);
      unplaced.forEach((e) => message.error(unplacedLine(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('ui.auth.totpTitle')} footer={null} onCancel={onClose} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type={me.totp.enabled ? 'success' : 'info'}
          showIcon
          title={t(me.totp.enabled ? 'ui.auth.totpOn' : 'ui.auth.totpOff')}
        />
        {me.totp.enabled && me.totp.required && <Alert type="warning" title={t('ui.auth.totpRequiredNote')} />}
        {!me.totp.enabled && (
          <TotpSetup
            onDone={async () => {
              await refresh();
              onClose();
            }}
          />
        )}
        {me.totp.enabled && !me.totp.required && (
          <Form form={form} layout="vertical" requiredMark={false} onFinish={disable}>
            <Form.Item
              name="currentPassword"
              label={t('ui.auth.currentPassword')}
              rules={[{ required: true, message: t('errors.field.required') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button danger htmlType="submit" loading={busy}>
              {t('ui.auth.totpDisable')}
            </Button>
          </Form>
        )}
      </Space>
    </Modal>
  );
}
