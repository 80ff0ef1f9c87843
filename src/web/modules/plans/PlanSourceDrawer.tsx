import { Drawer, Skeleton, Typography } from 'antd';
import type { PlanSource } from '../../../common/api/plans.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { tasksApi } from '../tasks/tasks.api.ts';
import { plansApi } from './plans.api.ts';
import { SourceText, type LineRange } from './SourceText.tsx';

/** The whole document a plan was imported from, with the selected task's clause marked. */
export function PlanSourceDrawer({
  planId,
  taskId,
  onClose,
}: {
  planId: string;
  taskId?: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { data, error, reload } = useApi<PlanSource>((signal) => plansApi.source(planId, signal), [planId]);
  const task = useApi((signal) => (taskId ? tasksApi.get(taskId, signal) : Promise.resolve(null)), [taskId]).data;
  const highlight: LineRange | null = task?.sourceLine
    ? { from: task.sourceLine, to: task.sourceEndLine ?? task.sourceLine }
    : null;
  return (
    <Drawer open size="large" onClose={onClose} title={data ? data.title : t('ui.plans.sourceText')}>
      <div data-testid="plan-source-drawer">
        {error ? (
          <ErrorResult error={error} onRetry={reload} />
        ) : !data ? (
          <Skeleton active />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('ui.plans.sourceFileLines', { file: data.fileName, lines: data.lines.length })}
            </Typography.Paragraph>
            <SourceText lines={data.lines} highlight={highlight} height="calc(100vh - 160px)" />
          </>
        )}
      </div>
    </Drawer>
  );
}
