import { useState, type HTMLAttributes } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { useMessage } from '../../app/feedback.tsx';
import type { LedgerResponse, ParkDetail } from '../../../common/api/parks.ts';
import { parksApi } from './parks.api.ts';
import { yuanText } from './park-display.tsx';
import { DemoTag } from '../../shared/demo.tsx';
import { useIndustryDivisions, useIndustryName } from '../../shared/use-industries.ts';
import { FormModal } from '../../shared/FormModal.tsx';

type Enterprise = ParkDetail['enterprises'][number];
type Totals = LedgerResponse['enterpriseTotals'][number];

function EnterpriseModal({ park, onClose, onSaved }: { park: ParkDetail; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const message = useMessage();
  const divisions = useIndustryDivisions();
  const [form] = Form.useForm<{
    name: string;
    creditCode?: string;
    industryDivision?: string;
    settledOn?: Dayjs | null;
  }>();
  const { saving, banner, run } = useServerForm(form);

  const submit = async (v: {
    name: string;
    creditCode?: string;
    industryDivision?: string;
    settledOn?: Dayjs | null;
  }) => {
    await run(async () => {
      await parksApi.addEnterprise(park.id, {
        name: v.name?.trim() ?? '',
        creditCode: v.creditCode?.trim() || null,
        industryDivision: v.industryDivision ?? null,
        settledOn: v.settledOn ? v.settledOn.format('YYYY-MM-DD') : null,
      });
      message.success(t('ui.common.created'));
      onSaved();
    });
  };

  return (
    <FormModal
      title={t('ui.parks.enterpriseAdd')}
      okTestId="enterprise-save"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form form={form} name="enterprise" layout="vertical" onFinish={submit} data-testid="enterprise-form">
        <Form.Item
          name="name"
          label={t('ui.parks.enterpriseName')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('ui.parks.creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="industryDivision" label={t('ui.parks.industry')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={divisions} />
        </Form.Item>
        <Form.Item name="settledOn" label={t('ui.parks.settledOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** The enterprises settled in the park, with the year's taxes, output and GDP from the ledger in force. */
export function EnterprisesCard({
  park,
  manage,
  year,
  totals,
  onChanged,
}: {
  park: ParkDetail;
  manage: boolean;
  year: number;
  totals: Totals[] | undefined;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const industryName = useIndustryName();
  const [adding, setAdding] = useState(false);
  const byId = new Map((totals ?? []).map((x) => [x.enterpriseId, x]));
  const figure = (key: 'tax' | 'output' | 'gdp') => (row: Enterprise) => (
    <span data-testid={`enterprise-${key}`}>{yuanText(byId.get(row.id)?.[key] ?? '0')}</span>
  );

  const columns: TableColumnsType<Enterprise> = [
    {
      title: t('ui.parks.enterpriseName'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Space size={4}>
          {name}
          <DemoTag isDemo={row.isDemo} />
        </Space>
      ),
    },
    { title: t('ui.parks.creditCode'), dataIndex: 'creditCode', width: 190, render: (v: string | null) => v ?? '—' },
    {
      title: t('ui.parks.industry'),
      dataIndex: 'industryDivision',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => <span title={v ?? undefined}>{industryName(v) ?? '—'}</span>,
    },
    { title: t('ui.parks.settledOn'), dataIndex: 'settledOn', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('ui.parks.yearTax', { year }),
      key: 'tax',
      width: 150,
      align: 'right',
      render: (_: unknown, row) => figure('tax')(row),
    },
    {
      title: t('ui.parks.yearOutput', { year }),
      key: 'output',
      width: 150,
      align: 'right',
      render: (_: unknown, row) => figure('output')(row),
    },
    {
      title: t('ui.parks.yearGdp', { year }),
      key: 'gdp',
      width: 150,
      align: 'right',
      render: (_: unknown, row) => figure('gdp')(row),
    },
  ];

  return (
    <Card
      className="park-no-print"
      title={t('ui.parks.enterprises', { count: park.enterprises.length })}
      extra={
        manage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="enterprise-add">
            {t('ui.parks.enterpriseAdd')}
          </Button>
        )
      }
    >
      <Table<Enterprise>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={park.enterprises}
        pagination={park.enterprises.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('ui.parks.enterprisesEmpty') }}
        onRow={(row) => ({ 'data-testid': 'enterprise-row', 'data-id': row.id }) as HTMLAttributes<HTMLElement>}
        scroll={{ x: 900 }}
      />
      {adding && (
        <EnterpriseModal
          park={park}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
