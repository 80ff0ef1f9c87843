import { Link } from 'react-router-dom';
import { Card, Skeleton, Table, Typography } from 'antd';
import type { RankingRow } from '../../../common/api/evaluations.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { SubjectName, useScoreText } from './evaluation-display.tsx';
import { evaluationsApi } from './evaluations.api.ts';

/** The ranking of the last published round, for the national dashboard; nothing for those who may not read rounds. */
export default function LatestRanking() {
  const { can } = useSession();
  return can('evaluation.read') ? <LatestRankingCard /> : null;
}

function LatestRankingCard() {
  const { t } = useI18n();
  const scoreText = useScoreText();
  const latest = useApi((signal) => evaluationsApi.latestRanking(signal), []);
  const round = latest.data?.round;
  return (
    <Card
      title={t('ui.evaluations.latestTitle')}
      data-testid="latest-ranking"
      extra={round && <Link to={`/evaluations/${round.id}`}>{round.title}</Link>}
    >
      {latest.loading ? (
        <Skeleton active />
      ) : !round ? (
        <Typography.Text type="secondary">{t('ui.evaluations.noPublished')}</Typography.Text>
      ) : (
        <Table<RankingRow>
          size="small"
          rowKey="subjectId"
          pagination={false}
          dataSource={latest.data?.ranking ?? []}
          onRow={(r) => ({ 'data-testid': 'latest-ranking-row', 'data-rank': r.rank ?? '' }) as object}
          columns={[
            { title: t('ui.evaluations.rank'), dataIndex: 'rank', width: 70 },
            {
              title: t('ui.indicators.pairing'),
              key: 'name',
              render: (_: unknown, r) => <SubjectName pairingName={r.pairingName} side={r.side} />,
            },
            {
              title: t('ui.evaluations.finalScore'),
              key: 'score',
              width: 110,
              render: (_: unknown, r) => scoreText(r.finalScore),
            },
            { title: t('ui.evaluations.grade'), dataIndex: 'grade', width: 80 },
          ]}
        />
      )}
    </Card>
  );
}
