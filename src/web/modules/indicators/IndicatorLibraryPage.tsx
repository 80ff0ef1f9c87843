import { useState } from 'react';
import { Button, Card, Form, InputNumber, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Indicator } from '../../../common/api/indicators.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { usePairingOptions } from '../../shared/use-pairing-options.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { IndicatorFormDrawer } from './IndicatorFormDrawer.tsx';
import { FormulaText } from './indicator-display.tsx';
import { indicatorsApi } from './indicators.api.ts';

/** The year's target of one indicator for each pairing (the national office's), saved together. */
function TargetsModal({ indicator, onClose }: { indicator: Indicator; onClose: () => void }) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const pairings = usePairingOptions();
  const [form] = Form.useForm<{ year: number; values: Record<string, number | null> }>();
  const { saving, banner, run } = useServerForm(form);
  const year = new Date().getFullYear();
  const save = () =>
    run(async () => {
      const v = await form.validateFields();
      const targets = Object.entries(v.values ?? {})
        .filter(([, value]) => value !== undefined)
        .map(([pairingId, value]) => ({ pairingId, value: value === null ? null : String(value) }));
      if (targets.length) await indicatorsApi.setTargets(indicator.id, { year: v.year, targets });
      message.success(t('ui.indicators.targetsSaved'));
      onClose();
    });
  return (
    <Modal
      open
      title={t('ui.indicators.targetsTitle', {
        name: pick({ zh: indicator.nameZh, en: indicator.nameEn }),
        year: String(year),
      })}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'targets-save' }}
    >
      {banner}
      <Form form={form} layout="horizontal" initialValues={{ year }} labelCol={{ span: 12 }}>
        <Form.Item name="year" label={t('ui.indicators.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        {pairings.options.map((p) => (
          <Form.Item key={p.value} name={['values', p.value]} label={p.label}>
            <InputNumber style={{ width: 160 }} data-testid={`target-${p.value}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** 指标库: every indicator with its formula; the national office adds indicators and sets targets. */
export function IndicatorLibraryPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.indicators.title');
  const { can } = useSession();
  const list = useApi((signal) => indicatorsApi.list(signal), []);
  const [creating, setCreating] = useState(false);
  const [targets, setTargets] = useState<Indicator | null>(null);
  const manage = can('indicator.manage');
  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;

  const columns: TableColumnsType<Indicator> = [
    {
      title: t('ui.indicators.name'),
      key: 'name',
      render: (_: unknown, i) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>
            <Typography.Text strong>{pick({ zh: i.nameZh, en: i.nameEn })}</Typography.Text>
            <Tag>{t(i.builtIn ? 'ui.indicators.builtIn' : 'ui.indicators.custom')}</Tag>
            {!i.active && <Tag color="default">{t('ui.indicators.inactive')}</Tag>}
          </Space>
          <Typography.Text type="secondary">{pick({ zh: i.definitionZh, en: i.definitionEn })}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('ui.indicators.formula'),
      key: 'formula',
      width: 280,
      render: (_: unknown, i) => <FormulaText indicator={i} />,
    },
    {
      title: t('ui.indicators.type'),
      dataIndex: 'type',
      width: 90,
      render: (v: Indicator['type']) => t(`ui.indicators.types.${v}`),
    },
    {
      title: t('ui.indicators.unit'),
      dataIndex: 'unit',
      width: 80,
      render: (v: Indicator['unit']) => t(`ui.indicators.units.${v}`),
    },
    {
      title: t('ui.indicators.direction'),
      dataIndex: 'direction',
      width: 100,
      render: (v: Indicator['direction']) => t(`ui.indicators.directions.${v}`),
    },
  ];
  if (manage)
    columns.push({
      key: 'targets',
      width: 90,
      render: (_: unknown, i) => (
        <Button size="small" onClick={() => setTargets(i)} data-testid="indicator-targets">
          {t('ui.indicators.setTargets')}
        </Button>
      ),
    });

  return (
    <Card
      title={t('ui.indicators.title')}
      extra={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="indicator-create"
          >
            {t('ui.indicators.create')}
          </Button>
        )
      }
    >
      <Table<Indicator>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        onRow={(i) => ({ 'data-testid': 'indicator-row', 'data-code': i.code }) as object}
      />
      {creating && list.data && (
        <IndicatorFormDrawer
          measures={list.data.measures}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            list.reload();
          }}
        />
      )}
      {targets && <TargetsModal indicator={targets} onClose={() => setTargets(null)} />}
    </Card>
  );
}
