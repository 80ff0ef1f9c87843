import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Card } from 'antd';
import type { TaskDetail } from '../../../common/api/tasks.ts';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { TaskPanel } from './TaskPanel.tsx';
import { TaskReports } from '../reporting/TaskReports.tsx';
import { TaskItems } from '../tracking/TaskItems.tsx';
import { PrintButton } from '../../shared/PrintButton.tsx';

/** A task on its own page (/tasks/:id): what a lead unit opens from its list, or an office from a link. */
export function TaskPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [task, setTask] = useState<TaskDetail | undefined>(undefined);
  const shown = task?.id === id ? task : undefined;
  usePageTitle('ui.tasks.title', shown ? `${shown.code} ${shown.title}` : undefined);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="task-page">
      <Breadcrumb
        items={[
          { title: <Link to="/plans">{t('ui.plans.title')}</Link> },
          ...(shown ? [{ title: <Link to={`/plans/${shown.planId}?task=${shown.id}`}>{shown.planTitle}</Link> }] : []),
          { title: shown ? t('ui.tasks.taskCode', { code: shown.code }) : t('ui.tasks.title') },
        ]}
      />
      <Card extra={<PrintButton />}>
        <TaskPanel taskId={id} onLoaded={setTask} />
      </Card>
      <TaskReports taskId={id} />
      <TaskItems taskId={id} />
    </div>
  );
}
