import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { LISTING_CATEGORIES, LISTING_KINDS, LISTING_STATES } from '../../../common/api/enums.ts';
import type { ListingSummary, MatchReason } from '../../../common/api/listings.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { SearchFilter, SelectFilter } from '../../app/list/FilterBar.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { DemoTag } from '../../shared/demo.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { KindTag, ListingStateTag, Reasons } from './listing-display.tsx';
import { ListingFormDrawer } from './ListingFormDrawer.tsx';
import { listingsApi } from './listings.api.ts';

type Row = ListingSummary & { score?: number; reasons?: MatchReason[] };

/** Offers and needs: the newest first, or ranked with their reasons when a search is typed. */
export function ListingListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const message = useMessage();
  const navigate = useNavigate();
  const query = useUrlQuery();
  const [creating, setCreating] = useState(false);
  const q = query.get('q');
  const filter = {
    programmeId: query.programmeId,
    kind: query.get('kind'),
    category: query.get('category'),
    state: query.get('state'),
    mine: query.get('mine'),
  };
  const list = useApi(
    async (signal) => {
      if (!q) return listingsApi.list({ ...filter, page: query.page, pageSize: query.pageSize }, signal);
      const { programmeId, kind, category } = filter;
      const found = await listingsApi.search({ programmeId, q, kind, category, top: 50 }, signal);
      const items: Row[] = found.items.map((i) => ({ ...i.listing, score: i.score, reasons: i.reasons }));
      return { items, total: items.length, page: 1, pageSize: 50 };
    },
    [query.key],
  );

  const columns: TableColumnsType<Row> = [
    {
      title: t('ui.listings.listingTitle'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Space size={4} wrap>
          <Link to={`/listings/${row.id}`} onClick={(e) => e.stopPropagation()} data-testid="listing-link">
            {title}
          </Link>
          <DemoTag isDemo={row.isDemo} />
        </Space>
      ),
    },
    { title: t('ui.listings.kind'), key: 'kind', width: 150, render: (_: unknown, row) => <KindTag listing={row} /> },
    { title: t('ui.listings.organisation'), dataIndex: 'organisationName', width: 200 },
    { title: t('ui.listings.region'), dataIndex: 'regionName', width: 120 },
    { title: t('ui.listings.validUntil'), dataIndex: 'validUntil', width: 110, render: (d: string | null) => d ?? '—' },
    q
      ? {
          title: t('ui.listings.reasons'),
          key: 'reasons',
          width: 280,
          render: (_: unknown, row) => <Reasons reasons={row.reasons ?? []} />,
        }
      : {
          title: t('ui.listings.state'),
          dataIndex: 'state',
          width: 100,
          render: (_: unknown, row) => <ListingStateTag state={row.state} />,
        },
  ];

  return (
    <ListPage<Row>
      title="ui.listings.title"
      list={list}
      query={query}
      columns={columns}
      rowLink={(row) => `/listings/${row.id}`}
      rowData={(row) => ({ 'data-title': row.title })}
      emptyText={t('ui.listings.empty')}
      export={{
        // The list as filtered (a typed search ranks on screen; the sheet carries the filtered list, newest first).
        file: () => listingsApi.exportList(filter),
        label: t('ui.listings.export.button'),
        done: t('ui.listings.export.done'),
        testId: 'list-export',
      }}
      actions={
        can('listing.publish') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="listing-create">
            {t('ui.listings.create')}
          </Button>
        )
      }
      filters={
        <>
          <SearchFilter
            query={query}
            placeholder={t('ui.listings.searchPlaceholder')}
            width={320}
            testId="listing-search"
          />
          <SelectFilter
            query={query}
            name="kind"
            placeholder={t('ui.listings.kind')}
            options={LISTING_KINDS.map((k) => ({ value: k, label: t(`domain.listingKinds.${k}`) }))}
          />
          <SelectFilter
            query={query}
            name="category"
            placeholder={t('ui.listings.category')}
            options={LISTING_CATEGORIES.map((c) => ({ value: c, label: t(`domain.listingCategories.${c}`) }))}
          />
          {!q && (
            <SelectFilter
              query={query}
              name="state"
              placeholder={t('ui.listings.state')}
              options={LISTING_STATES.map((s) => ({ value: s, label: t(`domain.listingStates.${s}`) }))}
            />
          )}
          {!q && (
            <SelectFilter
              query={query}
              name="mine"
              placeholder={t('ui.listings.mine')}
              options={[{ value: 'true', label: t('ui.listings.mine') }]}
            />
          )}
        </>
      }
    >
      {creating && (
        <ListingFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            message.success(t(saved.state === 'published' ? 'ui.listings.createdPublished' : 'ui.listings.created'));
            navigate(`/listings/${saved.id}`);
          }}
        />
      )}
    </ListPage>
  );
}
