import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { NewsListParams, NewsSummary } from '../../../common/api/portal.ts';
import { useI18n } from '../../app/i18n.tsx';
import { SelectFilter } from '../../app/list/FilterBar.tsx';
import { useUrlQuery } from '../../app/list/use-url-query.ts';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { demoTitleColumn } from '../../shared/demo.tsx';
import { PairingFilter } from '../../shared/list-filters.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { NewsFormDrawer } from './NewsFormDrawer.tsx';
import { NewsState } from './news-display.tsx';
import { portalApi } from './portal.api.ts';

/** The news items of the user's pairings, drafts and published, latest first. */
export function NewsListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const query = useUrlQuery();
  const [creating, setCreating] = useState(false);
  const params: NewsListParams = {
    programmeId: query.programmeId,
    pairingId: query.get('pairingId'),
    state: query.get<'draft' | 'published'>('state'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => portalApi.list(params, signal), [query.key]);
  const columns: TableColumnsType<NewsSummary> = [
    demoTitleColumn(t('ui.portal.newsFields.title'), (row) => `/news/${row.id}`),
    { title: t('ui.portal.newsFields.newsDate'), dataIndex: 'newsDate', width: 120 },
    { title: t('ui.portal.newsFields.pairing'), dataIndex: 'pairingName', width: 180 },
    {
      title: t('ui.portal.newsFields.state'),
      key: 'state',
      width: 100,
      render: (_: unknown, row) => <NewsState publishedAt={row.publishedAt} />,
    },
  ];
  return (
    <ListPage<NewsSummary>
      title="ui.portal.newsTitle"
      list={list}
      actions={
        can('news.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="news-create">
            {t('ui.portal.newsNew')}
          </Button>
        )
      }
      filters={
        <>
          <PairingFilter query={query} placeholder={t('ui.portal.newsFields.pairing')} />
          <SelectFilter
            query={query}
            name="state"
            placeholder={t('ui.portal.newsFields.state')}
            options={(['draft', 'published'] as const).map((s) => ({
              value: s,
              label: t(`ui.portal.newsStates.${s}`),
            }))}
            width={120}
          />
        </>
      }
      query={query}
      columns={columns}
      emptyText={t('ui.portal.noNews')}
      rowLink={(row) => `/news/${row.id}`}
      rowData={(row) => ({ 'data-testid': 'news-row', 'data-id': row.id })}
    >
      {creating && <NewsFormDrawer onClose={() => setCreating(false)} onSaved={(n) => navigate(`/news/${n.id}`)} />}
    </ListPage>
  );
}
