import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Empty, List, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import type { Workbench, WorkbenchActivity } from '../../../common/api/workbench.ts';
import { auditActionText } from '../../../common/i18n/audit-text.ts';
import { auditObjectPath } from '../audit/audit-object-link.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { NotificationList } from '../reporting/NotificationList.tsx';
import { notificationsChanged } from '../reporting/notifications.api.ts';
import { DueText, SlotStateTag, cycleLabel } from '../reporting/reporting-display.tsx';
import { LightDot, LightLegend, taskFieldNames } from '../tasks/task-display.tsx';
import { workbenchApi } from './workbench.api.ts';

type CountKey = keyof Omit<Workbench['counts'], 'total'>;
const COUNT_KEYS: CountKey[] = ['toFill', 'toReview', 'itemsDue', 'unassignedTasks', 'failedImports'];

/** 工作台: the signed-in organisation's to-dos, its pairings' tasks, what the other side did lately, and notices. */
export function WorkbenchPage() {
  const { t } = useI18n();
  usePageTitle('ui.workbench.title');
  const me = useMe();
  const { data, error, loading, reload } = useApi((signal) => workbenchApi.get(signal), []);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  if (!data) return null;
  // Only the parts the role has a share in (a unit reviews nothing) are counted and shown.
  const shown = COUNT_KEYS.filter((k) => partShown(data, k));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="workbench">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="workbench-title">
          {t('ui.workbench.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('ui.workbench.subtitle', { organisation: me.user.organisationName })}
        </Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        {shown.map((k) => (
          <Col key={k} xs={12} md={8} lg={24 / Math.max(shown.length, 1)}>
            <Card size="small">
              <Statistic
                title={t(`ui.workbench.counts.${k}`)}
                value={data.counts[k]}
                valueStyle={data.counts[k] ? { color: '#cf1322' } : undefined}
                data-testid={`workbench-count-${k}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Todos data={data} />
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={t('ui.workbench.notificationsTitle')}
            extra={<Link to="/notifications">{t('ui.workbench.allNotifications')}</Link>}
          >
            <div data-testid="workbench-notifications">
              <NotificationList onUnread={() => notificationsChanged()} onClose={() => undefined} />
            </div>
          </Card>
        </Col>
      </Row>
      {data.pairings && <Pairings pairings={data.pairings} />}
      {data.recentChanges && <RecentChanges changes={data.recentChanges} activity={data.recentActivity ?? []} />}
    </Space>
  );
}

function partShown(w: Workbench, k: CountKey): boolean {
  if (k === 'toFill') return w.toFill !== null;
  if (k === 'toReview') return w.toReview !== null;
  if (k === 'itemsDue') return w.itemsDue !== null;
  if (k === 'unassignedTasks') return w.counts.unassignedTasks > 0;
  return w.failedImports.length > 0;
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <div data-testid={testId} style={{ marginBottom: 12 }}>
      <Typography.Text strong>{title}</Typography.Text>
      {children}
    </div>
  );
}

function Todos({ data }: { data: Workbench }) {
  const { t, locale } = useI18n();
  const nothing =
    !data.toFill?.length && !data.toReview?.length && !data.itemsDue?.length && !data.failedImports.length;
  return (
    <Card title={t('ui.workbench.todoTitle')} data-testid="workbench-todos">
      {nothing && <Empty description={t('ui.workbench.todoEmpty')} />}
      {!!data.toFill?.length && (
        <Section title={t('ui.workbench.toFillTitle')} testId="workbench-to-fill">
          <List
            size="small"
            dataSource={data.toFill}
            renderItem={(r) => (
              <List.Item data-testid="workbench-to-fill-row">
                <Link to={`/reporting/reports/${r.slotId}`}>
                  <span className="duikou-task-code">{r.taskCode}</span>
                  {r.taskTitle}
                </Link>
                <Space size={8}>
                  <Typography.Text type="secondary">{cycleLabel(r, locale)}</Typography.Text>
                  <SlotStateTag state={r.state} />
                  <DueText dueOn={r.dueOn} daysLeft={r.daysLeft} />
                </Space>
              </List.Item>
            )}
          />
        </Section>
      )}
      {!!data.toReview?.length && (
        <Section title={t('ui.workbench.toReviewTitle')} testId="workbench-to-review">
          <List
            size="small"
            dataSource={data.toReview}
            renderItem={(r) => (
              <List.Item data-testid="workbench-to-review-row">
                <Link to={`/reporting/reports/${r.id}`}>
                  <span className="duikou-task-code">{r.taskCode}</span>
                  {r.taskTitle}
                </Link>
                <Space size={8}>
                  <Typography.Text type="secondary">{cycleLabel(r, locale)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('ui.workbench.submittedBy', { unit: r.unitName })}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Section>
      )}
      {!!data.itemsDue?.length && (
        <Section title={t('ui.workbench.itemsDueTitle')} testId="workbench-items-due">
          <List
            size="small"
            dataSource={data.itemsDue}
            renderItem={(i) => (
              <List.Item data-testid="workbench-item-row">
                <Link to={`/tracking/${i.id}`}>{i.text}</Link>
                <Tag color={i.status === 'overdue' ? 'error' : 'warning'}>
                  {t('ui.workbench.dueOn', { date: i.deadline })}
                </Tag>
              </List.Item>
            )}
          />
        </Section>
      )}
      {data.failedImports.length > 0 && (
        <Section title={t('ui.workbench.failedImportsTitle')} testId="workbench-failed-imports">
          <List
            size="small"
            dataSource={data.failedImports}
            renderItem={(j) => (
              <List.Item data-testid="workbench-failed-import-row">
                <Link to={j.kind === 'project_import' ? '/projects/import' : '/demo'}>
                  {j.kind === 'project_import' || j.kind === 'demo_fill'
                    ? t(`ui.workbench.importKinds.${j.kind}`)
                    : j.kind}
                </Link>
                <Typography.Text type="secondary">
                  {t('ui.workbench.failedImport', { time: formatDateTime(j.createdAt), rows: j.rowErrors })}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Section>
      )}
    </Card>
  );
}

function Pairings({ pairings }: { pairings: NonNullable<Workbench['pairings']> }) {
  const { t } = useI18n();
  return (
    <Card title={t('ui.workbench.pairingsTitle')} data-testid="workbench-pairings">
      <List
        dataSource={pairings}
        renderItem={(p) => (
          <List.Item data-testid="workbench-pairing-row" data-pairing={p.pairingName ?? ''}>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space size={12} wrap>
                {p.pairingId ? (
                  <Link to={`/pairings/${p.pairingId}`}>{p.pairingName}</Link>
                ) : (
                  <span>{t('ui.workbench.nationalPlan')}</span>
                )}
                <LightLegend counts={p.lights} />
                {p.unassigned > 0 && (
                  <Tag color="default" data-testid="workbench-unassigned">
                    {t('ui.workbench.unassigned', { count: p.unassigned })}
                  </Tag>
                )}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('ui.workbench.nextDeadlines')}
                {p.deadlines.length
                  ? p.deadlines.map((d) => (
                      <Link key={d.taskId} to={`/tasks/${d.taskId}`} style={{ marginInlineEnd: 12 }}>
                        <LightDot light={d.light} size={8} /> {d.code} {d.deadline}
                      </Link>
                    ))
                  : t('ui.workbench.noDeadlines')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** A report's page is the report's own; the other records' pages are those the audit trail links to. */
const activityPath = (a: WorkbenchActivity) =>
  a.objectType === 'report' ? `/reporting/reports/${a.objectId}` : auditObjectPath(a.objectType, a.objectId);

/**
 * What the other side did lately, newest first: task edits (with the fields changed) and the other records'
 * changes (projects, reports, periods, meetings, tracked items) said as the audit trail says them.
 */
function RecentChanges({
  changes,
  activity,
}: {
  changes: NonNullable<Workbench['recentChanges']>;
  activity: WorkbenchActivity[];
}) {
  const { t, locale } = useI18n();
  const rows = [
    ...changes.map((c) => ({
      key: `task:${c.taskId}:${c.at}`,
      at: c.at,
      path: `/tasks/${c.taskId}`,
      text: t('ui.workbench.recentChange', {
        organisation: c.organisationName,
        actor: c.actorName ?? '',
        code: c.code,
        title: c.title,
      }),
      pairingName: c.pairingName,
      extra: c.fields.length
        ? t('ui.workbench.fields', { fields: taskFieldNames(c.fields, t).join(t('ui.common.listSeparator')) })
        : '',
    })),
    ...activity.map((a) => ({
      key: `${a.action}:${a.objectId}:${a.at}`,
      at: a.at,
      path: activityPath(a),
      text: t('ui.workbench.recentActivity', {
        organisation: a.organisationName,
        actor: a.actorName ?? '',
        action: auditActionText(locale, a.action),
        title: a.title ?? '',
      }),
      pairingName: a.pairingName,
      extra: '',
    })),
  ].sort((x, y) => y.at.localeCompare(x.at));
  return (
    <Card title={t('ui.workbench.recentTitle')} data-testid="workbench-recent">
      {rows.length === 0 ? (
        <Empty description={t('ui.workbench.recentEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={rows}
          rowKey="key"
          renderItem={(r) => (
            <List.Item data-testid="workbench-change-row">
              <Space orientation="vertical" size={0}>
                {r.path ? <Link to={r.path}>{r.text}</Link> : r.text}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(r.at)}
                  {r.pairingName ? ` · ${r.pairingName}` : ''}
                  {r.extra ? ` · ${r.extra}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
