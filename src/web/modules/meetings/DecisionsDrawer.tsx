import { Form } from 'antd';
import type { MeetingDetail } from '../../../common/api/meetings.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { type ItemValues, newItemValues, toItemInput } from '../tracking/ItemFields.tsx';
import { DecisionList } from './MeetingFormDrawer.tsx';
import { meetingsApi } from './meetings.api.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

/** Decisions recorded after the meeting (the minutes approved later), numbered after the earlier ones. */
export function DecisionsDrawer({
  meeting,
  onClose,
  onSaved,
}: {
  meeting: MeetingDetail;
  onClose: () => void;
  onSaved: (saved: MeetingDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<{ decisions: ItemValues[] }>();
  const { saving, banner, run } = useServerForm(form);
  const submit = (values: { decisions: ItemValues[] }) =>
    run(async () => {
      const saved = await meetingsApi.addDecisions(meeting.id, {
        decisions: (values.decisions ?? []).map(toItemInput),
      });
      message.success(t('ui.tracking.meetings.decisionsAdded'));
      onSaved(saved);
    });
  return (
    <FormDrawer
      title={t('ui.tracking.meetings.addDecisions')}
      size={780}
      testId="decisions"
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decisions: [newItemValues()] }}
        onFinish={submit}
        data-testid="decisions-form"
      >
        <DecisionList pairingId={meeting.pairingId} />
      </Form>
    </FormDrawer>
  );
}
