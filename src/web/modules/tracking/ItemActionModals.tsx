import { Form, Input, InputNumber } from 'antd';
import type { ItemDetail } from '../../../common/api/tracking.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { ActionModal } from '../reporting/ActionModal.tsx';
import { trackingApi } from './tracking.api.ts';

export type ItemAction = 'progress' | 'close' | 'reopen';

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/**
 * The actions on an item, each a small form: report progress (an owner unit or the office), close with evidence
 * (销号: a note and a link, or files already attached) and reopen with a reason (the office).
 */
export function ItemActionModal({
  item,
  action,
  onClose,
  onDone,
}: {
  item: ItemDetail;
  action: ItemAction;
  onClose: () => void;
  onDone: (saved: ItemDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm();
  const required = [{ required: true, message: t('errors.field.required') }];

  if (action === 'progress')
    return (
      <ActionModal<{ note: string; percent?: number | null }>
        form={form}
        title={t('ui.tracking.items.progressTitle')}
        okText={t('ui.tracking.items.reportProgress')}
        testId="item-progress"
        onClose={onClose}
        onSubmit={async (v) => {
          const saved = await trackingApi.progress(item.id, { note: v.note.trim(), percent: v.percent ?? null });
          message.success(t('ui.tracking.items.progressSaved'));
          onDone(saved);
        }}
      >
        <Form.Item name="note" label={t('ui.tracking.items.progressNote')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="item-progress-note" />
        </Form.Item>
        <Form.Item name="percent" label={t('ui.tracking.items.percentLabel')}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} data-testid="item-progress-percent" />
        </Form.Item>
      </ActionModal>
    );

  if (action === 'close')
    return (
      <ActionModal<{ note: string; link?: string | null }>
        form={form}
        title={t('ui.tracking.items.closeTitle')}
        intro={t('ui.tracking.items.closeHint')}
        okText={t('ui.tracking.items.close')}
        testId="item-close"
        onClose={onClose}
        onSubmit={async (v) => {
          const saved = await trackingApi.close(item.id, {
            version: item.version,
            note: v.note.trim(),
            link: blank(v.link),
          });
          message.success(t('ui.tracking.items.closedDone'));
          onDone(saved);
        }}
      >
        <Form.Item name="note" label={t('ui.tracking.items.closeNote')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="item-close-note" />
        </Form.Item>
        <Form.Item name="link" label={t('ui.tracking.items.closeLink')}>
          <Input maxLength={500} placeholder="https://" data-testid="item-close-link" />
        </Form.Item>
      </ActionModal>
    );

  return (
    <ActionModal<{ reason: string }>
      form={form}
      title={t('ui.tracking.items.reopenTitle')}
      okText={t('ui.tracking.items.reopen')}
      danger
      testId="item-reopen"
      onClose={onClose}
      onSubmit={async (v) => {
        const saved = await trackingApi.reopen(item.id, { version: item.version, reason: v.reason.trim() });
        message.success(t('ui.tracking.items.reopenedDone'));
        onDone(saved);
      }}
    >
      <Form.Item name="reason" label={t('ui.tracking.items.reopenReason')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} data-testid="item-reopen-reason" />
      </Form.Item>
    </ActionModal>
  );
}
