import { useState } from 'react';
import { Button, Card, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PublishedFigure } from '../../../common/api/published-figures.ts';
import { isApiError } from '../../app/api-client.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { DemoTag } from '../../shared/demo.tsx';
import { PublishedFigureModal } from './PublishedFigureModal.tsx';
import { replicationApi } from './replication.api.ts';

/** Figures as the press or an official report published them, each with its source: never mixed with computed counts. */
export function PublishedFiguresCard({ pairingId }: { pairingId?: string }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const message = useMessage();
  const [adding, setAdding] = useState(false);
  const { data, loading, reload } = useApi((signal) => replicationApi.publishedFigures(pairingId, signal), [pairingId]);
  const manage = can('replication.figures');
  const remove = async (f: PublishedFigure) => {
    try {
      await replicationApi.removePublishedFigure(f.id);
      message.success(t('ui.replication.published.removed'));
      reload();
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    }
  };
  return (
    <Card
      title={t('ui.replication.published.title')}
      loading={loading}
      style={{ marginTop: 16 }}
      data-testid="published-figures"
      extra={
        manage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="published-figure-add">
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
                    width: 60,
                    render: (_: unknown, f: PublishedFigure) => (
                      <Popconfirm title={t('ui.replication.published.removeConfirm')} onConfirm={() => remove(f)}>
                        <Button
                          type="text"
                          danger
                          size="small"
                          icon={<DeleteOutlined />}
                          aria-label={t('ui.replication.published.remove')}
                        />
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {adding && (
        <PublishedFigureModal
          pairingId={pairingId}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            message.success(t('ui.replication.published.added'));
            reload();
          }}
        />
      )}
    </Card>
  );
}
