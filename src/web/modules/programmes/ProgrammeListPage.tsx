import { useState } from 'react';
import { Button, Card, Space, Table, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import type { ProgrammeItem } from '../../../common/api/pairings.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useProgramme } from '../../app/programme.tsx';
import { useApi } from '../../app/use-api.ts';
import { ProgrammeFormDrawer } from './ProgrammeFormDrawer.tsx';
import { ProgrammeGrantsDrawer } from './ProgrammeGrantsDrawer.tsx';
import { ProgrammeLoadModal } from './ProgrammeLoadModal.tsx';
import { programmesApi } from './programmes.api.ts';

/**
 * The programmes the national office works in: each with its side names, basis and period; create, edit, load, and
 * who it is granted to.
 */
export function ProgrammeListPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.programmes.title');
  const list = useApi((signal) => programmesApi.list(signal), []);
  const { reload: reloadCurrent } = useProgramme();
  const [editing, setEditing] = useState<ProgrammeItem | 'new' | null>(null);
  const [loading, setLoading] = useState(false);
  const [granting, setGranting] = useState<ProgrammeItem | null>(null);
  const changed = () => {
    list.reload();
    reloadCurrent();
  };

  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  const columns: TableColumnsType<ProgrammeItem> = [
    {
      title: t('ui.programmes.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { title: t('ui.programmes.docNo'), dataIndex: 'docNo', width: 170, render: (v: string | null) => v ?? '—' },
    {
      title: t('ui.programmes.sides'),
      key: 'sides',
      width: 220,
      render: (_: unknown, p) => (p.sides ? `${pick(p.sides.a)} / ${pick(p.sides.b)}` : '—'),
    },
    {
      title: t('ui.programmes.period'),
      key: 'period',
      width: 200,
      render: (_: unknown, p) =>
        p.periodFrom && p.periodTo
          ? `${p.periodFrom} — ${p.periodTo}`
          : p.periodStart && p.periodEnd
            ? `${p.periodStart} — ${p.periodEnd}`
            : '—',
    },
    { title: t('ui.programmes.pairingCount'), dataIndex: 'pairingCount', width: 110 },
    {
      key: 'edit',
      width: 180,
      render: (_: unknown, p) => (
        <Space size="small">
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid="programme-edit">
            {t('ui.programmes.edit')}
          </Button>
          <Button size="small" icon={<TeamOutlined />} onClick={() => setGranting(p)} data-testid="programme-grants">
            {t('ui.programmes.grants.button')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Card
      title={t('ui.programmes.title')}
      extra={
        <Space>
          <Button icon={<UploadOutlined />} onClick={() => setLoading(true)} data-testid="programme-load">
            {t('ui.programmes.load')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="programme-create"
          >
            {t('ui.programmes.create')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('ui.programmes.intro')}</Typography.Paragraph>
      <Table<ProgrammeItem>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items}
        columns={columns}
        pagination={false}
        data-testid="programme-table"
      />
      {editing && (
        <ProgrammeFormDrawer
          programme={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            changed();
          }}
        />
      )}
      {loading && <ProgrammeLoadModal onClose={() => setLoading(false)} onLoaded={changed} />}
      {granting && <ProgrammeGrantsDrawer programme={granting} onClose={() => setGranting(null)} />}
    </Card>
  );
}
