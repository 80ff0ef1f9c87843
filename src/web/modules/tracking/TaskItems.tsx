import { Card } from 'antd';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { ItemTable } from './item-display.tsx';
import { trackingApi } from './tracking.api.ts';

/** The tracked items linked to a plan task, on the task's page, for those who may read items. */
export function TaskItems({ taskId }: { taskId: string }) {
  const { can } = useSession();
  if (!can('item.read')) return null;
  return <TaskItemsCard taskId={taskId} />;
}

function TaskItemsCard({ taskId }: { taskId: string }) {
  const { t } = useI18n();
  const { data, error, reload } = useApi((signal) => trackingApi.list({ taskId, pageSize: 100 }, signal), [taskId]);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  // A task that no decision names shows nothing, rather than an empty card on every task page.
  if (!data?.items.length) return null;
  return (
    <Card size="small" title={t('ui.tracking.items.taskItemsTitle')} data-testid="task-items">
      <ItemTable items={data.items} source emptyText={t('ui.tracking.items.empty')} />
    </Card>
  );
}
