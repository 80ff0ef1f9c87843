import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Form, InputNumber, Modal, Select, Table, Tabs, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { SUMMARY_KINDS, type SummaryItem, type SummaryKind } from '../../../common/api/summaries.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useProgrammeFilter } from '../../app/programme.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { usePairingOptions } from '../../shared/use-pairing-options.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { summariesApi } from './summaries.api.ts';
import { SummaryStateTag } from './summary-display.tsx';

/** 起草: the pairing, year and kind of a new document; the server drafts it from the records. */
function DraftModal({ onClose, onDone }: { onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ pairingId: string; year: number; kind: SummaryKind }>();
  const { saving, banner, run } = useServerForm(form);
  const pairings = usePairingOptions();
  const required = [{ required: true, message: t('errors.field.required') }];
  const save = () =>
    run(async () => {
      const v = await form.validateFields();
      onDone((await summariesApi.create(v)).id);
    });
  return (
    <Modal open title={t('ui.summaries.create')} onCancel={onClose} onOk={save} confirmLoading={saving}>
      {banner}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear() - 1, kind: 'summary' }}
        data-testid="summary-draft-form"
      >
        <Form.Item name="pairingId" label={t('ui.summaries.pairing')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={pairings.loading}
            options={pairings.options}
            data-testid="summary-pairing"
          />
        </Form.Item>
        <Form.Item name="year" label={t('ui.summaries.year')} rules={required}>
          <InputNumber min={2000} max={2100} data-testid="summary-year" />
        </Form.Item>
        <Form.Item name="kind" label={t('ui.summaries.kind')} rules={required}>
          <Select options={SUMMARY_KINDS.map((k) => ({ value: k, label: t(`ui.summaries.kinds.${k}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The yearly documents the user sees; for the national office and 组织部 a tab of those waiting for them. */
export function SummaryListPage() {
  const { t } = useI18n();
  usePageTitle('ui.summaries.title');
  const { can } = useSession();
  const navigate = useNavigate();
  const receives = can('summary.receive');
  const [tab, setTab] = useState<'inbox' | 'all'>(receives ? 'inbox' : 'all');
  const programmeId = useProgrammeFilter();
  const list = useApi(
    (signal) => summariesApi.list({ programmeId, ...(tab === 'inbox' ? { state: 'submitted' } : {}) }, signal),
    [tab, programmeId],
  );
  const [drafting, setDrafting] = useState(false);
  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  const columns: TableColumnsType<SummaryItem> = [
    {
      title: t('ui.summaries.docTitle'),
      dataIndex: 'title',
      render: (title: string, r) => <Link to={`/summaries/${r.id}`}>{title}</Link>,
    },
    { title: t('ui.summaries.pairing'), dataIndex: 'pairingName', width: 180 },
    { title: t('ui.summaries.year'), dataIndex: 'year', width: 80 },
    {
      title: t('ui.summaries.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: SummaryKind) => t(`ui.summaries.kinds.${k}`),
    },
    {
      title: t('ui.summaries.state'),
      dataIndex: 'state',
      width: 120,
      render: (s: SummaryItem['state'], r) => (
        <>
          <SummaryStateTag state={s} />
          {r.versionNo > 0 && t('ui.summaries.versionNo', { n: r.versionNo })}
        </>
      ),
    },
  ];
  return (
    <Card
      title={t('ui.summaries.title')}
      extra={
        can('summary.draft') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)} data-testid="summary-create">
            {t('ui.summaries.create')}
          </Button>
        )
      }
    >
      {receives && (
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'inbox' | 'all')}
          items={[
            { key: 'inbox', label: t('ui.summaries.inbox') },
            { key: 'all', label: t('ui.summaries.title') },
          ]}
        />
      )}
      <Table<SummaryItem>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        onRow={(r) => ({ 'data-testid': 'summary-row', 'data-id': r.id }) as object}
      />
      {drafting && <DraftModal onClose={() => setDrafting(false)} onDone={(id) => navigate(`/summaries/${id}`)} />}
    </Card>
  );
}
