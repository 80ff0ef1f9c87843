import { Form, Input } from 'antd';
import type { Adoption, PracticeDetail } from '../../../common/api/replication.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { replicationApi } from './replication.api.ts';
import { FormModal } from '../../shared/FormModal.tsx';

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
  const [form] = Form.useForm<{ reason?: string }>();
  const { saving, banner, run } = useServerForm(form);
  return (
    <FormModal
      title={`${t('ui.replication.withdraw')}：${t(`domain.adoptionStages.${adoption.stage}`)}`}
      okText={t('ui.replication.save')}
      danger
      okTestId="withdraw-save"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        name="withdraw"
        layout="vertical"
        onFinish={(v) =>
          run(async () =>
            onSaved(
              await replicationApi.withdraw(adoption.id, { version: adoption.version, reason: v.reason?.trim() ?? '' }),
            ),
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('ui.replication.withdrawReason')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="withdraw-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
