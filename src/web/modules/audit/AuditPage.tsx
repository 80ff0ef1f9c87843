import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, DatePicker, Tag, Typography, type TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { AuditItem, AuditListParams, AuditVerify } from '../../../common/api/audit.ts';
import { AUDIT_RESULTS, type AuditResult } from '../../../common/api/enums.ts';
import { AUDIT_OBJECT_TYPES, auditActionText, auditObjectText } from '../../../common/i18n/audit-text.ts';
import { isApiError } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';
import { SearchFilter, SelectFilter } from '../../app/list/FilterBar.tsx';
import { useUrlQuery, type UrlQuery } from '../../app/list/use-url-query.ts';
import { useApi } from '../../app/use-api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListPage } from '../../shared/ListPage.tsx';
import { auditApi } from './audit.api.ts';
import { auditObjectPath } from './audit-object-link.ts';

const RESULT_COLOURS: Record<AuditResult, string> = { success: 'green', failure: 'orange', denied: 'red' };

/** The days of the trail to show, bound to the `from` and `to` address parameters. */
function DateRangeFilter({ query }: { query: UrlQuery }) {
  const { t } = useI18n();
  const from = query.get('from');
  const to = query.get('to');
  return (
    <DatePicker.RangePicker
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      allowEmpty={[true, true]}
      onChange={(range) =>
        query.update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
      }
      placeholder={[t('ui.audit.from'), t('ui.audit.to')]}
      style={{ width: 250 }}
    />
  );
}

/** The audit trail, for the audit administrator only: filter it, and check that nobody has altered it. */
export function AuditPage() {
  const { t, pick, locale } = useI18n();
  const query = useUrlQuery();
  const params: AuditListParams = {
    actorName: query.get('actorName'),
    action: query.get('action'),
    objectType: query.get('objectType'),
    result: query.get<AuditResult>('result'),
    from: query.get('from'),
    to: query.get('to'),
    page: query.page,
    pageSize: query.pageSize,
  };
  const list = useApi((signal) => auditApi.list(params, signal), [query.key]);
  const actions = useApi((signal) => auditApi.actions(signal), []);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<{ result?: AuditVerify; error?: string } | null>(null);

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify({ result: await auditApi.verify() });
    } catch (err) {
      setVerify({ error: isApiError(err) ? pick(err) : t('ui.common.networkError') });
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableColumnsType<AuditItem> = [
    { title: t('ui.audit.at'), dataIndex: 'at', width: 150, render: formatDateTime },
    { title: t('ui.audit.actor'), dataIndex: 'actorName', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('ui.audit.action'),
      dataIndex: 'action',
      width: 190,
      // In words; the code stays at hand for whoever reads the raw trail.
      render: (v: string) => <span title={v}>{auditActionText(locale, v)}</span>,
    },
    {
      title: t('ui.audit.objectType'),
      dataIndex: 'objectType',
      width: 110,
      render: (v: string | null) => (v ? auditObjectText(locale, v) : '—'),
    },
    {
      title: t('ui.audit.object'),
      dataIndex: 'objectName',
      ellipsis: true,
      render: (name: string | null, row) => {
        if (!row.objectId) return '—';
        const path = name ? auditObjectPath(row.objectType, row.objectId) : null;
        if (path)
          return (
            <Link to={path} data-testid="audit-object-link">
              {name}
            </Link>
          );
        if (name) return name;
        return (
          <Typography.Text type="secondary" title={row.objectId} style={{ fontSize: 12 }}>
            {row.objectId}
          </Typography.Text>
        );
      },
    },
    {
      title: t('ui.audit.result'),
      dataIndex: 'result',
      width: 90,
      render: (r: AuditResult) => <Tag color={RESULT_COLOURS[r]}>{t(`domain.auditResults.${r}`)}</Tag>,
    },
    { title: t('ui.audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <ListPage<AuditItem>
      title="ui.audit.title"
      list={list}
      actions={
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={runVerify} data-testid="audit-verify">
          {t('ui.audit.verify')}
        </Button>
      }
      notice={
        verify && (
          <Alert
            closable={{ onClose: () => setVerify(null) }}
            showIcon
            style={{ marginBottom: 16 }}
            type={verify.result?.ok ? 'success' : 'error'}
            title={t('ui.audit.verifyTitle')}
            description={
              verify.error ??
              (verify.result?.ok
                ? t('ui.audit.verifyOk', { checked: verify.result.checked })
                : t('ui.audit.verifyBroken', {
                    checked: verify.result?.checked ?? 0,
                    count: verify.result?.brokenCount ?? 0,
                    ids:
                      verify.result?.broken
                        .slice(0, 20)
                        .map((b) => b.id)
                        .join(', ') ?? '—',
                  }))
            }
            data-testid="audit-verify-result"
          />
        )
      }
      export={{ file: () => auditApi.exportList(params), testId: 'list-export' }}
      filterExtra={
        <Button
          onClick={() =>
            query.update({
              actorName: undefined,
              action: undefined,
              objectType: undefined,
              result: undefined,
              from: undefined,
              to: undefined,
            })
          }
        >
          {t('ui.common.reset')}
        </Button>
      }
      filters={
        <>
          <SearchFilter
            key={`actor-${query.get('actorName') ?? ''}`}
            query={query}
            name="actorName"
            placeholder={t('ui.audit.actorPlaceholder')}
            width={150}
          />
          <SelectFilter
            query={query}
            name="action"
            placeholder={t('ui.audit.actionPlaceholder')}
            width={220}
            testId="audit-action-filter"
            options={(actions.data?.actions ?? []).map((a) => ({ value: a, label: auditActionText(locale, a) }))}
          />
          <SelectFilter
            query={query}
            name="objectType"
            placeholder={t('ui.audit.objectTypePlaceholder')}
            width={150}
            testId="audit-type-filter"
            options={AUDIT_OBJECT_TYPES.map((type) => ({ value: type, label: auditObjectText(locale, type) }))}
          />
          <SelectFilter
            query={query}
            name="result"
            placeholder={t('ui.audit.result')}
            width={110}
            options={AUDIT_RESULTS.map((r) => ({ value: r, label: t(`domain.auditResults.${r}`) }))}
          />
          <DateRangeFilter query={query} />
        </>
      }
      query={query}
      columns={columns}
      rowData={() => ({ 'data-testid': 'audit-row' })}
      expandable={{
        rowExpandable: (row) => row.details !== null && row.details !== undefined,
        expandedRowRender: (row) => (
          <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>
            {[
              row.requestId ? t('ui.audit.requestIdLine', { id: row.requestId }) : '',
              JSON.stringify(row.details, null, 2),
            ]
              .filter(Boolean)
              .join('\n')}
          </pre>
        ),
      }}
    />
  );
}
