import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Skeleton, Space, Tooltip } from 'antd';
import { EditOutlined, ExportOutlined } from '@ant-design/icons';
import type { TaskDetail } from '../../../common/api/tasks.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { tasksApi } from './tasks.api.ts';
import { TaskDetailView } from './TaskDetailView.tsx';
import { TaskEditDrawer } from './TaskEditDrawer.tsx';

/**
 * One task, loaded by id, with its edit drawer for users who may change tasks. `compact` is the panel beside a
 * plan's tree; otherwise the task page. `onChanged` tells the page around it that the task was saved.
 */
export function TaskPanel({
  taskId,
  compact,
  onChanged,
  onLoaded,
}: {
  taskId: string;
  compact?: boolean;
  onChanged?: (task: TaskDetail) => void;
  /** Each version of the task shown (the page's title and breadcrumb follow it). */
  onLoaded?: (task: TaskDetail) => void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  // A saved or reloaded copy replaces the loaded one until the next load.
  const {
    data: task,
    error,
    loading,
    reload,
    setData: setLocal,
  } = useApi((signal) => tasksApi.get(taskId, signal), [taskId]);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (task) onLoaded?.(task);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [task]);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!task || (loading && task.id !== taskId)) return <Skeleton active paragraph={{ rows: 10 }} />;

  const actions = (
    <Space size={4}>
      {compact && (
        <Tooltip title={t('ui.tasks.openPage')}>
          <Link to={`/tasks/${task.id}`} data-testid="task-open-page">
            <Button type="text" icon={<ExportOutlined />} aria-label={t('ui.tasks.openPage')} />
          </Link>
        </Tooltip>
      )}
      {can('task.update') && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="task-edit">
          {t('ui.common.edit')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      <TaskDetailView task={task} compact={compact} actions={actions} />
      {editing && (
        <TaskEditDrawer
          task={task}
          onClose={() => setEditing(false)}
          onChanged={(next, saved) => {
            setLocal(next);
            if (saved) {
              setEditing(false);
              onChanged?.(next);
            }
          }}
        />
      )}
    </>
  );
}
