import { useState } from 'react';
import { Button, Card, List, Space, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TrainingDetail, TrainingListParams, TrainingSummary } from '../../../common/api/people.ts';
import type { Side } from '../../../common/api/enums.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { DemoTag } from '../../shared/demo.tsx';
import { PairingListFilters } from '../../shared/list-filters.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { TargetProgressText } from './people-display.tsx';
import { peopleApi } from './people.api.ts';
import { TrainingFormDrawer } from './TrainingFormDrawer.tsx';

/** 培训班 of the user's pairings with trainees by category and side, and the yearly targets they count toward. */
export function TrainingListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const query = useUrlQuery();
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState<TrainingDetail | null>(null);
  const year = query.get('year');
  const filters = {
    programmeId: query.programmeId,
    pairingId: query.get('pairingId'),
    hostSide: query.get<Side>('hostSide'),
    year: year ? Number(year) : undefined,
    q: query.get('q'),
    demo: query.get<'true' | 'false'>('demo'),
  };
  const params: TrainingListParams = { ...filters, page: query.page, pageSize: query.pageSize };
  const list = useApi((signal) => peopleApi.trainings(params, signal), [query.key, saved?.id]);
  const progress = useApi(
    (signal) =>
      filters.pairingId ? peopleApi.progress(filters.pairingId, filters.year, signal) : Promise.resolve({ items: [] }),
    [filters.pairingId, filters.year, saved?.id],
  );
  const columns: TableColumnsType<TrainingSummary> = [
    {
      title: t('ui.people.fields.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Space size={4}>
          {title}
          <DemoTag isDemo={row.isDemo} />
        </Space>
      ),
    },
    { title: t('ui.people.fields.organiser'), dataIndex: 'organiser', width: 180 },
    {
      title: t('ui.people.fields.hostSide'),
      dataIndex: 'hostSide',
      width: 120,
      render: (s: Side) => t(`domain.sides.${s}`),
    },
    {
      title: t('ui.people.fields.dates'),
      key: 'dates',
      width: 200,
      render: (_: unknown, r) => `${r.startsOn} — ${r.endsOn}`,
    },
    {
      title: t('ui.people.categories.officials'),
      key: 'o',
      width: 90,
      align: 'right',
      render: (_: unknown, r) => r.trainees.officials,
    },
    {
      title: t('ui.people.categories.managers'),
      key: 'm',
      width: 90,
      align: 'right',
      render: (_: unknown, r) => r.trainees.managers,
    },
    {
      title: t('ui.people.categories.professionals'),
      key: 'p',
      width: 90,
      align: 'right',
      render: (_: unknown, r) => r.trainees.professionals,
    },
    {
      title: t('ui.people.categories.other'),
      key: 'x',
      width: 70,
      align: 'right',
      render: (_: unknown, r) => r.trainees.other,
    },
    { title: t('ui.people.fields.total'), dataIndex: 'total', width: 80, align: 'right' },
    { title: t('ui.people.fields.task'), dataIndex: 'taskCode', width: 80, render: (c: string | null) => c ?? '—' },
    { title: t('ui.people.fields.pairing'), dataIndex: 'pairingName', width: 150 },
  ];
  return (
    <ListPage<TrainingSummary>
      title="ui.people.trainings.title"
      list={list}
      export={{
        file: () => peopleApi.exportTrainings(filters),
        label: t('ui.people.export'),
        done: t('ui.people.exported'),
        testId: 'training-export',
      }}
      actions={
        can('training.manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="training-create"
          >
            {t('ui.people.trainings.new')}
          </Button>
        )
      }
      summary={
        (progress.data?.items.length ?? 0) > 0 && (
          <Card size="small" title={t('ui.people.trainings.progress')} style={{ marginBottom: 12 }}>
            <List
              size="small"
              dataSource={progress.data!.items}
              renderItem={(p) => (
                <List.Item>
                  {p.taskCode}. {p.taskTitle.slice(0, 40)}：<TargetProgressText progress={p} />
                </List.Item>
              )}
            />
          </Card>
        )
      }
      filters={
        <PairingListFilters
          query={query}
          search={t('ui.people.fields.title')}
          pairing={{ placeholder: t('ui.people.fields.pairing'), testId: 'training-filter-pairing' }}
          year={{ placeholder: t('ui.people.fields.year'), years: 10, width: 100 }}
        />
      }
      query={query}
      columns={columns}
      rowData={(row) => ({ 'data-testid': 'training-row', 'data-id': row.id })}
    >
      {creating && (
        <TrainingFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            setCreating(false);
            setSaved(d);
          }}
        />
      )}
    </ListPage>
  );
}
