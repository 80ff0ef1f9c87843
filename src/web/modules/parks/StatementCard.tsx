import type { HTMLAttributes } from 'react';
import { Alert, Button, Card, DatePicker, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { PrintButton } from '../../shared/PrintButton.tsx';
import dayjs from 'dayjs';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { DownloadButton } from '../../shared/DownloadButton.tsx';
import { formatDateTime } from '../../shared/format.ts';
import type { SharedFigure } from '../../../common/api/enums.ts';
import type { ParkDetail, StatementResponse } from '../../../common/api/parks.ts';
import { parksApi } from './parks.api.ts';
import { yuanText } from './park-display.tsx';
import './park-print.css';

export interface StatementView {
  agreementId?: string;
  year?: number;
  /** ISO timestamp: the ledger as it stood then; undefined = now. */
  asOf?: string;
}

type Row = {
  key: string;
  figure: SharedFigure | 'taxTotal';
  total: string | null;
  parts: string[];
  shared: string | null;
  notShared: string | null;
  unallocated: string | null;
};
type Group = StatementResponse['figures'][number]['groups'][number] & { figure: SharedFigure; key: string };

/** The years an agreement covers, up to this one, latest first. */
function agreementYears(a: ParkDetail['agreements'][number]): number[] {
  const first = Number(a.startsOn.slice(0, 4));
  const last = Math.min(a.endsOn ? Number(a.endsOn.slice(0, 4)) : 9999, new Date().getFullYear());
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => last - i);
}

/**
 * What each party of an agreement is owed for a year, exact to the fen, computed from the ledger as it stood at
 * a chosen moment (a past statement is reproduced after later corrections); exported to Excel or printed.
 */
export function StatementCard({
  park,
  ledgerVersion,
  ledgerYears,
  view,
  onView,
}: {
  park: ParkDetail;
  ledgerVersion: number;
  ledgerYears: number[];
  view: StatementView;
  onView: (v: StatementView) => void;
}) {
  const { t } = useI18n();
  const agreement = park.agreements.find((a) => a.id === view.agreementId) ?? park.agreements[0]!;
  const years = agreementYears(agreement);
  const year =
    view.year && years.includes(view.year)
      ? view.year
      : (ledgerYears.find((y) => years.includes(y)) ?? years[0] ?? new Date().getFullYear());
  const {
    data: st,
    error,
    loading,
    reload,
  } = useApi(
    (signal) => parksApi.statement(park.id, agreement.id, year, view.asOf, signal),
    [park.id, agreement.id, year, view.asOf, ledgerVersion],
  );

  const parties = st?.parties ?? [];
  const rows: Row[] = st
    ? [
        ...st.figures.map((f) => ({
          key: f.figure,
          figure: f.figure,
          total: f.total,
          parts: f.parts,
          shared: f.shared,
          notShared: f.notShared,
          unallocated: f.unallocated,
        })),
        {
          key: 'taxTotal',
          figure: 'taxTotal' as const,
          total: null,
          parts: parties.map((p) => p.taxTotal),
          shared: null,
          notShared: null,
          unallocated: null,
        },
      ]
    : [];
  const money = (v: string | null) => (v === null ? '' : yuanText(v));
  const columns: TableColumnsType<Row> = [
    {
      title: t('ui.parks.figure'),
      dataIndex: 'figure',
      width: 140,
      render: (f: Row['figure']) =>
        f === 'taxTotal' ? <strong>{t('ui.parks.taxTotal')}</strong> : t(`domain.sharedFigures.${f}`),
    },
    {
      title: t('ui.parks.statementTotal'),
      dataIndex: 'total',
      align: 'right',
      render: (v: string | null) => <span data-testid="statement-total">{money(v)}</span>,
    },
    ...parties.map((p, i) => ({
      title: p.name,
      key: p.key,
      align: 'right' as const,
      render: (_: unknown, row: Row) => (
        <span
          data-testid="statement-part"
          data-party={p.key}
          style={row.figure === 'taxTotal' ? { fontWeight: 600 } : undefined}
        >
          {money(row.parts[i] ?? null)}
        </span>
      ),
    })),
    { title: t('ui.parks.shared'), dataIndex: 'shared', align: 'right', render: money },
    { title: t('ui.parks.notShared'), dataIndex: 'notShared', align: 'right', render: money },
    { title: t('ui.parks.unallocated'), dataIndex: 'unallocated', align: 'right', render: money },
  ];
  const groups: Group[] = (st?.figures ?? []).flatMap((f) =>
    f.groups.map((g) => ({ ...g, figure: f.figure, key: `${f.figure}-${g.from}` })),
  );
  const groupColumns: TableColumnsType<Group> = [
    {
      title: t('ui.parks.figure'),
      dataIndex: 'figure',
      width: 140,
      render: (f: SharedFigure) => t(`domain.sharedFigures.${f}`),
    },
    {
      title: t('ui.parks.termPeriod'),
      key: 'range',
      width: 230,
      render: (_: unknown, g) =>
        t('ui.parks.termRange', { from: g.from, to: g.to ?? agreement.endsOn ?? t('ui.parks.untilEnd') }),
    },
    { title: t('ui.parks.shares'), dataIndex: 'shares', render: (s: string[]) => s.map((x) => `${x}%`).join(' : ') },
    { title: t('ui.parks.groupBase'), dataIndex: 'base', align: 'right', render: money },
    ...parties.map((p, i) => ({
      title: p.name,
      key: p.key,
      align: 'right' as const,
      render: (_: unknown, g: Group) => money(g.parts[i] ?? null),
    })),
  ];

  return (
    <Card
      className="park-statement"
      title={<span className="park-no-print">{t('ui.parks.statement')}</span>}
      data-testid="statement"
    >
      <Space wrap className="park-statement-controls" style={{ marginBottom: 16 }}>
        {park.agreements.length > 1 && (
          <Select
            value={agreement.id}
            onChange={(agreementId) => onView({ ...view, agreementId, year: undefined })}
            options={park.agreements.map((a) => ({ value: a.id, label: a.title }))}
            style={{ width: 260 }}
            data-testid="statement-agreement"
          />
        )}
        <Select<number>
          value={year}
          onChange={(y) => onView({ ...view, agreementId: agreement.id, year: y })}
          options={years.map((y) => ({ value: y, label: t('ui.common.periodYear', { year: y }) }))}
          style={{ width: 110 }}
          data-testid="statement-year"
        />
        <DatePicker
          showTime
          format="YYYY-MM-DD HH:mm:ss"
          value={view.asOf ? dayjs(view.asOf) : null}
          onChange={(d) =>
            onView({ ...view, agreementId: agreement.id, year, asOf: d ? d.endOf('second').toISOString() : undefined })
          }
          placeholder={t('ui.parks.asOfNow')}
          style={{ width: 230 }}
          data-testid="statement-asof-picker"
        />
        {view.asOf && (
          <Button onClick={() => onView({ ...view, asOf: undefined })} data-testid="statement-now">
            {t('ui.parks.asOfReset')}
          </Button>
        )}
        <DownloadButton
          file={() => parksApi.statementXlsx(park.id, agreement.id, year, view.asOf)}
          fileName={t('ui.parks.statementFileName', { name: park.name, year })}
          done={t('ui.parks.exported')}
          icon={<DownloadOutlined />}
          testId="statement-export"
        >
          {t('ui.parks.exportXlsx')}
        </DownloadButton>
        <PrintButton testId="statement-print" bodyClass="print-statement">
          {t('ui.parks.print')}
        </PrintButton>
      </Space>
      {error ? (
        <ErrorResult error={error} onRetry={reload} />
      ) : (
        <>
          <div className="park-statement-heading">
            <Typography.Title level={4} style={{ marginBottom: 4 }} data-testid="statement-title">
              {t('ui.parks.statementHeading', { park: park.name, title: agreement.title, year })}
            </Typography.Title>
            {st && (
              <Typography.Text type="secondary" data-testid="statement-asof" data-asof={st.asOf}>
                {t('ui.parks.statementSubtitle', {
                  asOf: formatDateTime(st.asOf),
                  entries: st.entryCount,
                  corrections: st.correctionCount,
                })}
              </Typography.Text>
            )}
          </div>
          {view.asOf && (
            <Alert
              type="warning"
              showIcon
              className="park-statement-controls"
              style={{ marginBottom: 12 }}
              title={t('ui.parks.asOfPast', { asOf: formatDateTime(view.asOf) })}
              data-testid="statement-past"
            />
          )}
          <Table<Row>
            rowKey="key"
            size="small"
            bordered
            loading={loading}
            columns={columns}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('ui.parks.statementEmpty') }}
            onRow={(row) =>
              ({ 'data-testid': 'statement-row', 'data-figure': row.figure }) as HTMLAttributes<HTMLElement>
            }
            scroll={{ x: 800 }}
          />
          {groups.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('ui.parks.groups')}
              </Typography.Title>
              <Table<Group>
                rowKey="key"
                size="small"
                bordered
                columns={groupColumns}
                dataSource={groups}
                pagination={false}
                scroll={{ x: 800 }}
              />
            </>
          )}
          {st && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }} data-testid="statement-rule">
              {t('ui.parks.roundingRule', { rule: t('domain.sharingRounding') })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
