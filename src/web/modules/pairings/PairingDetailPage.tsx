import { lazy, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Skeleton,
  Space,
  Table,
  Typography,
  Modal,
  type TableColumnsType,
} from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import type { PairingSummary } from '../../../common/api/pairings.ts';
import { isApiError } from '../../app/api-client.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { useFollowProgramme } from '../../app/programme.tsx';
import { PairingMap } from '../../shared/map/PairingMap.tsx';
import { LevelText, RegionNames, StatusTag } from './pairing-display.tsx';
import { pairingsApi } from './pairings.api.ts';
import { PairingFormDrawer } from './PairingFormDrawer.tsx';
import { SideCard } from './SideCard.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { PairingProjects } from '../projects/PairingProjects.tsx';
import { PairingMeetings } from '../meetings/PairingMeetings.tsx';
import IndicatorTrend from '../indicators/IndicatorTrend.tsx';
import { PeopleFiguresSection } from '../people/people-display.tsx';
import { ReplicationFiguresSection } from '../replication/replication-display.tsx';
import { ListingCountsSection } from '../listings/listing-counts.tsx';
import { PrintButton } from '../../shared/PrintButton.tsx';
import { WhenVisible } from '../../shared/WhenVisible.tsx';
import { WorkStatusSection } from '../dashboard/WorkStatusSection.tsx';
import { OverdueItemsSection } from '../tracking/OverdueItemsSection.tsx';

// The pairing's dashboard below the map: loaded when it comes near the viewport.
const IndicatorTiles = lazy(() => import('../indicators/IndicatorTiles.tsx'));
const LatestRanking = lazy(() => import('../evaluations/LatestRanking.tsx'));

export function PairingDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { can } = useSession();
  const message = useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const {
    data: current,
    error,
    loading,
    reload,
    setData: setPairing,
  } = useApi((signal) => pairingsApi.get(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  usePageTitle('ui.pairings.title', current?.name);
  useFollowProgramme(current?.programmeId);

  const tint = useMemo(
    () => ({
      a: (current?.subPairs ?? []).flatMap((p) => p.sideA.map((r) => r.code)),
      b: (current?.subPairs ?? []).flatMap((p) => p.sideB.map((r) => r.code)),
    }),
    [current],
  );

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !current) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!current) return null;

  const deactivate = () =>
    modal.confirm({
      title: t('ui.pairings.deactivate'),
      content: t('ui.pairings.deactivateConfirm', { name: current.name }),
      okText: t('ui.common.confirm'),
      cancelText: t('ui.common.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          setPairing(await pairingsApi.update(current.id, { version: current.version, status: 'inactive' }));
          message.success(t('ui.pairings.deactivateDone'));
        } catch (err) {
          message.error(
            isApiError(err)
              ? [pick(err), ...err.details.map((d) => pick(d))].join(t('ui.common.messageSeparator'))
              : t('ui.common.networkError'),
          );
          if (isApiError(err) && err.status === 409) reload();
        }
      },
    });

  const subColumns: TableColumnsType<PairingSummary> = [
    {
      title: t('ui.pairings.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/pairings/${row.id}`}>{name}</Link>
          {row.theme && <Typography.Text type="secondary">{row.theme}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('ui.pairings.sideA'),
      dataIndex: 'sideA',
      render: (r: PairingSummary['sideA']) => <RegionNames regions={r} />,
    },
    {
      title: t('ui.pairings.sideB'),
      dataIndex: 'sideB',
      render: (r: PairingSummary['sideB']) => <RegionNames regions={r} />,
    },
    {
      title: t('ui.pairings.level'),
      dataIndex: 'level',
      width: 70,
      render: (l: PairingSummary['level']) => <LevelText level={l} />,
    },
    {
      title: t('ui.pairings.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: PairingSummary['status']) => <StatusTag status={s} />,
    },
  ];

  const source = current.source;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="pairing-detail">
      {modalHolder}
      <Breadcrumb
        items={[
          { title: <Link to="/pairings">{t('ui.pairings.title')}</Link> },
          ...(current.parent
            ? [{ title: <Link to={`/pairings/${current.parent.id}`}>{current.parent.name}</Link> }]
            : []),
          { title: current.name },
        ]}
      />
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="pairing-title">
          {current.name}
        </Typography.Title>
        <StatusTag status={current.status} />
        <div style={{ flex: 1 }} />
        <PrintButton />
        {can('pairing.update') && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="pairing-edit">
              {t('ui.pairings.edit')}
            </Button>
            {current.status !== 'inactive' && (
              <Button danger icon={<StopOutlined />} onClick={deactivate} data-testid="pairing-deactivate">
                {t('ui.pairings.deactivate')}
              </Button>
            )}
          </Space>
        )}
      </div>

      <Card size="small" title={t('ui.pairings.basics')}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('ui.pairings.programme')}>
            {[current.programme.name, current.programme.docNo].filter(Boolean).join(' · ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.pairings.level')}>
            <LevelText level={current.level} />
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.pairings.parent')}>
            {current.parent ? (
              <Link to={`/pairings/${current.parent.id}`}>{current.parent.name}</Link>
            ) : (
              t('ui.common.none')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.pairings.theme')}>{current.theme ?? t('ui.common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('ui.pairings.startedOn')}>{current.startedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('ui.pairings.endedOn')}>{current.endedOn ?? '—'}</Descriptions.Item>
          {current.note && <Descriptions.Item label={t('ui.pairings.note')}>{current.note}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <SideCard side="a" pairing={current} />
        </Col>
        <Col xs={24} lg={12}>
          <SideCard side="b" pairing={current} />
        </Col>
      </Row>

      <Card size="small" title={t('ui.pairings.source')}>
        {source ? (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="pairing-source">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('ui.pairings.sourceDoc')}>
                {source.title}
                {source.line !== null && (
                  <Typography.Text type="secondary">{` · ${t('ui.pairings.sourceLine', { line: source.line })}`}</Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.pairings.sourceDocNo')}>{source.docNo ?? '—'}</Descriptions.Item>
            </Descriptions>
            {source.quote && <blockquote className="duikou-quote">{source.quote}</blockquote>}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('ui.pairings.noSource')}</Typography.Text>
        )}
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={current.mapProvinces.length ? 14 : 24}>
          <Card
            size="small"
            title={t('ui.pairings.subPairsCount', { count: current.subPairs.length })}
            style={{ height: '100%' }}
          >
            <Table<PairingSummary>
              data-testid="subpair-table"
              rowKey="id"
              size="small"
              columns={subColumns}
              dataSource={current.subPairs}
              pagination={false}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.pairings.noSubPairs')} />,
              }}
              onRow={(row) =>
                ({ 'data-testid': 'subpair-row', 'data-id': row.id }) as React.HTMLAttributes<HTMLElement>
              }
              scroll={{ x: 560 }}
            />
          </Card>
        </Col>
        {current.mapProvinces.length > 0 && (
          <Col xs={24} xl={10}>
            <Card size="small" title={t('ui.pairings.mapTitle')} style={{ height: '100%' }}>
              <PairingMap
                provinces={current.mapProvinces}
                pairings={current.subPairs.length ? current.subPairs : [current]}
                tint={
                  current.subPairs.length
                    ? tint
                    : { a: current.sideA.map((r) => r.code), b: current.sideB.map((r) => r.code) }
                }
                testId="pairing-map"
                title={t('ui.output.namedChart', { name: current.name, chart: t('ui.pairings.mapTitle') })}
                countAttribute={current.subPairs.length ? 'data-subpair-lines' : 'data-pairing-lines'}
                height={Math.max(520, 120 + current.subPairs.length * 40)}
                onOpen={(target) => target !== current.id && navigate(`/pairings/${target}`)}
              />
            </Card>
          </Col>
        )}
      </Row>

      <WhenVisible>
        <IndicatorTiles pairingId={current.id} />
      </WhenVisible>

      <WhenVisible>
        <WorkStatusSection pairingId={current.id} />
      </WhenVisible>

      <PairingMeetings pairingId={current.id} />

      <IndicatorTrend pairingId={current.id} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <WhenVisible>
            <OverdueItemsSection pairingId={current.id} />
          </WhenVisible>
        </Col>
        <Col xs={24} xl={10}>
          <WhenVisible>
            <LatestRanking pairingIds={[current.id, ...current.subPairs.map((p) => p.id)]} />
          </WhenVisible>
        </Col>
      </Row>

      <PeopleFiguresSection pairingId={current.id} />

      <ReplicationFiguresSection pairingId={current.id} />

      <WhenVisible>
        <ListingCountsSection pairingId={current.id} />
      </WhenVisible>

      <PairingProjects pairingId={current.id} />

      {editing && (
        <PairingFormDrawer
          pairing={current}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setPairing(saved);
            reload();
          }}
        />
      )}
    </Space>
  );
}
