import { useState } from 'react';
import { Button, Card, Input, Space, Modal, Tag, type TableColumnsType } from 'antd';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES } from '../../../../common/access/roles.ts';
import { isApiError } from '../../../app/api-client.ts';
import type { UserItem, UserListParams } from '../../../../common/api/users.ts';
import { ErrorResult } from '../../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../../app/i18n.tsx';
import { useMe, useSession } from '../../../app/session.tsx';
import { useApi } from '../../../app/use-api.ts';
import { ACTIVE_OPTIONS, FilterBar, SearchFilter, SelectFilter } from '../../../app/list/FilterBar.tsx';
import { ListTable } from '../../../app/list/ListTable.tsx';
import { useUrlQuery } from '../../../app/list/use-url-query.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { FirstRunChecklist } from '../../workbench/FirstRunChecklist.tsx';
import { usersApi } from './users.api.ts';
import { useMessage } from '../../../app/feedback.tsx';

export function UsersPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.users.title');
  const me = useMe();
  const { can } = useSession();
  const message = useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const query = useUrlQuery();
  const params: UserListParams = {
    q: query.get('q'),
    role: query.get<NonNullable<UserListParams['role']>>('role'),
    organisationId: query.get('organisationId'),
    active: query.get<NonNullable<UserListParams['active']>>('active'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const [editing, setEditing] = useState<UserItem | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserItem | null>(null);
  const { data, error, loading, reload } = useApi((signal) => usersApi.list(params, signal), [query.key]);
  const manage = can('user.manage');

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      reload();
    } catch (err) {
      message.error(
        isApiError(err)
          ? [pick(err), ...err.details.map((d) => pick(d))].join(t('ui.common.messageSeparator'))
          : t('ui.common.networkError'),
      );
    }
  };

  const toggle = (user: UserItem) =>
    modal.confirm({
      title: user.active ? t('ui.common.deactivate') : t('ui.common.activate'),
      content: t(user.active ? 'ui.users.deactivateConfirm' : 'ui.users.activateConfirm', { name: user.displayName }),
      okText: t('ui.common.confirm'),
      cancelText: t('ui.common.cancel'),
      okButtonProps: { danger: user.active },
      onOk: () =>
        run(() => usersApi.update(user.id, { version: user.version, active: !user.active }), t('ui.common.saved')),
    });

  const resetTotp = (user: UserItem) =>
    modal.confirm({
      title: t('ui.users.resetTotp'),
      content: t('ui.users.resetTotpConfirm', { name: user.displayName }),
      okText: t('ui.common.confirm'),
      cancelText: t('ui.common.cancel'),
      okButtonProps: { danger: true },
      onOk: () => run(() => usersApi.resetTotp(user.id), t('ui.users.totpReset')),
    });

  /** The full address, after the administrator says why; the server records who asked, for whom and why. */
  const revealEmail = (user: UserItem) => {
    let reason = '';
    modal.confirm({
      title: t('ui.users.revealEmail'),
      content: (
        <Input
          placeholder={t('ui.users.revealReason')}
          maxLength={200}
          onChange={(e) => (reason = e.target.value)}
          data-testid="reveal-reason"
        />
      ),
      okText: t('ui.common.confirm'),
      cancelText: t('ui.common.cancel'),
      onOk: async () => {
        const { email } = await usersApi.revealEmail(user.id, reason.trim());
        modal.info({ title: user.displayName, content: email ?? '—' });
      },
    });
  };

  const columns: TableColumnsType<UserItem> = [
    { title: t('ui.users.username'), dataIndex: 'username' },
    { title: t('ui.users.displayName'), dataIndex: 'displayName' },
    { title: t('ui.users.organisation'), dataIndex: 'organisationName', ellipsis: true },
    {
      title: t('ui.users.email'),
      dataIndex: 'emailMasked',
      render: (masked: string | null, user) =>
        masked && (
          <Space size={0}>
            {masked}
            <Button type="link" size="small" onClick={() => revealEmail(user)}>
              {t('ui.users.revealEmail')}
            </Button>
          </Space>
        ),
    },
    {
      title: t('ui.users.roles'),
      dataIndex: 'roles',
      render: (roles: UserItem['roles']) => roles.map((role) => <Tag key={role}>{t(`domain.roles.${role}`)}</Tag>),
    },
    {
      title: t('ui.common.status'),
      key: 'status',
      width: 140,
      render: (_: unknown, user) => (
        <Space size={4} wrap>
          {user.active ? <Tag color="green">{t('ui.common.active')}</Tag> : <Tag>{t('ui.common.inactive')}</Tag>}
          {user.locked && (
            <Tag color="red" icon={<LockOutlined />}>
              {t('ui.users.locked')}
            </Tag>
          )}
          {user.totpEnabled && <Tag color="blue">{t('ui.users.totpOn')}</Tag>}
          {user.mustChangePassword && <Tag color="orange">{t('ui.users.mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('ui.users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) => (v ? formatDateTime(v) : t('ui.users.never')),
    },
    ...(manage
      ? [
          {
            title: t('ui.common.actions'),
            key: 'actions',
            width: 240,
            render: (_: unknown, user: UserItem) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(user)}>
                  {t('ui.common.edit')}
                </Button>
                {/* One's own account is changed from the account menu, never here (三员: the server refuses it too). */}
                {user.id !== me.user.id && (
                  <Button type="link" size="small" onClick={() => setResetting(user)}>
                    {t('ui.users.resetPassword')}
                  </Button>
                )}
                {user.totpEnabled && user.id !== me.user.id && (
                  <Button type="link" size="small" onClick={() => resetTotp(user)} data-testid="user-reset-totp">
                    {t('ui.users.resetTotp')}
                  </Button>
                )}
                {user.locked && can('user.unlock') && user.id !== me.user.id && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => run(() => usersApi.unlock(user.id), t('ui.users.unlocked'))}
                  >
                    {t('ui.users.unlock')}
                  </Button>
                )}
                {user.id !== me.user.id && (
                  <Button type="link" size="small" danger={user.active} onClick={() => toggle(user)}>
                    {user.active ? t('ui.common.deactivate') : t('ui.common.activate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  if (error) return <ErrorResult error={error} onRetry={reload} />;

  return (
    <>
      {can('organisation.manage') && <FirstRunChecklist refreshKey={data?.total} />}
      <Card
        title={t('ui.users.title')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
              {t('ui.users.new')}
            </Button>
          )
        }
      >
        {modalHolder}
        <FilterBar>
          <SearchFilter query={query} placeholder={t('ui.users.searchPlaceholder')} width={240} />
          <SelectFilter
            query={query}
            name="role"
            placeholder={t('ui.users.filterRole')}
            width={180}
            options={ROLES.map((role) => ({ value: role, label: t(`domain.roles.${role}`) }))}
          />
          <OrganisationSelect
            allowClear
            placeholder={t('ui.users.filterOrganisation')}
            style={{ width: 240 }}
            value={params.organisationId}
            onChange={(organisationId) => query.update({ organisationId })}
          />
          <SelectFilter
            query={query}
            name="active"
            placeholder={t('ui.common.status')}
            width={120}
            options={ACTIVE_OPTIONS.map((v) => ({
              value: v,
              label: t(v === 'true' ? 'ui.common.active' : 'ui.common.inactive'),
            }))}
          />
        </FilterBar>
        <ListTable<UserItem>
          query={query}
          columns={columns}
          data={data}
          loading={loading}
          rowData={() => ({ 'data-testid': 'user-row' })}
          scrollX={1100}
        />
        {editing && (
          <UserFormModal
            user={editing === 'new' ? undefined : editing}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              reload();
            }}
          />
        )}
        {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      </Card>
    </>
  );
}
