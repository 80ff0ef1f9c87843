import { useState } from 'react';
import { Button, Checkbox, Form, Input, Space, Tooltip } from 'antd';
import { LockOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { isApiError } from '../../app/api-client.ts';
import { useSession } from '../../app/session.tsx';
import type { AddSlotsResponse, CycleDetail } from '../../../common/api/reporting.ts';
import { reportingApi } from './reporting.api.ts';
import { cycleLabel } from './reporting-display.tsx';
import { ActionModal } from './ActionModal.tsx';

interface ApproveValues {
  comment?: string;
  closeUnreported?: boolean;
}

function ApproveModal({
  cycle,
  unreported,
  onClose,
  onDone,
}: {
  cycle: CycleDetail;
  unreported: number;
  onClose: () => void;
  onDone: (c: CycleDetail) => void;
}) {
  const { t, locale } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<ApproveValues>();
  const period = cycleLabel(cycle, locale);
  const submit = async (values: ApproveValues) => {
    const next = await reportingApi.approveCycle(cycle.id, {
      version: cycle.version,
      comment: values.comment?.trim() || null,
      closeUnreported: !!values.closeUnreported,
    });
    message.success(t('ui.reporting.cycleApproved', { period }));
    onDone(next);
  };
  return (
    <ActionModal
      form={form}
      title={t('ui.reporting.approveCycleTitle', { period })}
      intro={t('ui.reporting.approveCycleIntro')}
      okText={t('ui.reporting.approveCycle')}
      testId="cycle-approve"
      onSubmit={submit}
      onClose={onClose}
    >
      {unreported > 0 && (
        <Form.Item
          name="closeUnreported"
          valuePropName="checked"
          extra={t('ui.reporting.approveCycleUnreported', { count: unreported })}
        >
          <Checkbox data-testid="cycle-close-unreported">{t('ui.reporting.closeUnreported')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="comment" label={t('ui.reporting.approveComment')}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="cycle-approve-comment" />
      </Form.Item>
    </ActionModal>
  );
}

function UnlockModal({
  cycle,
  onClose,
  onDone,
}: {
  cycle: CycleDetail;
  onClose: () => void;
  onDone: (c: CycleDetail) => void;
}) {
  const { t, locale } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<{ reason: string }>();
  const period = cycleLabel(cycle, locale);
  const submit = async ({ reason }: { reason: string }) => {
    const next = await reportingApi.unlockCycle(cycle.id, { version: cycle.version, reason });
    message.success(t('ui.reporting.unlocked', { period }));
    onDone(next);
  };
  return (
    <ActionModal
      form={form}
      title={t('ui.reporting.unlockTitle', { period })}
      intro={t('ui.reporting.unlockIntro')}
      okText={t('ui.reporting.unlock')}
      danger
      testId="cycle-unlock"
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="reason"
        label={t('ui.reporting.unlockReason')}
        rules={[{ required: true, whitespace: true, message: t('ui.reporting.unlockReasonPlaceholder') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          placeholder={t('ui.reporting.unlockReasonPlaceholder')}
          data-testid="cycle-unlock-reason"
        />
      </Form.Item>
    </ActionModal>
  );
}

/**
 * The office's actions on a period: add the slots of units assigned after it opened and approve and lock it while
 * open, unlock it (with a reason) once locked. Users without the permission see none of the buttons; the server
 * refuses them anyway.
 */
export function CycleActions({
  cycle,
  unreported,
  onChanged,
  onSlotsAdded,
}: {
  cycle: CycleDetail;
  unreported: number;
  onChanged: (c: CycleDetail) => void;
  onSlotsAdded: (result: AddSlotsResponse) => void;
}) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const message = useMessage();
  const [open, setOpen] = useState<'approve' | 'unlock' | null>(null);
  const [adding, setAdding] = useState(false);
  const done = (c: CycleDetail) => {
    setOpen(null);
    onChanged(c);
  };
  const addSlots = async () => {
    setAdding(true);
    try {
      onSlotsAdded(await reportingApi.addSlots(cycle.id));
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    } finally {
      setAdding(false);
    }
  };
  return (
    <Space>
      {cycle.status === 'open' && can('cycle.manage') && (
        <Tooltip title={t('ui.reporting.addSlotsHint')}>
          <Button icon={<UserAddOutlined />} loading={adding} onClick={addSlots} data-testid="cycle-add-slots">
            {t('ui.reporting.addSlots')}
          </Button>
        </Tooltip>
      )}
      {cycle.status === 'open' && can('report.review') && (
        <Button type="primary" icon={<LockOutlined />} onClick={() => setOpen('approve')} data-testid="cycle-approve">
          {t('ui.reporting.approveCycle')}
        </Button>
      )}
      {cycle.status === 'locked' && can('cycle.manage') && (
        <Button icon={<UnlockOutlined />} onClick={() => setOpen('unlock')} data-testid="cycle-unlock">
          {t('ui.reporting.unlock')}
        </Button>
      )}
      {open === 'approve' && (
        <ApproveModal cycle={cycle} unreported={unreported} onClose={() => setOpen(null)} onDone={done} />
      )}
      {open === 'unlock' && <UnlockModal cycle={cycle} onClose={() => setOpen(null)} onDone={done} />}
    </Space>
  );
}
