import { useState } from 'react';
import { Button, Form, Input, Modal } from 'antd';
import type { ChangePasswordBody } from '../../../common/api/auth.ts';
import { authApi } from '../../modules/auth/auth.api.ts';
import { applyServerErrors, unplacedLine } from '../form-errors.ts';
import { useI18n } from '../i18n.tsx';
import { useMe, useSession } from '../session.tsx';
import { PasswordRules } from '../../shared/PasswordRules.tsx';
import { useMessage } from '../feedback.tsx';

interface Values extends ChangePasswordBody {
  confirm: string;
}

/** The user's own password change; the session is read again afterwards (a reset's pending step is then done). */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t, pick } = useI18n();
  const me = useMe();
  const { refresh } = useSession();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const newPassword = Form.useWatch('newPassword', form) ?? '';

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await authApi.changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      message.success(t('ui.auth.passwordChanged'));
      form.resetFields();
      await refresh();
      onDone();
    } catch (err) {
      const { unplaced } = applyServerErrors(form, err, pick);
      unplaced.forEach((e) => message.error(unplacedLine(e)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="change-password-form">
      <Form.Item
        name="currentPassword"
        label={t('ui.auth.currentPassword')}
        rules={[{ required: true, message: t('errors.field.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('ui.auth.newPassword')}
        rules={[{ required: true, message: t('errors.field.required') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <PasswordRules policy={me.passwordPolicy} password={newPassword} username={me.user.username} />
      <Form.Item
        name="confirm"
        label={t('ui.auth.passwordConfirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('errors.field.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('ui.auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="change-password-submit">
        {t('ui.common.save')}
      </Button>
    </Form>
  );
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('ui.auth.changePasswordTitle')} footer={null} onCancel={onClose} destroyOnHidden>
      <ChangePasswordForm onDone={onClose} />
    </Modal>
  );
}
