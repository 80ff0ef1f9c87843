import { Form, Select } from 'antd';
import { MEETING_KINDS, type MeetingKind, type Side } from '../../../common/api/enums.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { ActionModal } from '../reporting/ActionModal.tsx';
import { meetingsApi } from './meetings.api.ts';

/** The orders a rotation between two sides can take; '' ends the rotation. */
const ORDERS = ['ab', 'ba', ''] as const;
type Order = (typeof ORDERS)[number];

interface Values {
  kind: MeetingKind;
  order: Order;
}

/** 轮值: which side hosts first for a kind of meeting of the pairing (津长: 联席会议由两市轮值). */
export function RotationModal({ pairingId, onClose }: { pairingId: string; onClose: () => void }) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const side = (s: string) => t(`domain.sides.${s as Side}`);
  const orderLabel = (o: Order) =>
    o
      ? t('ui.tracking.meetings.rotationThen', { first: side(o[0]!), second: side(o[1]!) })
      : t('ui.tracking.meetings.rotationNone');
  const kind = (Form.useWatch('kind', form) as MeetingKind | undefined) ?? 'joint_meeting';
  const { data: current } = useApi((signal) => meetingsApi.nextHost(pairingId, kind, signal), [pairingId, kind]);
  return (
    <ActionModal<Values>
      form={form}
      title={t('ui.tracking.meetings.rotationTitle')}
      okText={t('ui.common.save')}
      testId="rotation"
      initialValues={{ kind: 'joint_meeting', order: 'ab' }}
      onClose={onClose}
      onSubmit={async (v) => {
        await meetingsApi.setRotation({ pairingId, kind: v.kind, order: [...v.order] as Side[] });
        message.success(t('ui.tracking.meetings.rotationSaved'));
        onClose();
      }}
    >
      <Form.Item name="kind" label={t('ui.tracking.meetings.rotationKind')}>
        <Select
          options={MEETING_KINDS.map((k) => ({ value: k, label: t(`ui.tracking.meetingKinds.${k}`) }))}
          data-testid="rotation-kind"
        />
      </Form.Item>
      <Form.Item
        name="order"
        label={t('ui.tracking.meetings.rotationOrder')}
        extra={
          current && (
            <span data-testid="rotation-current">
              {t('ui.tracking.meetings.rotationCurrent', { order: orderLabel(current.order.join('') as Order) })}
            </span>
          )
        }
      >
        <Select options={ORDERS.map((o) => ({ value: o, label: orderLabel(o) }))} data-testid="rotation-order" />
      </Form.Item>
    </ActionModal>
  );
}
