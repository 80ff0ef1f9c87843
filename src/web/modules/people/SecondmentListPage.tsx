import { useState } from 'react';
import { Alert, Button, Card, Space, type TableColumnsType } from 'antd';
import { EyeOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type ProtectedField,
  SECONDMENT_DIRECTIONS,
  SECONDMENT_RANKS,
  SECONDMENT_STATUSES,
  type SecondmentDirection,
  type SecondmentRank,
  type SecondmentStatus,
} from '../../../common/api/enums.ts';
import type { SecondmentListParams, SecondmentSummary } from '../../../common/api/people.ts';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { DemoTag } from '../../shared/demo.tsx';
import { PairingListFilters } from '../../shared/list-filters.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { PeopleFiguresCard, SecondmentStatusTag } from './people-display.tsx';
import { peopleApi } from './people.api.ts';
import { RevealModal } from './RevealModal.tsx';
import { RosterImportModal } from './RosterImportModal.tsx';

/**
 * 干部挂职: the pairing offices and 组织部 see the cadres of their pairings with identity and mobile numbers masked
 * (a full number is shown on request, with a reason, and audited); every other role sees the counts only.
 */
export function SecondmentListPage() {
  const { can } = useSession();
  return can('cadre.readNames') ? <SecondmentList /> : <CountsOnly />;
}

function CountsOnly() {
  const { t } = useI18n();
  usePageTitle('ui.people.secondments.title');
  return (
    <Card title={t('ui.people.secondments.title')}>
      <Alert type="info" showIcon title={t('ui.people.secondments.countsOnly')} data-testid="counts-only" />
      <PeopleFiguresCard />
    </Card>
  );
}

function SecondmentList() {
  const { t } = useI18n();
  const { can } = useSession();
  const query = useUrlQuery();
  const [importing, setImporting] = useState(false);
  const [revealing, setRevealing] = useState<{ cadre: SecondmentSummary; field: ProtectedField } | null>(null);
  const year = query.get('year');
  const filters = {
    programmeId: query.programmeId,
    pairingId: query.get('pairingId'),
    direction: query.get<SecondmentDirection>('direction'),
    rank: query.get<SecondmentRank>('rank'),
    status: query.get<SecondmentStatus>('status'),
    year: year ? Number(year) : undefined,
    q: query.get('q'),
    demo: query.get<'true' | 'false'>('demo'),
  };
  const params: SecondmentListParams = { ...filters, page: query.page, pageSize: query.pageSize };
  const list = useApi((signal) => peopleApi.secondments(params, signal), [query.key]);
  const masked = (row: SecondmentSummary, field: ProtectedField) => {
    const value = field === 'idNumber' ? row.idNumber : row.mobile;
    if (!value) return '—';
    return (
      <Space size={4}>
        <span data-testid={`masked-${field}`}>{value}</span>
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          onClick={(e) => {
            e.stopPropagation();
            setRevealing({ cadre: row, field });
          }}
          data-testid={`reveal-${field}`}
        >
          {t('ui.people.secondments.reveal')}
        </Button>
      </Space>
    );
  };

  const columns: TableColumnsType<SecondmentSummary> = [
    {
      title: t('ui.people.fields.name'),
      dataIndex: 'name',
      width: 110,
      render: (name: string, row) => (
        <Space size={4}>
          {name}
          <DemoTag isDemo={row.isDemo} />
        </Space>
      ),
    },
    {
      title: t('ui.people.fields.gender'),
      dataIndex: 'gender',
      width: 60,
      render: (g: SecondmentSummary['gender']) => t(`ui.people.genders.${g}`),
    },
    {
      title: t('ui.people.fields.idNumber'),
      key: 'idNumber',
      width: 250,
      render: (_: unknown, row) => masked(row, 'idNumber'),
    },
    {
      title: t('ui.people.fields.mobile'),
      key: 'mobile',
      width: 190,
      render: (_: unknown, row) => masked(row, 'mobile'),
    },
    {
      title: t('ui.people.fields.direction'),
      dataIndex: 'direction',
      width: 110,
      render: (d: SecondmentDirection) => t(`ui.people.directions.${d}`),
    },
    {
      title: t('ui.people.fields.homeUnit'),
      key: 'home',
      render: (_: unknown, row) => `${row.homeUnit} ${row.homePost}`,
    },
    {
      title: t('ui.people.fields.hostUnit'),
      key: 'host',
      render: (_: unknown, row) => `${row.hostUnit} ${row.hostPost}`,
    },
    {
      title: t('ui.people.fields.rank'),
      dataIndex: 'rank',
      width: 110,
      render: (r: SecondmentRank) => t(`ui.people.ranks.${r}`),
    },
    { title: t('ui.people.fields.batch'), dataIndex: 'batch', width: 120 },
    {
      title: t('ui.people.fields.dates'),
      key: 'dates',
      width: 200,
      render: (_: unknown, row) => `${row.startsOn} — ${row.endsOn}`,
    },
    {
      title: t('ui.people.fields.status'),
      dataIndex: 'status',
      width: 80,
      render: (s: SecondmentStatus) => <SecondmentStatusTag status={s} />,
    },
    { title: t('ui.people.fields.pairing'), dataIndex: 'pairingName', width: 150 },
  ];

  return (
    <ListPage<SecondmentSummary>
      title="ui.people.secondments.title"
      list={list}
      notice={
        <Alert type="warning" showIcon title={t('ui.people.secondments.exportNote')} style={{ marginBottom: 12 }} />
      }
      export={{
        file: () => peopleApi.exportRoster(filters),
        label: t('ui.people.export'),
        done: t('ui.people.exported'),
        testId: 'roster-export',
      }}
      actions={
        can('cadre.manage') && (
          <Button
            type="primary"
            icon={<UploadOutlined />}
            onClick={() => setImporting(true)}
            data-testid="roster-import"
          >
            {t('ui.people.secondments.import')}
          </Button>
        )
      }
      filters={
        <PairingListFilters
          query={query}
          search={t('ui.people.secondments.search')}
          pairing={{ placeholder: t('ui.people.fields.pairing') }}
          choices={[
            {
              name: 'direction',
              placeholder: t('ui.people.fields.direction'),
              values: SECONDMENT_DIRECTIONS,
              label: (d) => t(`ui.people.directions.${d as SecondmentDirection}`),
            },
            {
              name: 'rank',
              placeholder: t('ui.people.fields.rank'),
              values: SECONDMENT_RANKS,
              label: (r) => t(`ui.people.ranks.${r as SecondmentRank}`),
            },
            {
              name: 'status',
              placeholder: t('ui.people.fields.status'),
              values: SECONDMENT_STATUSES,
              label: (s) => t(`ui.people.statuses.${s as SecondmentStatus}`),
              width: 110,
            },
          ]}
          year={{ placeholder: t('ui.people.fields.year'), years: 10, width: 100 }}
        />
      }
      query={query}
      columns={columns}
      rowData={(row) => ({ 'data-testid': 'secondment-row', 'data-id': row.id, 'data-demo': String(row.isDemo) })}
    >
      <PeopleFiguresCard pairingId={filters.pairingId} />
      {importing && <RosterImportModal onClose={() => setImporting(false)} onImported={list.reload} />}
      {revealing && <RevealModal cadre={revealing.cadre} field={revealing.field} onClose={() => setRevealing(null)} />}
    </ListPage>
  );
}
