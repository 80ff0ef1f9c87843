import { Breadcrumb, Card, Descriptions, Empty, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { RegionItem } from '../../../common/api/regions.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { regionsApi } from './regions.api.ts';

export function RegionDetailCard({ code, onSelect }: { code: string | undefined; onSelect: (code: string) => void }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi(
    (signal) => (code ? regionsApi.get(code, signal) : Promise.resolve(undefined)),
    [code],
  );

  if (!code) {
    return (
      <Card size="small" title={t('ui.regions.detail')}>
        <Empty description={t('ui.regions.selectHint')} />
      </Card>
    );
  }
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading || !data) {
    return (
      <Card size="small" title={t('ui.regions.detail')}>
        <Skeleton active />
      </Card>
    );
  }

  const columns: TableColumnsType<RegionItem> = [
    {
      title: t('ui.regions.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Link>{name}</Typography.Link>,
    },
    { title: t('ui.regions.code'), dataIndex: 'code', width: 120 },
    {
      title: t('ui.regions.level'),
      dataIndex: 'level',
      width: 120,
      render: (_: unknown, r) =>
        r.zoneType ? t(`domain.zoneTypes.${r.zoneType}`) : t(`domain.regionLevels.${r.level}`),
    },
    { title: t('ui.regions.childCount'), dataIndex: 'childCount', width: 100, align: 'right' },
  ];
  const rowProps = (r: RegionItem) => ({ onClick: () => onSelect(r.code), className: 'duikou-clickable-row' });

  return (
    <Card
      size="small"
      title={
        <span data-testid="region-detail-title">
          {data.name} <Typography.Text type="secondary">{data.code}</Typography.Text>
        </span>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
      >
        <Descriptions.Item label={t('ui.regions.code')}>{data.code}</Descriptions.Item>
        <Descriptions.Item label={t('ui.regions.shortName')}>{data.shortName}</Descriptions.Item>
        <Descriptions.Item label={t('ui.regions.level')}>{t(`domain.regionLevels.${data.level}`)}</Descriptions.Item>
        {data.zoneType && (
          <Descriptions.Item label={t('ui.regions.zoneType')}>
            {t(`domain.zoneTypes.${data.zoneType}`)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('ui.regions.path')} span="filled">
          {data.path.length ? (
            <Breadcrumb
              items={data.path.map((p) => ({
                title: (
                  <Typography.Link onClick={() => onSelect(p.code)} style={{ height: 'auto' }}>
                    {p.name}
                  </Typography.Link>
                ),
              }))}
            />
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('ui.regions.aliases')} span="filled">
          {data.aliases.length ? (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
              {data.aliases.map((a) => (
                <Tag key={a} style={{ marginInlineEnd: 0 }}>
                  {a}
                </Tag>
              ))}
            </div>
          ) : (
            t('ui.regions.noAliases')
          )}
        </Descriptions.Item>
      </Descriptions>
      {data.zones.length > 0 && (
        <>
          <Typography.Title level={5}>{t('ui.regions.zones')}</Typography.Title>
          <Table<RegionItem>
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={data.zones}
            pagination={false}
            onRow={rowProps}
            style={{ marginBottom: 16 }}
            data-testid="region-zones"
          />
        </>
      )}
      {data.children.length > 0 && (
        <>
          <Typography.Title level={5}>{t('ui.regions.children')}</Typography.Title>
          <Table<RegionItem>
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={data.children}
            pagination={data.children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            onRow={rowProps}
          />
        </>
      )}
    </Card>
  );
}
