import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ItemStatus } from '../../../common/api/enums.ts';
import type { ItemSummary } from '../../../common/api/tracking.ts';
import { useI18n } from '../../app/i18n.tsx';
import { DemoTag } from '../../shared/demo.tsx';

export const ITEM_STATUS_COLOURS: Record<ItemStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  closed: 'success',
  overdue: 'error',
};

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={ITEM_STATUS_COLOURS[status]} data-testid="item-status" data-status={status}>
      {t(`ui.tracking.statuses.${status}`)}
    </Tag>
  );
}

/** Owner units, lead units first, each with its role and side. */
export function ItemOwners({ owners }: { owners: ItemSummary['owners'] }) {
  const { t } = useI18n();
  const sorted = [...owners].sort((x, y) => (x.role === y.role ? 0 : x.role === 'lead' ? -1 : 1));
  return (
    <Space size={[4, 4]} wrap>
      {sorted.map((o) => (
        <Tag
          key={o.organisationId}
          color={o.role === 'lead' ? 'blue' : undefined}
          data-testid="item-owner"
          data-role={o.role}
          data-side={o.side ?? ''}
        >
          {o.name}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
            {t(`domain.unitRoles.${o.role}`)}
            {o.side ? ` · ${t(`domain.sides.${o.side}`)}` : ''}
          </Typography.Text>
        </Tag>
      ))}
    </Space>
  );
}

/** An overdue item's text and deadline in red, wherever it is listed. */
export function OverdueText({ status, children }: { status: ItemStatus; children: React.ReactNode }) {
  return status === 'overdue' ? <Typography.Text type="danger">{children}</Typography.Text> : children;
}

/** The columns every list of items shares: text (linked), owners, deadline, status. */
export function useItemColumns(opts: { pairing?: boolean; source?: boolean } = {}): TableColumnsType<ItemSummary> {
  const { t } = useI18n();
  return [
    {
      title: t('ui.tracking.items.text'),
      dataIndex: 'text',
      render: (text: string, row) => (
        <Space size={4} align="start">
          <Link to={`/tracking/${row.id}`} onClick={(e) => e.stopPropagation()} data-testid="item-link">
            <OverdueText status={row.status}>{text}</OverdueText>
          </Link>
          <DemoTag isDemo={row.isDemo} />
        </Space>
      ),
    },
    ...(opts.source
      ? [
          {
            title: t('ui.tracking.items.source'),
            key: 'source',
            width: 200,
            render: (_: unknown, row: ItemSummary) =>
              row.source === 'meeting_decision' && row.sourceId ? (
                <Link to={`/meetings/${row.sourceId}`} onClick={(e) => e.stopPropagation()}>
                  {row.sourceTitle}
                </Link>
              ) : (
                (row.sourceTitle ?? t(`ui.tracking.sources.${row.source}`))
              ),
          },
        ]
      : []),
    ...(opts.pairing ? [{ title: t('ui.tracking.items.pairing'), dataIndex: 'pairingName', width: 150 }] : []),
    {
      title: t('ui.tracking.items.owners'),
      dataIndex: 'owners',
      width: 260,
      render: (owners: ItemSummary['owners']) => <ItemOwners owners={owners} />,
    },
    {
      title: t('ui.tracking.items.deadline'),
      dataIndex: 'deadline',
      width: 110,
      render: (deadline: string, row) => (
        <span data-testid="item-deadline">
          <OverdueText status={row.status}>{deadline}</OverdueText>
        </span>
      ),
    },
    {
      title: t('ui.tracking.items.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: ItemStatus) => <ItemStatusTag status={status} />,
    },
  ];
}

/** The data-* attributes of an item's row: tests find it, and an overdue row is painted red. */
export const itemRowData = (row: ItemSummary) =>
  ({
    'data-testid': 'item-row',
    'data-id': row.id,
    'data-status': row.status,
    'data-overdue': String(row.status === 'overdue'),
    'data-demo': String(row.isDemo),
  }) as const;

/** A short list of items inside another page (a meeting, a task, a pairing), each row opening the item. */
export function ItemTable({
  items,
  emptyText,
  source,
  testId,
}: {
  items: ItemSummary[];
  emptyText: string;
  source?: boolean;
  testId?: string;
}) {
  const navigate = useNavigate();
  const columns = useItemColumns({ source });
  return (
    <Table<ItemSummary>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      data-testid={testId}
      locale={{ emptyText }}
      rowClassName={() => 'duikou-clickable-row'}
      onRow={(row) =>
        ({ ...itemRowData(row), onClick: () => navigate(`/tracking/${row.id}`) }) as HTMLAttributes<HTMLElement>
      }
      scroll={{ x: 700 }}
    />
  );
}
