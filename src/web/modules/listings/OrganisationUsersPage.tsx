import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { OrganisationUserInput } from '../../../common/api/listings.ts';
import type { UserItem } from '../../../common/api/users.ts';
import { isApiError } from '../../app/api-client.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { Panel } from '../../shared/Panel.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { registrationsApi } from './registrations.api.ts';
import { FormModal } from '../../shared/FormModal.tsx';

/** An approved organisation's own accounts: its people add colleagues and disable those who left. */
export function OrganisationUsersPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.listings.orgUsers');
  const { me } = useSession();
  const message = useMessage();
  const list = useApi((signal) => registrationsApi.users({ page: 1, pageSize: 500 }, signal), []);
  const [inviting, setInviting] = useState(false);

  const toggle = async (u: UserItem) => {
    try {
      await registrationsApi.setActive(u.id, u.version, !u.active);
      list.reload();
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    }
  };

  const columns: TableColumnsType<UserItem> = [
    { title: t('ui.listings.username'), dataIndex: 'username' },
    { title: t('ui.listings.displayName'), dataIndex: 'displayName' },
    {
      title: t('ui.listings.accountState'),
      dataIndex: 'active',
      width: 100,
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>
          {t(active ? 'ui.listings.accountActive' : 'ui.listings.accountDisabled')}
        </Tag>
      ),
    },
    {
      title: t('ui.listings.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : '—'),
    },
    {
      key: 'action',
      width: 90,
      render: (_: unknown, u) =>
        u.id === me?.user.id ? null : (
          <Button
            size="small"
            danger={u.active}
            onClick={() => toggle(u)}
            data-testid={`org-user-toggle-${u.username}`}
          >
            {t(u.active ? 'ui.listings.disable' : 'ui.listings.enable')}
          </Button>
        ),
    },
  ];

  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  return (
    <Panel
      title={t('ui.listings.orgUsers')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setInviting(true)} data-testid="org-user-invite">
          {t('ui.listings.invite')}
        </Button>
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('ui.listings.orgUsersEmpty') }}
        data-testid="org-users-table"
      />
      {inviting && (
        <InviteModal
          onClose={() => setInviting(false)}
          onDone={() => {
            setInviting(false);
            message.success(t('ui.listings.invited'));
            list.reload();
          }}
        />
      )}
    </Panel>
  );
}

function InviteModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<OrganisationUserInput>();
  const { saving, banner, run } = useServerForm(form);
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <FormModal
      title={t('ui.listings.inviteTitle')}
      okTestId="invite-confirm"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          run(async () => {
            await registrationsApi.invite(v);
            onDone();
          })
        }
      >
        <Form.Item
          name="username"
          label={t('ui.listings.username')}
          extra={t('ui.listings.usernameHint')}
          rules={required}
        >
          <Input maxLength={50} data-testid="invite-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('ui.listings.displayName')} rules={required}>
          <Input maxLength={50} data-testid="invite-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('ui.listings.password')}
          extra={t('ui.listings.invitePasswordHint')}
          rules={required}
        >
          <Input.Password maxLength={200} autoComplete="new-password" data-testid="invite-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
