import { Tag } from 'antd';
import type { SummaryFigure, SummaryItem } from '../../../common/api/summaries.ts';
import { useI18n } from '../../app/i18n.tsx';

const STATE_COLOURS: Record<SummaryItem['state'], string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
};

export function SummaryStateTag({ state }: { state: SummaryItem['state'] }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="summary-state" data-state={state}>
      {t(`ui.summaries.states.${state}`)}
    </Tag>
  );
}

/**
 * Where a figure's records are: the list page of the records the measure counts, filtered to the pairing (with its
 * sub-pairs) and the year where the page knows those filters.
 */
export function figureRecordsPath(code: SummaryFigure, pairingId: string, year: number): string {
  const q = (path: string, extra = '') => `${path}?pairingId=${pairingId}&withSubPairs=true&year=${year}${extra}`;
  if (code.startsWith('tasks_')) return `/plans?pairingId=${pairingId}`;
  if (code.startsWith('projects_') || code === 'signed_wan' || code === 'arrived_wan') return q('/projects');
  if (code === 'parks' || code === 'shared_tax_wan') return q('/parks');
  if (code.startsWith('cadres_')) return q('/secondments');
  if (code === 'trainings' || code === 'trainees') return q('/trainings');
  if (code === 'meetings_held') return q('/meetings');
  if (code.startsWith('decisions_')) return q('/tracking', '&source=meeting_decision');
  return q('/replication');
}
