import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useSession } from '../../app/session.tsx';
import { reportingApi, type CycleDetail } from './reporting.api.ts';
import { cycleLabel } from './reporting-display.tsx';
import { formFailure } from './form-failure.ts';

interface ApproveValues {
  comment?: string;
  closeUnreported?: boolean;
}

function ApproveModal({ cycle, unreported, onClose, onDone }: { cycle: CycleDetail; unreported: number; onClose: () => void; onDone: (c: CycleDetail) => void }) {
  const { t, pick, locale } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<ApproveValues>();
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const period = cycleLabel(cycle, locale);

  const submit = async (values: ApproveValues) => {
    setSaving(true);
    setBanner(null);
    try {
      const next = await reportingApi.approveCycle(cycle.id, { version: cycle.version, comment: values.comment?.trim() || null, closeUnreported: !!values.closeUnreported });
      message.success(t('ui.reporting.cycleApproved', { period }));
      onDone(next);
    } catch (err) {
      setBanner(formFailure(form, err, { t, pick }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('ui.reporting.approveCycleTitle', { period })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.reporting.approveCycle')}
      okButtonProps={{ 'data-testid': 'cycle-approve-ok' }}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ui.reporting.approveCycleIntro')}</Typography.Paragraph>
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="cycle-approve-form">
        {unreported > 0 && (
          <Form.Item name="closeUnreported" valuePropName="checked" extra={t('ui.reporting.approveCycleUnreported', { count: unreported })}>
            <Checkbox data-testid="cycle-close-unreported">{t('ui.reporting.closeUnreported')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="comment" label={t('ui.reporting.approveComment')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="cycle-approve-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UnlockModal({ cycle, onClose, onDone }: { cycle: CycleDetail; onClose: () => void; onDone: (c: CycleDetail) => void }) {
  const { t, pick, locale } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const period = cycleLabel(cycle, locale);

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    setBanner(null);
    try {
      const next = await reportingApi.unlockCycle(cycle.id, { version: cycle.version, reason });
      message.success(t('ui.reporting.unlocked', { period }));
      onDone(next);
    } catch (err) {
      setBanner(formFailure(form, err, { t, pick }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('ui.reporting.unlockTitle', { period })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.reporting.unlock')}
      okButtonProps={{ danger: true, 'data-testid': 'cycle-unlock-ok' }}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ui.reporting.unlockIntro')}</Typography.Paragraph>
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="cycle-unlock-form">
        <Form.Item name="reason" label={t('ui.reporting.unlockReason')} rules={[{ required: true, whitespace: true, message: t('ui.reporting.unlockReasonPlaceholder') }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('ui.reporting.unlockReasonPlaceholder')} data-testid="cycle-unlock-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The office's actions on a period: approve and lock it while open, unlock it (with a reason) once locked. Users
 * without the permission see neither button; the server refuses them anyway.
 */
export function CycleActions({ cycle, unreported, onChanged }: { cycle: CycleDetail; unreported: number; onChanged: (c: CycleDetail) => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [open, setOpen] = useState<'approve' | 'unlock' | null>(null);
  const done = (c: CycleDetail) => {
    setOpen(null);
    onChanged(c);
  };
  return (
    <Space>
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
      {open === 'approve' && <ApproveModal cycle={cycle} unreported={unreported} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'unlock' && <UnlockModal cycle={cycle} onClose={() => setOpen(null)} onDone={done} />}
    </Space>
  );
}
