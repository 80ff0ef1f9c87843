import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { RoundSummary } from '../../../common/api/evaluations.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { RoundStateTag } from './evaluation-display.tsx';
import { evaluationsApi } from './evaluations.api.ts';
import { RoundFormDrawer } from './RoundFormDrawer.tsx';

/** 成效评估 rounds the user takes part in (the national office: all), latest year first. */
export function EvaluationListPage() {
  const { t } = useI18n();
  usePageTitle('ui.evaluations.title');
  const { can } = useSession();
  const navigate = useNavigate();
  const list = useApi((signal) => evaluationsApi.list(signal), []);
  const [opening, setOpening] = useState(false);
  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  const columns: TableColumnsType<RoundSummary> = [
    {
      title: t('ui.evaluations.roundTitle'),
      dataIndex: 'title',
      render: (title: string, r) => <Link to={`/evaluations/${r.id}`}>{title}</Link>,
    },
    { title: t('ui.evaluations.year'), dataIndex: 'year', width: 80 },
    {
      title: t('ui.evaluations.state'),
      dataIndex: 'state',
      width: 130,
      render: (s: RoundSummary['state']) => <RoundStateTag state={s} />,
    },
    { title: t('ui.evaluations.selfDeadline'), dataIndex: 'selfDeadline', width: 130 },
    {
      title: t('ui.evaluations.submittedCount'),
      key: 'submitted',
      width: 140,
      align: 'right',
      render: (_: unknown, r) => `${r.submittedCount} / ${r.subjectCount}`,
    },
  ];
  return (
    <Card
      title={t('ui.evaluations.title')}
      extra={
        can('evaluation.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="round-open">
            {t('ui.evaluations.open')}
          </Button>
        )
      }
    >
      <Table<RoundSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('ui.evaluations.empty') }}
        onRow={(r) => ({ 'data-testid': 'round-row', 'data-id': r.id }) as object}
      />
      {opening && (
        <RoundFormDrawer onClose={() => setOpening(false)} onSaved={(r) => navigate(`/evaluations/${r.id}`)} />
      )}
    </Card>
  );
}
