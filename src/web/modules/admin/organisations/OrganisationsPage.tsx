import { useState } from 'react';
import { Button, Space, Modal, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ORGANISATION_KINDS } from '../../../../common/access/roles.ts';
import type { OrganisationItem, OrganisationListParams } from '../../../../common/api/organisations.ts';
import { isApiError } from '../../../app/api-client.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { useApi } from '../../../app/use-api.ts';
import { ACTIVE_OPTIONS, SearchFilter, SelectFilter } from '../../../app/list/FilterBar.tsx';
import { useUrlQuery } from '../../../app/list/use-url-query.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { ListPage } from '../../../shared/ListPage.tsx';
import { organisationsApi } from './organisations.api.ts';
import { OrganisationFormModal } from './OrganisationFormModal.tsx';
import { useMessage } from '../../../app/feedback.tsx';

export function OrganisationsPage() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const message = useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const query = useUrlQuery();
  const params: OrganisationListParams = {
    q: query.get('q'),
    kind: query.get<NonNullable<OrganisationListParams['kind']>>('kind'),
    active: query.get<NonNullable<OrganisationListParams['active']>>('active'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const [editing, setEditing] = useState<OrganisationItem | 'new' | null>(null);
  const list = useApi((signal) => organisationsApi.list(params, signal), [query.key]);
  const manage = can('organisation.manage');

  const toggle = (org: OrganisationItem) =>
    modal.confirm({
      title: org.active ? t('ui.common.deactivate') : t('ui.common.activate'),
      content: t(org.active ? 'ui.organisations.deactivateConfirm' : 'ui.organisations.activateConfirm', {
        name: org.name,
      }),
      okText: t('ui.common.confirm'),
      cancelText: t('ui.common.cancel'),
      okButtonProps: { danger: org.active },
      onOk: async () => {
        try {
          await organisationsApi.update(org.id, { version: org.version, active: !org.active });
          message.success(t(org.active ? 'ui.organisations.deactivated' : 'ui.organisations.activated'));
          list.reload();
        } catch (err) {
          message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
        }
      },
    });

  const columns: TableColumnsType<OrganisationItem> = [
    { title: t('ui.organisations.name'), dataIndex: 'name' },
    {
      title: t('ui.organisations.kind'),
      dataIndex: 'kind',
      width: 160,
      render: (kind: OrganisationItem['kind']) => t(`domain.organisationKinds.${kind}`),
    },
    {
      title: t('ui.organisations.region'),
      dataIndex: 'regionName',
      render: (name: string, org) => `${name} ${org.regionCode}`,
    },
    {
      title: t('ui.common.status'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean) =>
        active ? <Tag color="green">{t('ui.common.active')}</Tag> : <Tag>{t('ui.common.inactive')}</Tag>,
    },
    { title: t('ui.common.updatedAt'), dataIndex: 'updatedAt', width: 150, render: formatDateTime },
    ...(manage
      ? [
          {
            title: t('ui.common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, org: OrganisationItem) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(org)}>
                  {t('ui.common.edit')}
                </Button>
                <Button type="link" size="small" danger={org.active} onClick={() => toggle(org)}>
                  {org.active ? t('ui.common.deactivate') : t('ui.common.activate')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <ListPage<OrganisationItem>
      title="ui.organisations.title"
      list={list}
      actions={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="organisation-create"
          >
            {t('ui.organisations.new')}
          </Button>
        )
      }
      filters={
        <>
          <SearchFilter query={query} placeholder={t('ui.organisations.searchPlaceholder')} width={240} />
          <SelectFilter
            query={query}
            name="kind"
            placeholder={t('ui.organisations.kind')}
            width={180}
            options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`domain.organisationKinds.${kind}`) }))}
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
        </>
      }
      query={query}
      columns={columns}
      rowData={() => ({ 'data-testid': 'organisation-row' })}
      scrollX={900}
    >
      {modalHolder}
      {editing && (
        <OrganisationFormModal
          organisation={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </ListPage>
  );
}
