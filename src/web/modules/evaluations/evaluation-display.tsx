import { Tag } from 'antd';
import type { RoundState, SubjectSide } from '../../../common/api/evaluations.ts';
import { useI18n } from '../../app/i18n.tsx';

const STATE_COLOURS: Record<RoundState, string> = { open: 'processing', closed: 'warning', published: 'success' };

export function RoundStateTag({ state }: { state: RoundState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="round-state" data-state={state}>
      {t(`ui.evaluations.states.${state}`)}
    </Tag>
  );
}

/** A subject as officials name it: the pairing, and the side when sides are evaluated apart. */
export function SubjectName({ pairingName, side }: { pairingName: string; side: SubjectSide }) {
  const { t } = useI18n();
  return <>{side === 'both' ? pairingName : `${pairingName}（${t(`ui.evaluations.subjectSides.${side}`)}）`}</>;
}

/** A score to two decimals, or the catalogue's "no value" mark. */
export function useScoreText() {
  const { t } = useI18n();
  return (score: number | null) =>
    score === null ? t('ui.indicators.noValue') : score.toLocaleString(undefined, { maximumFractionDigits: 2 });
}
