import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Timeline, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, FormOutlined, RollbackOutlined } from '@ant-design/icons';
import type { ItemDetail } from '../../../common/api/tracking.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { AttachmentList } from '../../shared/AttachmentList.tsx';
import { DemoTag } from '../../shared/demo.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ItemOwners, ItemStatusTag, OverdueText } from './item-display.tsx';
import { type ItemAction, ItemActionModal } from './ItemActionModals.tsx';
import { ItemEditDrawer } from './ItemEditDrawer.tsx';
import { trackingApi } from './tracking.api.ts';
import { PrintButton } from '../../shared/PrintButton.tsx';

const NOTE_COLOURS = { progress: 'blue', closed: 'green', reopened: 'red' } as const;

function ItemFacts({ item }: { item: ItemDetail }) {
  const { t } = useI18n();
  const none = <Typography.Text type="secondary">{t('ui.tracking.items.none')}</Typography.Text>;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="item-facts">
      <Descriptions.Item label={t('ui.tracking.items.pairing')}>
        <Link to={`/pairings/${item.pairingId}`}>{item.pairingName}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.tracking.items.source')}>
        {item.source === 'meeting_decision' && item.sourceId ? (
          <Link to={`/meetings/${item.sourceId}`} data-testid="item-source">
            {item.sourceTitle}
          </Link>
        ) : (
          (item.sourceTitle ?? t(`ui.tracking.sources.${item.source}`))
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.tracking.items.deadline')}>
        <span data-testid="item-page-deadline">
          <OverdueText status={item.status}>{item.deadline}</OverdueText>
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.tracking.items.status')}>
        <ItemStatusTag status={item.status} />
        {item.closedOn && (
          <Typography.Text type="secondary">
            {t('ui.tracking.items.closedOn')} {item.closedOn}
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.tracking.items.owners')} span={2}>
        <ItemOwners owners={item.owners} />
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.tracking.items.tasks')}>
        {item.linkedTasks.length
          ? item.linkedTasks.map((task) => (
              <Link key={task.id} to={`/tasks/${task.id}`} style={{ marginInlineEnd: 8 }} data-testid="item-task-link">
                {task.code}. {task.title}
              </Link>
            ))
          : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.tracking.items.projects')}>
        {item.linkedProjects.length
          ? item.linkedProjects.map((project) => (
              <Link
                key={project.id}
                to={`/projects/${project.id}`}
                style={{ marginInlineEnd: 8 }}
                data-testid="item-project-link"
              >
                {project.title}
              </Link>
            ))
          : none}
      </Descriptions.Item>
    </Descriptions>
  );
}

function ItemNotes({ item }: { item: ItemDetail }) {
  const { t } = useI18n();
  if (!item.notes.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.tracking.items.noNotes')} />;
  return (
    <Timeline
      data-testid="item-notes"
      items={item.notes.map((n) => ({
        color: NOTE_COLOURS[n.kind],
        content: (
          <div data-testid="item-note" data-kind={n.kind}>
            <Space size={6} wrap>
              <Typography.Text strong>{t(`ui.tracking.noteKinds.${n.kind}`)}</Typography.Text>
              <Typography.Text type="secondary">
                {[n.actorName, n.organisationName, formatDateTime(n.at)].filter(Boolean).join(' · ')}
              </Typography.Text>
              {n.percent !== null && (
                <Typography.Text type="secondary">
                  {t('ui.tracking.items.percent', { percent: n.percent })}
                </Typography.Text>
              )}
            </Space>
            <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{n.note}</Typography.Paragraph>
            {n.link && (
              <Typography.Link href={n.link} target="_blank" rel="noopener noreferrer" data-testid="item-note-link">
                {t('ui.tracking.items.evidenceLink')}
              </Typography.Link>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** A tracked item: what, who, by when, how it stands; its record and evidence; the actions the server allows. */
export function ItemPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data: item, error, loading, reload, setData } = useApi((signal) => trackingApi.get(id, signal), [id]);
  usePageTitle('ui.tracking.title', item ? item.text.slice(0, 30) : undefined);
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState<ItemAction | null>(null);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !item) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!item) return null;

  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: 16 }}
      data-testid="item-page"
      data-id={item.id}
      data-status={item.status}
    >
      <Breadcrumb
        items={[
          { title: <Link to="/tracking">{t('ui.tracking.title')}</Link> },
          { title: t('ui.tracking.items.itemN', { n: item.seq }) },
        ]}
      />
      <Card
        title={
          <Space wrap>
            <ItemStatusTag status={item.status} />
            <DemoTag isDemo={item.isDemo} />
          </Space>
        }
        extra={
          <Space wrap>
            <PrintButton />
            {item.can.progress && (
              <Button
                type="primary"
                icon={<FormOutlined />}
                onClick={() => setAction('progress')}
                data-testid="item-report"
              >
                {t('ui.tracking.items.reportProgress')}
              </Button>
            )}
            {item.can.edit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="item-edit">
                {t('ui.tracking.items.edit')}
              </Button>
            )}
            {item.can.close && (
              <Button icon={<CheckCircleOutlined />} onClick={() => setAction('close')} data-testid="item-close">
                {t('ui.tracking.items.close')}
              </Button>
            )}
            {item.can.reopen && (
              <Button danger icon={<RollbackOutlined />} onClick={() => setAction('reopen')} data-testid="item-reopen">
                {t('ui.tracking.items.reopen')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph style={{ fontSize: 16, whiteSpace: 'pre-wrap' }} data-testid="item-text">
          <OverdueText status={item.status}>{item.text}</OverdueText>
        </Typography.Paragraph>
        <ItemFacts item={item} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('ui.tracking.items.notes')}>
            <ItemNotes item={item} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('ui.tracking.items.evidence')}>
            <AttachmentList
              attachments={item.attachments}
              editable={item.can.attach}
              testId="item-attachments"
              actions={{
                upload: async (file) => setData(await trackingApi.uploadAttachment(item.id, file)),
                download: (a) => trackingApi.downloadAttachment(item.id, a.id),
                remove: async (a) => setData(await trackingApi.removeAttachment(item.id, a.id)),
              }}
            />
          </Card>
        </Col>
      </Row>
      {editing && (
        <ItemEditDrawer
          item={item}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setData(saved);
          }}
        />
      )}
      {action && (
        <ItemActionModal
          item={item}
          action={action}
          onClose={() => setAction(null)}
          onDone={(saved) => {
            setAction(null);
            setData(saved);
          }}
        />
      )}
    </div>
  );
}
