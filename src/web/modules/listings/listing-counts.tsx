import { Card, Empty, Statistic, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { ListingCounts } from '../../../common/api/listings.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { listingsApi } from './listings.api.ts';

const FIGURES = ['listings', 'matchesViewed', 'interests', 'contactsRevealed', 'deals', 'projects'] as const;
type Figure = (typeof FIGURES)[number];
type YearRow = Record<Figure, number> & { year: number };

/** Sums the counts per pairing and year into one row per year (a pairing's, or every pairing in the reader's scope). */
export function countsByYear(items: ListingCounts['items']): YearRow[] {
  const years = new Map<number, YearRow>();
  for (const c of items) {
    const row = years.get(c.year) ?? { year: c.year, ...Object.fromEntries(FIGURES.map((f) => [f, 0])) };
    for (const f of FIGURES) (row as YearRow)[f] += c[f];
    years.set(c.year, row as YearRow);
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}

/**
 * 供需对接 in numbers, on the pairing page and the dashboard: listings published, matches opened, interests, contacts
 * revealed, deals and the projects they became, all years and per year (synthetic listings never count).
 */
export function ListingCountsSection({ pairingId }: { pairingId?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const readable = can('listing.read');
  const counts = useApi(
    (signal) => (readable ? listingsApi.counts(pairingId, signal) : Promise.resolve({ items: [] })),
    [pairingId, readable],
  );
  if (!readable) return null;
  const rows = countsByYear(counts.data?.items ?? []);
  const total = (f: Figure) => rows.reduce((a, r) => a + r[f], 0);
  return (
    <Card
      size="small"
      title={t('ui.listings.counts.title')}
      loading={counts.loading}
      data-testid="listing-counts"
      extra={<Link to="/listings">{t('ui.listings.counts.open')}</Link>}
    >
      {!rows.length ? (
        <Empty description={t('ui.listings.counts.none')} />
      ) : (
        <>
          <div style={{ display: 'flex', gap: 40, flexWrap: 'wrap', marginBottom: 16 }}>
            {FIGURES.map((f) => (
              <div key={f} data-testid={`listing-count-${f}`} data-value={total(f)}>
                <Statistic title={t(`ui.listings.counts.${f}`)} value={total(f)} />
              </div>
            ))}
          </div>
          <Table<YearRow>
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: t('ui.listings.counts.year'), dataIndex: 'year', width: 80 },
              ...FIGURES.map((f) => ({ title: t(`ui.listings.counts.${f}`), dataIndex: f, align: 'right' as const })),
            ]}
          />
        </>
      )}
    </Card>
  );
}
