import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Space, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  CYCLE_STATUSES,
  REPORT_FREQUENCIES,
  type CycleStatus,
  type ReportFrequency,
} from '../../../common/api/enums.ts';
import type { CycleListParams, CycleSummary } from '../../../common/api/reporting.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { SelectFilter } from '../../app/list/FilterBar.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { PairingFilter } from '../../shared/list-filters.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { reportingApi } from './reporting.api.ts';
import { CycleProgress, CycleStatusTag, DueText, cycleLabel } from './reporting-display.tsx';
import { CycleCreateModal } from './CycleCreateModal.tsx';

/** 进展调度: the reporting periods of the user's pairings, newest first; offices open new ones here. */
export function CycleListPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const query = useUrlQuery();
  const [creating, setCreating] = useState(false);
  const thisYear = new Date().getFullYear();

  const params: CycleListParams = {
    programmeId: query.programmeId,
    pairingId: query.get('pairingId'),
    status: query.get<CycleStatus>('status'),
    frequency: query.get<ReportFrequency>('frequency'),
    year: query.get('year') ? Number(query.get('year')) : undefined,
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => reportingApi.cycles(params, signal), [query.key]);

  const columns: TableColumnsType<CycleSummary> = [
    {
      title: t('ui.reporting.periodLabel'),
      dataIndex: 'periodLabel',
      render: (_: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/reporting/cycles/${row.id}`} onClick={(e) => e.stopPropagation()} data-testid="cycle-link">
            {cycleLabel(row, locale)}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`ui.reporting.frequencies.${row.frequency}`)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('ui.reporting.pairing'), dataIndex: 'pairingName', width: 180 },
    {
      title: t('ui.reporting.dueOn'),
      dataIndex: 'dueOn',
      width: 200,
      render: (dueOn: string, row) => (
        <DueText dueOn={dueOn} daysLeft={row.status === 'open' && row.daysOverdue > 0 ? -row.daysOverdue : null} />
      ),
    },
    {
      title: t('ui.reporting.progress'),
      key: 'progress',
      width: 300,
      render: (_: unknown, row) => <CycleProgress cycle={row} />,
    },
    {
      title: t('ui.reporting.status'),
      dataIndex: 'status',
      width: 140,
      render: (status: CycleStatus) => <CycleStatusTag status={status} />,
    },
  ];

  return (
    <ListPage<CycleSummary>
      title="ui.reporting.cyclesTitle"
      list={list}
      export={{ file: () => reportingApi.exportCycles(params), testId: 'list-export' }}
      actions={
        can('cycle.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cycle-new">
            {t('ui.reporting.newCycle')}
          </Button>
        )
      }
      filters={
        <>
          <PairingFilter query={query} placeholder={t('ui.reporting.filterPairing')} testId="filter-pairing" />
          <SelectFilter
            query={query}
            name="frequency"
            placeholder={t('ui.reporting.filterFrequency')}
            options={REPORT_FREQUENCIES.map((f) => ({ value: f, label: t(`ui.reporting.frequencies.${f}`) }))}
          />
          <SelectFilter
            query={query}
            name="year"
            placeholder={t('ui.reporting.filterYear')}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => ({
              value: String(y),
              label: String(y),
            }))}
            width={110}
          />
          <SelectFilter
            query={query}
            name="status"
            placeholder={t('ui.reporting.filterStatus')}
            options={CYCLE_STATUSES.map((s) => ({ value: s, label: t(`ui.reporting.cycleStatuses.${s}`) }))}
          />
        </>
      }
      query={query}
      columns={columns}
      emptyText={t('ui.reporting.cyclesEmpty')}
      rowLink={(row) => `/reporting/cycles/${row.id}`}
      rowData={(row) => ({ 'data-testid': 'cycle-row', 'data-id': row.id, 'data-status': row.status })}
    >
      {creating && (
        <CycleCreateModal
          pairingId={params.pairingId}
          onClose={() => setCreating(false)}
          onCreated={(cycle) => navigate(`/reporting/cycles/${cycle.id}`)}
        />
      )}
    </ListPage>
  );
}
