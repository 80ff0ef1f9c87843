import { useState, type HTMLAttributes } from 'react';
import { Button, Card, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { HistoryOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ApiState } from '../../app/use-api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { formatDateTime } from '../../shared/format.ts';
import type { LedgerEntry, LedgerResponse, ParkDetail } from '../../../common/api/parks.ts';
import { yuanText } from './park-display.tsx';
import { PeriodText } from '../../shared/period.tsx';
import { DemoTag } from '../../shared/demo.tsx';
import { LedgerEntryModal } from './LedgerEntryModal.tsx';
import { LedgerImportModal } from './LedgerImportModal.tsx';

/** A timestamp to the second, as a correction is told apart from the entry it replaced. */
const toSecond = (iso: string) => {
  const d = new Date(iso);
  return `${formatDateTime(iso)}:${String(d.getSeconds()).padStart(2, '0')}`;
};

/**
 * The park's ledger of tax and output, a year at a time. Entries are never edited: a correction is a new entry,
 * and the one it replaced stays, marked, so the statement can be drawn as of before the correction.
 */
export function LedgerCard({
  park,
  manage,
  year,
  onYear,
  ledger,
  onChanged,
  onStatementBefore,
}: {
  park: ParkDetail;
  manage: boolean;
  year: number;
  onYear: (year: number) => void;
  ledger: ApiState<LedgerResponse>;
  /** After a change; with the year of an entry just recorded, so the ledger shows it. */
  onChanged: (entryYear?: number) => void;
  /** Shows the statement of the entry's year as the ledger stood just before `entry` was recorded. */
  onStatementBefore?: (entry: LedgerEntry) => void;
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [correcting, setCorrecting] = useState<LedgerEntry | null>(null);
  const [importing, setImporting] = useState(false);
  const thisYear = new Date().getFullYear();
  const years = [...new Set([...(ledger.data?.years ?? []), thisYear, year])].sort((a, b) => b - a);

  const columns: TableColumnsType<LedgerEntry> = [
    {
      title: t('ui.parks.enterpriseName'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => (
        <Space size={4}>
          {name}
          <DemoTag isDemo={row.isDemo} />
        </Space>
      ),
    },
    {
      title: t('ui.parks.figure'),
      dataIndex: 'figure',
      width: 120,
      render: (f: LedgerEntry['figure']) => t(`domain.sharedFigures.${f}`),
    },
    {
      title: t('ui.parks.period'),
      dataIndex: 'period',
      width: 110,
      render: (p: LedgerEntry['period']) => <PeriodText period={p} />,
    },
    {
      title: t('ui.parks.amountYuan'),
      dataIndex: 'amount',
      width: 160,
      align: 'right',
      render: (a: string, row) => (
        <span
          data-testid="ledger-amount"
          style={row.superseded ? { textDecoration: 'line-through', color: '#999' } : undefined}
        >
          {yuanText(a)}
        </span>
      ),
    },
    { title: t('ui.parks.recordedAt'), dataIndex: 'recordedAt', width: 170, render: (at: string) => toSecond(at) },
    {
      title: t('ui.common.status'),
      key: 'state',
      width: 110,
      render: (_: unknown, row) => (
        <Space size={4}>
          {row.superseded && <Tag data-testid="ledger-superseded">{t('ui.parks.superseded')}</Tag>}
          {row.supersedesId && (
            <Tag color="blue" data-testid="ledger-correction">
              {t('ui.parks.correction')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('ui.common.actions'),
      key: 'actions',
      width: 190,
      render: (_: unknown, row) => (
        <Space size={0}>
          {manage && !row.superseded && (
            <Button type="link" size="small" onClick={() => setCorrecting(row)} data-testid="ledger-correct">
              {t('ui.parks.correct')}
            </Button>
          )}
          {row.supersedesId && onStatementBefore && (
            <Tooltip title={t('ui.parks.statementBeforeHint')}>
              <Button
                type="link"
                size="small"
                icon={<HistoryOutlined />}
                onClick={() => onStatementBefore(row)}
                data-testid="ledger-statement-before"
              >
                {t('ui.parks.statementBefore')}
              </Button>
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      className="park-no-print"
      title={t('ui.parks.ledger')}
      extra={
        <Space wrap>
          <Select<number>
            value={year}
            onChange={onYear}
            options={years.map((y) => ({ value: y, label: t('ui.common.periodYear', { year: y }) }))}
            style={{ width: 110 }}
            data-testid="ledger-year"
          />
          {manage && (
            <>
              <Button
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                disabled={!park.enterprises.length}
                data-testid="ledger-add"
              >
                {t('ui.parks.entryAdd')}
              </Button>
              <Button
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                disabled={!park.enterprises.length}
                data-testid="ledger-import"
              >
                {t('ui.parks.importButton')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      {ledger.error ? (
        <ErrorResult error={ledger.error} onRetry={ledger.reload} />
      ) : (
        <Table<LedgerEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={ledger.data?.items ?? []}
          loading={ledger.loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('ui.parks.ledgerEmpty', { year }) }}
          onRow={(row) =>
            ({
              'data-testid': 'ledger-row',
              'data-id': row.id,
              'data-figure': row.figure,
              'data-superseded': String(row.superseded),
              'data-correction': String(!!row.supersedesId),
            }) as HTMLAttributes<HTMLElement>
          }
          scroll={{ x: 1000 }}
        />
      )}
      {(adding || correcting) && (
        <LedgerEntryModal
          park={park}
          year={year}
          correcting={correcting ?? undefined}
          onClose={() => {
            setAdding(false);
            setCorrecting(null);
          }}
          onSaved={(entryYear) => {
            setAdding(false);
            setCorrecting(null);
            onChanged(entryYear);
          }}
        />
      )}
      {importing && (
        <LedgerImportModal park={park} onClose={() => setImporting(false)} onImported={() => onChanged()} />
      )}
    </Card>
  );
}
