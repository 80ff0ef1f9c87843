import { useState } from 'react';
import { Button, Card, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { PublishedFigure } from '../../../common/api/published-figures.ts';
import type { Permission } from '../../../common/access/permissions.ts';
import { isApiError } from '../../app/api-client.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { DemoTag } from '../demo.tsx';
import { PublishedFigureModal } from './PublishedFigureModal.tsx';
import { publishedFiguresApi } from './published-figures.api.ts';

/**
 * Figures as the press or an official report published them, each with its source: never mixed with computed
 * counts. One topic's figures (`base`, its module's address), recorded, corrected and removed by `manage`.
 */
export function PublishedFiguresCard({
  pairingId,
  base,
  manage: permission,
  title,
}: {
  pairingId?: string;
  base: string;
  manage: Permission;
  title?: string;
}) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const message = useMessage();
  const figures = publishedFiguresApi(base);
  // The form: closed, a new figure (null) or a figure to correct.
  const [editing, setEditing] = useState<PublishedFigure | null | undefined>(undefined);
  const { data, loading, reload } = useApi((signal) => figures.list(pairingId, signal), [pairingId, base]);
  const manage = can(permission);
  const remove = async (f: PublishedFigure) => {
    try {
      await figures.remove(f.id);
      message.success(t('ui.replication.published.removed'));
      reload();
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    }
  };
  return (
    <Card
      title={title ?? t('ui.replication.published.title')}
      loading={loading}
      style={{ marginTop: 16 }}
      data-testid="published-figures"
      extra={
        manage && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="published-figure-add">
            {t('ui.replication.published.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('ui.replication.published.note')}</Typography.Paragraph>
      {!data?.items.length ? (
        <Empty description={t('ui.replication.published.empty')} />
      ) : (
        <Table<PublishedFigure>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.items}
          onRow={(f) => ({ 'data-testid': 'published-figure-row', 'data-id': f.id }) as never}
          columns={[
            { title: t('ui.replication.published.year'), dataIndex: 'year', width: 70 },
            {
              title: t('ui.replication.published.label'),
              dataIndex: 'label',
              render: (label: string, f) => (
                <>
                  <Tag color="gold">{t('ui.replication.published.kind')}</Tag>
                  {label}
                  {f.side && <Typography.Text type="secondary">（{t(`domain.sides.${f.side}`)}）</Typography.Text>}
                  <DemoTag isDemo={f.isDemo} />
                </>
              ),
            },
            {
              title: t('ui.replication.published.value'),
              key: 'value',
              align: 'right',
              width: 120,
              render: (_: unknown, f) => `${f.value} ${f.unit}`,
            },
            {
              title: t('ui.replication.published.sourceTitle'),
              key: 'source',
              render: (_: unknown, f) => (
                <>
                  {f.sourceLink ? (
                    <a href={f.sourceLink} target="_blank" rel="noopener noreferrer">
                      {f.sourceTitle}
                    </a>
                  ) : (
                    f.sourceTitle
                  )}
                  <Typography.Text type="secondary">（{f.sourceDate}）</Typography.Text>
                </>
              ),
            },
            ...(manage
              ? [
                  {
                    key: 'remove',
                    width: 90,
                    render: (_: unknown, f: PublishedFigure) => (
                      <>
                        <Button
                          type="text"
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setEditing(f)}
                          aria-label={t('ui.portal.figureEdit')}
                          data-testid="published-figure-edit"
                        />
                        <Popconfirm title={t('ui.replication.published.removeConfirm')} onConfirm={() => remove(f)}>
                          <Button
                            type="text"
                            danger
                            size="small"
                            icon={<DeleteOutlined />}
                            aria-label={t('ui.replication.published.remove')}
                          />
                        </Popconfirm>
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing !== undefined && (
        <PublishedFigureModal
          base={base}
          pairingId={pairingId}
          figure={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            message.success(t(editing ? 'ui.portal.figureSaved' : 'ui.replication.published.added'));
            reload();
          }}
        />
      )}
    </Card>
  );
}
