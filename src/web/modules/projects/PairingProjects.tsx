import { Link } from 'react-router-dom';
import { Card, Skeleton, Space } from 'antd';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import ProjectOverview from './ProjectOverview.tsx';
import { projectsApi } from './projects.api.ts';

/**
 * A pairing's projects, parks and events, its sub-pairs included: counts, funnel, money by stage, rates; with
 * links to the ledger and statistics filtered to the pairing. Shown only to users who may read projects.
 */
export function PairingProjects({ pairingId }: { pairingId: string }) {
  const { can } = useSession();
  if (!can('project.read')) return null;
  return <PairingProjectsCard pairingId={pairingId} />;
}

function PairingProjectsCard({ pairingId }: { pairingId: string }) {
  const { t } = useI18n();
  const { data, error, reload } = useApi(
    (signal) => projectsApi.stats({ pairingId, withSubPairs: 'true' }, signal),
    [pairingId],
  );
  const filter = `?pairingId=${pairingId}&withSubPairs=true`;
  return (
    <Card
      size="small"
      title={t('ui.projects.pairingProjectsTitle')}
      data-testid="pairing-projects"
      extra={
        <Space>
          <Link to={`/projects${filter}`} data-testid="pairing-projects-ledger">
            {t('ui.projects.openLedger')}
          </Link>
          <Link to={`/projects/stats${filter}`}>{t('ui.projects.openStats')}</Link>
        </Space>
      }
    >
      {error ? (
        <ErrorResult error={error} onRetry={reload} />
      ) : data ? (
        <ProjectOverview stats={data} />
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}
