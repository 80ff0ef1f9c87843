import type { Adoption, PracticeDetail } from '../../../common/api/replication.ts';
import { useI18n } from '../../app/i18n.tsx';
import { ReasonModal } from '../../shared/ReasonModal.tsx';
import { replicationApi } from './replication.api.ts';

/** Going back a stage: the current stage is withdrawn with a reason, which stays in the history. */
export function WithdrawModal({
  adoption,
  onClose,
  onSaved,
}: {
  adoption: Adoption;
  onClose: () => void;
  onSaved: (saved: PracticeDetail) => void;
}) {
  const { t } = useI18n();
  return (
    <ReasonModal
      title={`${t('ui.replication.withdraw')}：${t(`domain.adoptionStages.${adoption.stage}`)}`}
      okText={t('ui.replication.save')}
      reasonLabel={t('ui.replication.withdrawReason')}
      testId="withdraw"
      submit={async (reason) =>
        onSaved(await replicationApi.withdraw(adoption.id, { version: adoption.version, reason }))
      }
      onClose={onClose}
    />
  );
}
