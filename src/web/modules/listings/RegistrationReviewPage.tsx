import { Button, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Registration } from '../../../common/api/listings.ts';
import { isApiError } from '../../app/api-client.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { registrationsApi } from './registrations.api.ts';
import { ReasonModal } from '../../shared/ReasonModal.tsx';

/** A pairing office's queue of self-registrations of its regions (either side): approve, or refuse with a reason. */
export function RegistrationReviewPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.listings.registrations');
  const message = useMessage();
  const list = useApi((signal) => registrationsApi.list(signal), []);
  const [refusing, setRefusing] = useState<Registration | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const approve = async (r: Registration) => {
    setBusy(r.id);
    try {
      await registrationsApi.decide(r.id, { decision: 'approve' });
      message.success(t('ui.listings.registrationApproved'));
      list.reload();
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<Registration> = [
    { title: t('ui.listings.orgName'), dataIndex: 'organisationName' },
    {
      title: t('ui.listings.orgKind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: Registration['kind']) => t(`domain.organisationKinds.${k}`),
    },
    { title: t('ui.listings.creditCode'), dataIndex: 'creditCode', width: 190 },
    { title: t('ui.listings.region'), dataIndex: 'regionName', width: 120 },
    { title: t('ui.listings.industry'), dataIndex: 'industryDivision', width: 90 },
    { title: t('ui.listings.contactName'), dataIndex: 'contactName', width: 100 },
    {
      title: t('ui.listings.submittedAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('ui.listings.state'),
      key: 'state',
      width: 200,
      render: (_: unknown, r) =>
        r.state === 'pending' ? (
          <Space>
            <Button
              size="small"
              type="primary"
              loading={busy === r.id}
              onClick={() => approve(r)}
              data-testid="registration-approve"
            >
              {t('ui.listings.approve')}
            </Button>
            <Button size="small" danger onClick={() => setRefusing(r)} data-testid="registration-refuse">
              {t('ui.listings.refuse')}
            </Button>
          </Space>
        ) : (
          <span data-testid="registration-state">
            {t(`domain.registrationStates.${r.state}`)}
            {r.reason ? `（${r.reason}）` : ''}
          </span>
        ),
    },
  ];

  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  return (
    <Panel title={t('ui.listings.registrations')}>
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('ui.listings.registrationsEmpty') }}
        data-testid="registrations-table"
      />
      {refusing && (
        <RefuseModal
          registration={refusing}
          onClose={() => setRefusing(null)}
          onDone={() => {
            setRefusing(null);
            message.success(t('ui.listings.registrationRefused'));
            list.reload();
          }}
        />
      )}
    </Panel>
  );
}

function RefuseModal({
  registration,
  onClose,
  onDone,
}: {
  registration: Registration;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  return (
    <ReasonModal
      title={`${t('ui.listings.refuseTitle')}：${registration.organisationName}`}
      reasonLabel={t('ui.listings.reason')}
      testId="refuse"
      submit={async (reason) => {
        await registrationsApi.decide(registration.id, { decision: 'refuse', reason });
        onDone();
      }}
      onClose={onClose}
    />
  );
}
