import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Space, Spin } from 'antd';
import { EMAIL_NOTIFICATION_MODES, type EmailSettingsBody } from '../../../common/api/users.ts';
import { accountApi } from '../../modules/admin/users/users.api.ts';
import { applyServerErrors, unplacedLine } from '../form-errors.ts';
import { useI18n } from '../i18n.tsx';
import { useApi } from '../use-api.ts';
import { useMessage } from '../feedback.tsx';

/**
 * The account menu's e-mail notices: the user's address (shown masked; typing a new one replaces it) and which of
 * their organisation's notices reach them by e-mail. Offered only when the platform has a mail server.
 */
export function EmailNoticesModal({ onClose }: { onClose: () => void }) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const current = useApi((signal) => accountApi.emailSettings(signal), []);
  const [form] = Form.useForm<{ email?: string; emailNotifications: EmailSettingsBody['emailNotifications'] }>();
  const [saving, setSaving] = useState(false);

  const save = async (values: { email?: string; emailNotifications: EmailSettingsBody['emailNotifications'] }) => {
    setSaving(true);
    try {
      const email = values.email?.trim();
      current.setData(
        await accountApi.setEmailSettings({
          emailNotifications: values.emailNotifications,
          ...(email ? { email } : {}),
        }),
      );
      form.setFieldValue('email', '');
      message.success(t('ui.header.emailNotices.saved'));
    } catch (err) {
      const { unplaced } = applyServerErrors(form, err, pick);
      unplaced.forEach((e) => message.error(unplacedLine(e)));
    } finally {
      setSaving(false);
    }
  };

  const data = current.data;
  return (
    <Modal open title={t('ui.header.emailNotices.title')} footer={null} onCancel={onClose} destroyOnHidden>
      {!data ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {!data.mailConfigured && <Alert type="info" showIcon title={t('ui.header.emailNotices.notConfigured')} />}
          <Form
            form={form}
            layout="vertical"
            onFinish={save}
            requiredMark={false}
            initialValues={{ emailNotifications: data.emailNotifications }}
            data-testid="email-notices-form"
          >
            <Form.Item
              name="email"
              label={t('ui.header.emailNotices.address')}
              extra={
                data.emailMasked
                  ? t('ui.header.emailNotices.current', { email: data.emailMasked })
                  : t('ui.header.emailNotices.none')
              }
            >
              <Input type="email" autoComplete="email" maxLength={254} />
            </Form.Item>
            <Form.Item name="emailNotifications" label={t('ui.header.emailNotices.which')}>
              <Radio.Group>
                <Space direction="vertical">
                  {EMAIL_NOTIFICATION_MODES.map((mode) => (
                    <Radio key={mode} value={mode} disabled={mode !== 'off' && !data.mailConfigured}>
                      {t(`ui.header.emailNotices.modes.${mode}`)}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('ui.common.save')}
            </Button>
          </Form>
        </Space>
      )}
    </Modal>
  );
}
