import { Link } from 'react-router-dom';
import { Card, Statistic } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { ItemTable } from './item-display.tsx';
import { trackingApi } from './tracking.api.ts';

const SHOWN = 5;

/**
 * On the dashboard: the overdue tracked items the user sees (every pairing in scope; a unit's own), their count in
 * red and the most overdue first; on a pairing's page, that pairing's and its sub-pairs'. Nothing at all when there
 * are none or the user may not read items.
 */
export function OverdueItemsSection({ pairingId }: { pairingId?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const allowed = can('item.read');
  const items = useApi(
    (signal) =>
      allowed
        ? trackingApi.list(
            { status: 'overdue', pageSize: SHOWN, pairingId, withSubPairs: pairingId ? 'true' : undefined },
            signal,
          )
        : Promise.resolve(undefined),
    [allowed, pairingId],
  );
  const overdue = items.data?.counts.overdue ?? 0;
  if (!overdue) return null;
  return (
    <Card
      size="small"
      title={t('ui.tracking.items.overdueItems')}
      extra={
        <Link to={`/tracking?status=overdue${pairingId ? `&pairingId=${pairingId}` : ''}`}>
          {t('ui.tracking.items.viewAll')}
        </Link>
      }
      data-testid="dashboard-overdue"
    >
      <Statistic
        value={overdue}
        styles={{ content: { color: '#cf1322' } }}
        data-testid="dashboard-overdue-count"
        data-count={overdue}
      />
      <ItemTable items={items.data!.items} source emptyText="" testId="dashboard-overdue-items" />
    </Card>
  );
}
