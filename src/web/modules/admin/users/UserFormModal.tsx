import { useState } from 'react';
import { Alert, Form, Input, Select } from 'antd';
import { ADMIN_ROLES, ROLES } from '../../../../common/access/roles.ts';
import type { UserItem } from '../../../../common/api/users.ts';
import { formFailure } from '../../../app/form-errors.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { useMe, useSession } from '../../../app/session.tsx';
import { PasswordRules } from '../../../shared/PasswordRules.tsx';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import { usersApi } from './users.api.ts';
import { useMessage } from '../../../app/feedback.tsx';
import { FormModal } from '../../../shared/FormModal.tsx';

interface Values {
  username: string;
  displayName: string;
  organisationId: string;
  roles: UserItem['roles'];
  password: string;
  email?: string;
}

export function UserFormModal({
  user,
  onClose,
  onSaved,
}: {
  user?: UserItem;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const me = useMe();
  const { can } = useSession();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const password = Form.useWatch('password', form) ?? '';
  const username = Form.useWatch('username', form) ?? user?.username ?? '';
  const mayGrantAdmin = can('user.manageAdminRoles');

  const submit = async (values: Values) => {
    setSaving(true);
    setBanner(null);
    try {
      if (user) {
        await usersApi.update(user.id, {
          version: user.version,
          displayName: values.displayName?.trim() ?? '',
          organisationId: values.organisationId,
          roles: values.roles ?? [],
          // Left empty, the address on file stays.
          ...(values.email?.trim() ? { email: values.email.trim() } : {}),
        });
      } else {
        await usersApi.create({
          username: values.username?.trim() ?? '',
          displayName: values.displayName?.trim() ?? '',
          organisationId: values.organisationId || (undefined as unknown as string),
          roles: values.roles ?? [],
          password: values.password ?? '',
          ...(values.email?.trim() ? { email: values.email.trim() } : {}),
        });
      }
      message.success(t(user ? 'ui.common.saved' : 'ui.common.created'));
      onSaved();
    } catch (err) {
      setBanner(formFailure(form, err, { t, pick }));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <FormModal
      width={560}
      title={t(user ? 'ui.users.editTitle' : 'ui.users.createTitle')}
      okText={t('ui.common.save')}
      okTestId="user-save"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="user-form"
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                organisationId: user.organisationId,
                roles: user.roles,
              }
            : { roles: [] }
        }
      >
        <Form.Item
          name="username"
          label={t('ui.users.username')}
          extra={user ? undefined : t('ui.auth.usernameHint')}
          rules={user ? [] : required}
        >
          <Input disabled={!!user} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('ui.users.displayName')} rules={required}>
          <Input maxLength={100} data-testid="user-displayName" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('ui.users.email')}
          extra={user?.emailMasked ? t('ui.header.emailNotices.current', { email: user.emailMasked }) : undefined}
        >
          <Input type="email" maxLength={254} data-testid="user-email" />
        </Form.Item>
        <Form.Item name="organisationId" label={t('ui.users.organisation')} rules={required}>
          <OrganisationSelect initial={user ? { id: user.organisationId, name: user.organisationName } : undefined} />
        </Form.Item>
        <Form.Item name="roles" label={t('ui.users.roles')} rules={required}>
          <Select
            mode="multiple"
            data-testid="user-roles"
            options={ROLES.map((role) => ({
              value: role,
              label: t(`domain.roles.${role}`),
              disabled: ADMIN_ROLES.includes(role) && !mayGrantAdmin,
            }))}
          />
        </Form.Item>
        {!user && (
          <>
            <Form.Item name="password" label={t('ui.users.initialPassword')} rules={required}>
              <Input.Password autoComplete="new-password" data-testid="user-password" />
            </Form.Item>
            <PasswordRules policy={me.passwordPolicy} password={password} username={username} />
          </>
        )}
      </Form>
    </FormModal>
  );
}
