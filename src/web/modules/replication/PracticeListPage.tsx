import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, type TableColumnsType, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  ADOPTION_STAGES,
  type AdoptionStage,
  PRACTICE_CATEGORIES,
  type PracticeCategory,
  SIDES,
  type Side,
} from '../../../common/api/enums.ts';
import type { PracticeListParams, PracticeSummary } from '../../../common/api/replication.ts';
import { useI18n } from '../../app/i18n.tsx';
import { SearchFilter, SelectFilter } from '../../app/list/FilterBar.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { DemoFilter, demoTitleColumn } from '../../shared/demo.tsx';
import { PairingFilter, YearFilter } from '../../shared/list-filters.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { PracticeFormDrawer } from './PracticeFormDrawer.tsx';
import { replicationApi } from './replication.api.ts';
import { ReplicationFiguresSection, StageTag } from './replication-display.tsx';

/** 复制推广: the practices of the user's pairings, with how far their adopting units have come and the pairing's figures. */
export function PracticeListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const query = useUrlQuery();
  const [creating, setCreating] = useState(false);
  const pairingId = query.get('pairingId');
  const year = query.get('year');

  const params: PracticeListParams = {
    programmeId: query.programmeId,
    pairingId,
    withSubPairs: query.get<'true' | 'false'>('withSubPairs'),
    category: query.get<PracticeCategory>('category'),
    sourceSide: query.get<Side>('sourceSide'),
    stage: query.get<AdoptionStage>('stage'),
    year: year ? Number(year) : undefined,
    q: query.get('q'),
    demo: query.get<'true' | 'false'>('demo'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => replicationApi.list(params, signal), [query.key]);

  const columns: TableColumnsType<PracticeSummary> = [
    demoTitleColumn(t('ui.replication.practiceTitle'), (row) => `/replication/${row.id}`),
    {
      title: t('ui.replication.category'),
      dataIndex: 'category',
      width: 110,
      render: (c: PracticeCategory) => t(`domain.practiceCategories.${c}`),
    },
    {
      title: t('ui.replication.sourceRegion'),
      key: 'source',
      width: 170,
      render: (_: unknown, row) => (
        <span>
          {row.sourceRegionName}
          <Typography.Text type="secondary">（{t(`domain.sides.${row.sourceSide}`)}）</Typography.Text>
        </span>
      ),
    },
    { title: t('ui.replication.pairing'), dataIndex: 'pairingName', width: 150 },
    {
      title: t('ui.replication.adoptionCount'),
      dataIndex: 'adoptionCount',
      width: 110,
      align: 'right',
    },
    {
      title: t('ui.replication.furthestStage'),
      dataIndex: 'furthestStage',
      width: 110,
      render: (s: AdoptionStage | null) =>
        s ? (
          <StageTag stage={s} />
        ) : (
          <Typography.Text type="secondary">{t('ui.replication.notAdopted')}</Typography.Text>
        ),
    },
    { title: t('ui.replication.registeredOn'), dataIndex: 'registeredOn', width: 110 },
  ];

  return (
    <ListPage<PracticeSummary>
      title="ui.replication.title"
      list={list}
      export={{
        file: () => replicationApi.exportList(params),
        label: t('ui.replication.export.button'),
        done: t('ui.replication.export.done'),
        testId: 'list-export',
      }}
      actions={
        can('replication.manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="practice-create"
          >
            {t('ui.replication.create')}
          </Button>
        )
      }
      filters={
        <>
          <SearchFilter query={query} placeholder={t('ui.replication.searchPlaceholder')} />
          <PairingFilter
            query={query}
            placeholder={t('ui.replication.pairing')}
            width={200}
            testId="practice-filter-pairing"
          />
          <SelectFilter
            query={query}
            name="category"
            placeholder={t('ui.replication.category')}
            options={PRACTICE_CATEGORIES.map((c) => ({ value: c, label: t(`domain.practiceCategories.${c}`) }))}
            width={130}
          />
          <SelectFilter
            query={query}
            name="sourceSide"
            placeholder={t('ui.replication.sourceSide')}
            options={SIDES.map((s) => ({ value: s, label: t(`domain.sides.${s}`) }))}
            width={140}
          />
          <SelectFilter
            query={query}
            name="stage"
            placeholder={t('ui.replication.filterStage')}
            options={ADOPTION_STAGES.map((s) => ({ value: s, label: t(`domain.adoptionStages.${s}`) }))}
            width={120}
            testId="practice-filter-stage"
          />
          <YearFilter query={query} placeholder={t('ui.replication.filterYear')} />
          <DemoFilter query={query} />
        </>
      }
      query={query}
      columns={columns}
      emptyText={t('ui.replication.empty')}
      rowLink={(row) => `/replication/${row.id}`}
      rowData={(row) => ({ 'data-testid': 'practice-row', 'data-id': row.id, 'data-demo': String(row.isDemo) })}
    >
      {pairingId && <ReplicationFiguresSection pairingId={pairingId} />}
      {creating && (
        <PracticeFormDrawer
          pairingId={pairingId}
          onClose={() => setCreating(false)}
          onSaved={(p) => navigate(`/replication/${p.id}`)}
        />
      )}
    </ListPage>
  );
}
