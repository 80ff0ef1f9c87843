import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import type { ChangePasswordBody } from '../../../common/api/auth.ts';
import { authApi } from '../../modules/auth/auth.api.ts';
import { applyServerErrors, unplacedLine } from '../form-errors.ts';
import { useI18n } from '../i18n.tsx';
import { useMe } from '../session.tsx';
import { PasswordRules } from '../../shared/PasswordRules.tsx';
import { useMessage } from '../feedback.tsx';

interface Values extends ChangePasswordBody {
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const me = useMe();
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
      onClose();
    } catch (err) {
      const { unplaced } = applyServerErrors(form, err, pick);
      unplaced.forEach((e) => message.error(unplacedLine(e)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('ui.auth.changePasswordTitle')}
      okText={t('ui.common.save')}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
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
      </Form>
    </Modal>
  );
}
