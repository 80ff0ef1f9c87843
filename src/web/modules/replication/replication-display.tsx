import { Link } from 'react-router-dom';
import { Card, Empty, Statistic, Table, Tag, Typography } from 'antd';
import { ADOPTION_STAGES, type AdoptionStage } from '../../../common/api/enums.ts';
import type { ReplicationFigures } from '../../../common/api/replication.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { PublishedFiguresCard } from '../../shared/published-figures/PublishedFiguresCard.tsx';
import { replicationApi } from './replication.api.ts';

const STAGE_COLOURS: Record<AdoptionStage, string> = {
  learning: 'default',
  pilot: 'processing',
  rollout: 'blue',
  institutionalised: 'success',
};

export function StageTag({ stage }: { stage: AdoptionStage }) {
  const { t } = useI18n();
  return (
    <Tag color={STAGE_COLOURS[stage]} data-testid="stage-tag" data-stage={stage}>
      {t(`domain.adoptionStages.${stage}`)}
    </Tag>
  );
}

type YearRow = ReplicationFigures['byYear'][number] & { key: string };

/** The counts computed from the register, labelled as computed: totals, then per source side and year. */
export function ReplicationFiguresCard({ pairingId }: { pairingId?: string }) {
  const { t } = useI18n();
  const { data, loading } = useApi((signal) => replicationApi.figures(pairingId, signal), [pairingId]);
  const totals = data?.totals;
  const rows: YearRow[] = (data?.byYear ?? []).map((r) => ({ ...r, key: `${r.side}|${r.year}` }));
  return (
    <Card
      title={t('ui.replication.figures.title')}
      loading={loading}
      style={{ marginTop: 16 }}
      data-testid="replication-figures"
      extra={
        <Link to={pairingId ? `/replication?pairingId=${pairingId}&withSubPairs=true` : '/replication'}>
          {t('ui.replication.figures.openRegister')}
        </Link>
      }
    >
      {!totals || totals.practices === 0 ? (
        <Empty description={t('ui.replication.figures.none')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('ui.replication.figures.computedNote')}</Typography.Paragraph>
          <div style={{ display: 'flex', gap: 48, flexWrap: 'wrap', marginBottom: 16 }}>
            {(['practices', 'replicated', 'institutionalised', 'adoptions'] as const).map((k) => (
              <div key={k} data-testid={`replication-figure-${k}`} data-value={totals[k]}>
                <Statistic title={t(`ui.replication.figures.${k}`)} value={totals[k]} />
              </div>
            ))}
          </div>
          <Table<YearRow>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: t('ui.replication.figures.year'), dataIndex: 'year', width: 80 },
              {
                title: t('ui.replication.sourceSide'),
                dataIndex: 'side',
                render: (side: YearRow['side']) => t(`domain.sides.${side}`),
              },
              { title: t('ui.replication.figures.registered'), dataIndex: 'registered', align: 'right' },
              ...ADOPTION_STAGES.map((s) => ({
                title: t('ui.replication.figures.reached', { stage: t(`domain.adoptionStages.${s}`) }),
                key: s,
                align: 'right' as const,
                render: (_: unknown, r: YearRow) => r.reached[s],
              })),
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** Computed counts and, apart, published figures: on the pairing page and the dashboard, for roles that read the register. */
export function ReplicationFiguresSection({ pairingId }: { pairingId?: string }) {
  const { can } = useSession();
  if (!can('replication.read')) return null;
  return (
    <>
      <ReplicationFiguresCard pairingId={pairingId} />
      <PublishedFiguresCard
        pairingId={pairingId}
        base="/api/replication/published-figures"
        manage="replication.figures"
      />
    </>
  );
}
