import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { useMessage } from '../../app/feedback.tsx';
import type { EventAgreement, EventDetail } from '../../../common/api/events.ts';
import { eventsApi } from './events.api.ts';
import { FormModal } from '../../shared/FormModal.tsx';

interface Values {
  title?: string;
  parties: string[];
  signedOn?: Dayjs;
  amount?: string;
  plannedInvestment?: string;
}

/** An agreement signed at the event: parties (the investor first), date within the event, 签约额 in 万元. */
export function SignAgreementModal({
  event,
  onClose,
  onSigned,
}: {
  event: EventDetail;
  onClose: () => void;
  onSigned: (event: EventDetail, agreement: EventAgreement | undefined) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);

  const submit = async (v: Values) => {
    await run(async () => {
      const saved = await eventsApi.sign(event.id, {
        title: v.title?.trim() ?? '',
        parties: (v.parties ?? []).map((p) => p.trim()).filter(Boolean),
        signedOn: v.signedOn ? v.signedOn.format('YYYY-MM-DD') : '',
        amount: v.amount?.trim() ?? '',
        plannedInvestment: v.plannedInvestment?.trim() || null,
      });
      message.success(t('ui.events.signed'));
      const before = new Set(event.agreements.map((a) => a.id));
      onSigned(
        saved,
        saved.agreements.find((a) => !before.has(a.id)),
      );
    });
  };

  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <FormModal
      width={640}
      title={t('ui.events.signTitle')}
      okText={t('ui.events.signOk')}
      okTestId="sign-save"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        name="sign"
        layout="vertical"
        initialValues={{ parties: [], signedOn: dayjs(event.startsOn) }}
        onFinish={submit}
        data-testid="sign-form"
      >
        <Form.Item name="title" label={t('ui.events.agreementTitle')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="parties" label={t('ui.events.parties')} rules={required} extra={t('ui.events.partiesHint')}>
          <Select mode="tags" tokenSeparators={['\n', '；', ';']} data-testid="sign-parties" />
        </Form.Item>
        <Form.Item
          name="signedOn"
          label={t('ui.events.signedOn')}
          rules={required}
          extra={t('ui.events.signedOnHint', { from: event.startsOn, to: event.endsOn })}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="amount" label={t('ui.events.amount')} rules={required}>
          <Input inputMode="decimal" suffix={t('ui.events.wan')} data-testid="sign-amount" />
        </Form.Item>
        <Form.Item name="plannedInvestment" label={t('ui.events.plannedInvestment')}>
          <Input inputMode="decimal" suffix={t('ui.events.wan')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
