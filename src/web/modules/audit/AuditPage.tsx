import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, isApiError } from '../../app/api-client.ts';
import type { AuditItem, AuditList, AuditVerify } from '../../app/api-types.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { AUDIT_RESULTS } from '../../shared/enums.ts';
import { formatDateTime } from '../../shared/format.ts';

interface Filters {
  actorName?: string;
  action?: string;
  objectType?: string;
  result?: AuditItem['result'];
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface Query {
  actorName?: string;
  action?: string;
  objectType?: string;
  result?: AuditItem['result'];
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const RESULT_COLOURS: Record<AuditItem['result'], string> = { success: 'green', failure: 'orange', denied: 'red' };

/** The audit trail, for the audit administrator only: filter it, and check that nobody has altered it. */
export function AuditPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.audit.title');
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const { data, error, loading, reload } = useApi((signal) => api.get<AuditList>('/api/audit', { ...query }, { signal }), [JSON.stringify(query)]);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<{ result?: AuditVerify; error?: string } | null>(null);

  const applyFilters = (values: Filters) => {
    const trim = (v?: string) => (v && v.trim() ? v.trim() : undefined);
    setQuery({
      actorName: trim(values.actorName),
      action: trim(values.action),
      objectType: trim(values.objectType),
      result: values.result,
      from: values.range?.[0]?.format('YYYY-MM-DD'),
      to: values.range?.[1]?.format('YYYY-MM-DD'),
      page: 1,
      pageSize: query.pageSize,
    });
  };

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify({ result: await api.get<AuditVerify>('/api/audit/verify') });
    } catch (err) {
      setVerify({ error: isApiError(err) ? pick(err) : t('ui.common.networkError') });
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableColumnsType<AuditItem> = [
    { title: t('ui.audit.at'), dataIndex: 'at', width: 150, render: formatDateTime },
    { title: t('ui.audit.actor'), dataIndex: 'actorName', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('ui.audit.action'), dataIndex: 'action', width: 170, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('ui.audit.objectType'), dataIndex: 'objectType', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('ui.audit.objectId'), dataIndex: 'objectId', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('ui.audit.result'),
      dataIndex: 'result',
      width: 90,
      render: (r: AuditItem['result']) => <Tag color={RESULT_COLOURS[r]}>{t(`domain.auditResults.${r}`)}</Tag>,
    },
    { title: t('ui.audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  if (error) return <ErrorResult error={error} onRetry={reload} />;

  return (
    <Card
      title={t('ui.audit.title')}
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={runVerify} data-testid="audit-verify">
          {t('ui.audit.verify')}
        </Button>
      }
    >
      {verify && (
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
              : t('ui.audit.verifyBroken', { checked: verify.result?.checked ?? 0, id: verify.result?.firstBrokenId ?? '—' }))
          }
          data-testid="audit-verify-result"
        />
      )}
      <Form form={form} layout="inline" onFinish={applyFilters} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="actorName">
          <Input allowClear placeholder={t('ui.audit.actorPlaceholder')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="action">
          <Input allowClear placeholder={t('ui.audit.actionPlaceholder')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="objectType">
          <Input allowClear placeholder={t('ui.audit.objectTypePlaceholder')} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="result">
          <Select
            allowClear
            placeholder={t('ui.audit.result')}
            style={{ width: 110 }}
            options={AUDIT_RESULTS.map((r) => ({ value: r, label: t(`domain.auditResults.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker placeholder={[t('ui.audit.from'), t('ui.audit.to')]} style={{ width: 250 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('ui.common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              applyFilters({});
            }}
          >
            {t('ui.common.reset')}
          </Button>
        </Space>
      </Form>
      <Table<AuditItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        locale={{ emptyText: t('ui.common.empty') }}
        expandable={{
          rowExpandable: (row) => row.details !== null && row.details !== undefined,
          expandedRowRender: (row) => (
            <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>
              {[row.requestId ? t('ui.audit.requestIdLine', { id: row.requestId }) : '', JSON.stringify(row.details, null, 2)].filter(Boolean).join('\n')}
            </pre>
          ),
        }}
        pagination={{
          current: data?.page ?? query.page,
          pageSize: data?.pageSize ?? query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('ui.common.total', { total }),
          onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
        }}
        onRow={() => ({ 'data-testid': 'audit-row' }) as React.HTMLAttributes<HTMLElement>}
        scroll={{ x: 1000 }}
      />
    </Card>
  );
}
