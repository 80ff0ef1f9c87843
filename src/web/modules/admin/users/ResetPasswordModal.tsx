import { useState } from 'react';
import { Form, Input } from 'antd';
import { isApiError } from '../../../app/api-client.ts';
import type { UserItem } from '../../../../common/api/users.ts';
import { applyServerErrors, unplacedLine } from '../../../app/form-errors.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { useMe } from '../../../app/session.tsx';
import { PasswordRules } from '../../../shared/PasswordRules.tsx';
import { usersApi } from './users.api.ts';
import { useMessage } from '../../../app/feedback.tsx';
import { FormModal } from '../../../shared/FormModal.tsx';

export function ResetPasswordModal({ user, onClose }: { user: UserItem; onClose: () => void }) {
  const { t, pick } = useI18n();
  const me = useMe();
  const message = useMessage();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const password = Form.useWatch('password', form) ?? '';

  const submit = async ({ password }: { password: string }) => {
    setSaving(true);
    try {
      await usersApi.resetPassword(user.id, password);
      message.success(t('ui.users.resetPasswordDone'));
      onClose();
    } catch (err) {
      const { placed, unplaced } = applyServerErrors(form, err, pick);
      if (!placed) message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
      unplaced.forEach((e) => message.error(unplacedLine(e)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal
      title={t('ui.users.resetPasswordTitle', { name: user.displayName })}
      okText={t('ui.common.save')}
      okTestId="password-reset-save"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="password"
          label={t('ui.users.newPassword')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordRules policy={me.passwordPolicy} password={password} username={user.username} />
      </Form>
    </FormModal>
  );
}
