import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Indicator } from '../../../common/api/indicators.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { IndicatorEditModal } from './IndicatorEditModal.tsx';
import { IndicatorFormDrawer } from './IndicatorFormDrawer.tsx';
import { IndicatorTargetsModal } from './IndicatorTargetsModal.tsx';
import { FormulaText } from './indicator-display.tsx';
import { indicatorsApi } from './indicators.api.ts';

/** 指标库: every indicator with its formula; the national office adds, renames and deactivates indicators and sets targets. */
export function IndicatorLibraryPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.indicators.title');
  const { can } = useSession();
  const list = useApi((signal) => indicatorsApi.list(signal), []);
  const [creating, setCreating] = useState(false);
  const [targets, setTargets] = useState<Indicator | null>(null);
  const [editing, setEditing] = useState<Indicator | null>(null);
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
      key: 'actions',
      width: 150,
      render: (_: unknown, i) => (
        <Space size={4}>
          <Button size="small" onClick={() => setEditing(i)} data-testid="indicator-edit">
            {t('ui.indicators.edit')}
          </Button>
          <Button size="small" onClick={() => setTargets(i)} data-testid="indicator-targets">
            {t('ui.indicators.setTargets')}
          </Button>
        </Space>
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
      {targets && <IndicatorTargetsModal indicator={targets} onClose={() => setTargets(null)} />}
      {editing && (
        <IndicatorEditModal
          indicator={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}
