import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Descriptions, Empty, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { SIDES, UNIT_ROLES } from '../../../common/api/enums.ts';
import type { TaskDetail } from '../../../common/api/tasks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { DeadlineText, LightDot, TaskStatusTag, formatTarget, taskFieldNames } from './task-display.tsx';

function Block({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="duikou-task-block" data-testid={testId}>
      <div className="duikou-task-block-title">{title}</div>
      {children}
    </div>
  );
}

/** The clause as the plan words it, with where it stands in the source document. */
export function ClauseText({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  const lines =
    task.sourceLine === null
      ? null
      : task.sourceEndLine && task.sourceEndLine !== task.sourceLine
        ? t('ui.tasks.sourceLines', { from: task.sourceLine, to: task.sourceEndLine })
        : t('ui.tasks.sourceLine', { line: task.sourceLine });
  return (
    <Block
      testId="task-clause"
      title={
        <Space size={6} wrap>
          <span>{t('ui.tasks.clause')}</span>
          {(task.source || lines) && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
              {[task.source ? t('ui.tasks.sourceDoc', { title: task.source.title }) : null, lines]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          )}
        </Space>
      }
    >
      <blockquote className="duikou-quote" data-testid="task-clause-text">
        {task.text}
      </blockquote>
    </Block>
  );
}

/**
 * Everything the platform knows about a task: the clause, targets, units on both sides, deadline, milestones,
 * status and progress. `compact` leaves out the history (the panel beside the plan's tree).
 */
export function TaskDetailView({
  task,
  compact,
  actions,
}: {
  task: TaskDetail;
  compact?: boolean;
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  const unitsOf = (side: 'a' | 'b', role: 'lead' | 'co') =>
    task.units.filter((u) => u.side === side && u.role === role);
  const none = <Typography.Text type="secondary">{t('ui.tasks.unassigned')}</Typography.Text>;

  return (
    <div className="duikou-task-detail" data-testid="task-detail" data-task-id={task.id} data-version={task.version}>
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 10, marginBottom: 12 }}>
        <LightDot light={task.light} size={14} style={{ marginTop: 6 }} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Title level={compact ? 5 : 4} style={{ margin: 0 }} data-testid="task-title">
            <span className="duikou-task-code">{task.code}</span>
            {task.title}
          </Typography.Title>
          <Space size={8} wrap style={{ marginTop: 6 }}>
            <TaskStatusTag status={task.status} />
            <Typography.Text type="secondary" data-testid="task-deadline">
              {t('ui.tasks.deadlineLabel')}
              <DeadlineText deadline={task.deadline} light={task.light} />
            </Typography.Text>
          </Space>
        </div>
        {actions}
      </div>

      <ClauseText task={task} />

      <Block title={t('ui.tasks.targets')} testId="task-targets">
        {task.targets.length === 0 ? (
          <Typography.Text type="secondary">{t('ui.tasks.noTargets')}</Typography.Text>
        ) : (
          <Space size={[6, 6]} wrap>
            {task.targets.map((g) => (
              <Tooltip key={g.id} title={g.source ? t('ui.tasks.targetSource', { source: g.source }) : undefined}>
                <Tag color="geekblue" data-testid="target-tag" style={{ marginInlineEnd: 0 }}>
                  {formatTarget(g, t)}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        )}
      </Block>

      <Block title={t('ui.tasks.units')} testId="task-units">
        <table className="duikou-units-table">
          <thead>
            <tr>
              <th />
              {UNIT_ROLES.map((role) => (
                <th key={role}>{t(`domain.unitRoles.${role}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SIDES.map((side) => (
              <tr key={side}>
                <th scope="row">{t(`domain.sides.${side}`)}</th>
                {UNIT_ROLES.map((role) => {
                  const list = unitsOf(side, role);
                  return (
                    <td key={role} data-testid={`units-${side}-${role}`}>
                      {list.length ? list.map((u) => u.name).join(t('ui.common.listSeparator')) : none}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Block>

      <Block title={t('ui.tasks.schedule')}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('ui.tasks.deadline')}>
            <DeadlineText deadline={task.deadline} light={task.light} />
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.tasks.warningDays')}>
            {t('ui.tasks.days', { days: task.warningDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.tasks.plan')}>
            <Link to={`/plans/${task.planId}`}>{task.planTitle}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.tasks.pairing')}>
            {task.pairingId ? (
              <Link to={`/pairings/${task.pairingId}`}>{task.pairingName}</Link>
            ) : (
              t('ui.tasks.programmeLevel')
            )}
          </Descriptions.Item>
          {task.sectionTitle && (
            <Descriptions.Item label={t('ui.tasks.section')}>{task.sectionTitle}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('ui.common.updatedAt')}>{formatDateTime(task.updatedAt)}</Descriptions.Item>
        </Descriptions>
        <div className="duikou-task-subtitle">{t('ui.tasks.milestones')}</div>
        {task.milestones.length === 0 ? (
          <Typography.Text type="secondary">{t('ui.tasks.noMilestones')}</Typography.Text>
        ) : (
          <Timeline
            style={{ marginTop: 8, marginBottom: -16 }}
            items={task.milestones.map((m) => ({
              key: m.id,
              color: m.doneOn ? 'green' : 'gray',
              icon: m.doneOn ? <CheckCircleFilled /> : <ClockCircleOutlined />,
              content: (
                <span data-testid="task-milestone">
                  {m.title}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {m.doneOn
                      ? t('ui.tasks.milestoneDone', { date: m.doneOn })
                      : m.dueOn
                        ? t('ui.tasks.milestoneDue', { date: m.dueOn })
                        : ''}
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        )}
      </Block>

      <Block title={t('ui.tasks.progressNote')}>
        {task.progressNote ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="task-progress">
            {task.progressNote}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('ui.tasks.noProgress')}</Typography.Text>
        )}
      </Block>

      {(task.tracedTask || task.servedBy.length > 0) && (
        <Block title={t('ui.tasks.links')}>
          <Space orientation="vertical" size={4}>
            {task.tracedTask && (
              <span>
                {t('ui.tasks.serves')}
                <Link to={`/tasks/${task.tracedTask.id}`}>{`${task.tracedTask.code} ${task.tracedTask.title}`}</Link>
                <Typography.Text type="secondary">{` · ${task.tracedTask.planTitle}`}</Typography.Text>
              </span>
            )}
            {task.servedBy.map((ref) => (
              <span key={ref.id}>
                {t('ui.tasks.servedBy', { year: ref.year ?? '—' })}
                <Link to={`/tasks/${ref.id}`}>{`${ref.code} ${ref.title}`}</Link>
              </span>
            ))}
          </Space>
        </Block>
      )}

      {!compact && (
        <Block title={t('ui.tasks.history')} testId="task-history">
          {task.history.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.tasks.noHistory')} />
          ) : (
            <Timeline
              style={{ marginTop: 8, marginBottom: -16 }}
              items={task.history.map((h, i) => ({
                key: i,
                content: (
                  <span>
                    <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
                    {` ${h.actorName ?? t('ui.tasks.systemActor')} · ${historyAction(h.action, t)}`}
                    {historyFields(h.changes, t)}
                  </span>
                ),
              }))}
            />
          )}
        </Block>
      )}
    </div>
  );
}

const KNOWN_ACTIONS = ['imported', 'reimported', 'removed', 'updated', 'created'] as const;

function historyAction(action: string, t: ReturnType<typeof useI18n>['t']): string {
  return (KNOWN_ACTIONS as readonly string[]).includes(action)
    ? t(`ui.tasks.historyActions.${action as (typeof KNOWN_ACTIONS)[number]}`)
    : action;
}

/** Which fields a history entry changed, named in the user's language. */
function historyFields(changes: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return '';
  const record = changes as Record<string, unknown>;
  const names = taskFieldNames(Object.keys(record), t);
  if (typeof record.versionNo === 'number') names.unshift(t('ui.plans.versionNo', { version: record.versionNo }));
  return names.length ? t('ui.tasks.historyDetails', { details: names.join(t('ui.common.listSeparator')) }) : '';
}
