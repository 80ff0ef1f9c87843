import { Space, Tag } from 'antd';
import { ITEM_SOURCES, ITEM_STATUSES, type ItemSource, type ItemStatus } from '../../../common/api/enums.ts';
import type { ItemListParams, ItemSummary } from '../../../common/api/tracking.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { useApi } from '../../app/use-api.ts';
import { PairingListFilters } from '../../shared/list-filters.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { ITEM_STATUS_COLOURS, itemRowData, useItemColumns } from './item-display.tsx';
import { type ItemFilters, trackingApi } from './tracking.api.ts';

/** 督办事项 of the user's pairings (an owner unit sees its own), with counts by status and the 督办台账 export. */
export function ItemListPage() {
  return <ItemList mine={false} />;
}

/** 我的督办: the items the user's unit owns, as its to-do list. */
export function MyItemsPage() {
  return <ItemList mine />;
}

function ItemList({ mine }: { mine: boolean }) {
  const { t } = useI18n();
  const query = useUrlQuery();
  const filters: ItemFilters = {
    programmeId: query.programmeId,
    pairingId: query.get('pairingId'),
    withSubPairs: query.get('pairingId') ? 'true' : undefined,
    status: query.get<ItemStatus>('status'),
    source: query.get<ItemSource>('source'),
    mine: mine || query.get('mine') === 'true' ? 'true' : undefined,
    demo: query.get<'true' | 'false'>('demo'),
  };
  const params: ItemListParams = { ...filters, page: query.page, pageSize: query.pageSize };
  const list = useApi((signal) => trackingApi.list(params, signal), [query.key, mine]);
  const columns = useItemColumns({ pairing: true, source: true });
  const status = query.get<ItemStatus>('status');

  const legend = (
    <Space size={4} wrap data-testid="item-counts">
      {ITEM_STATUSES.map((s) => (
        <Tag
          key={s}
          color={status === s ? ITEM_STATUS_COLOURS[s] : undefined}
          style={{ cursor: 'pointer' }}
          onClick={() => query.update({ status: status === s ? undefined : s })}
          data-testid="item-count"
          data-status={s}
          data-count={list.data?.counts[s] ?? ''}
        >
          {t(`ui.tracking.statuses.${s}`)} {list.data?.counts[s] ?? '—'}
        </Tag>
      ))}
    </Space>
  );

  return (
    <ListPage<ItemSummary>
      title={mine ? 'ui.tracking.items.mineTitle' : 'ui.tracking.title'}
      list={list}
      export={{
        file: () => trackingApi.exportLedger(filters),
        label: t('ui.tracking.items.exportLedger'),
        done: t('ui.tracking.items.exported'),
        testId: 'item-ledger-export',
      }}
      filters={
        <PairingListFilters
          query={query}
          pairing={{ placeholder: t('ui.tracking.items.pairing'), testId: 'item-filter-pairing' }}
          choices={[
            {
              name: 'status',
              placeholder: t('ui.tracking.items.status'),
              values: ITEM_STATUSES,
              label: (s) => t(`ui.tracking.statuses.${s as ItemStatus}`),
              width: 120,
              testId: 'item-filter-status',
            },
            {
              name: 'source',
              placeholder: t('ui.tracking.items.source'),
              values: ITEM_SOURCES,
              label: (s) => t(`ui.tracking.sources.${s as ItemSource}`),
              width: 150,
            },
            // On 我的督办 every item is the user's own already.
            ...(mine
              ? []
              : [
                  {
                    name: 'mine',
                    placeholder: t('ui.tracking.items.all'),
                    values: ['true'],
                    label: () => t('ui.tracking.items.mine'),
                    width: 140,
                    testId: 'item-filter-mine',
                  },
                ]),
          ]}
        />
      }
      filterExtra={legend}
      query={query}
      columns={columns}
      emptyText={t('ui.tracking.items.empty')}
      rowLink={(row) => `/tracking/${row.id}`}
      rowData={itemRowData}
      scrollX={1100}
    />
  );
}
