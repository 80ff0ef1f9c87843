import { useState } from 'react';
import { Alert, Button, Form, Input, QRCode, Space, Typography } from 'antd';
import type { TotpEnrolment } from '../../../../common/api/auth.ts';
import { applyServerErrors, unplacedLine } from '../../../app/form-errors.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { useMessage } from '../../../app/feedback.tsx';
import { authApi } from '../auth.api.ts';

/**
 * Setting up TOTP in three steps: the password again, then the QR code (and the key, to type by hand) with the
 * first code, then the recovery codes, shown this once. `onDone` runs when the user has put the codes away.
 */
export function TotpSetup({ onDone }: { onDone: () => void }) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [passwordForm] = Form.useForm<{ currentPassword: string }>();
  const [codeForm] = Form.useForm<{ code: string }>();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async <T,>(form: Parameters<typeof applyServerErrors>[0], work: () => Promise<T>) => {
    setBusy(true);
    try {
      return await work();
    } catch (err) {
      const { unplaced } = applyServerErrors(form, err, pick);
      unplaced.forEach((e) => message.error(unplacedLine(e)));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  if (recovery)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon title={t('ui.auth.totpEnabledDone')} />
        <Typography.Title level={5}>{t('ui.auth.recoveryTitle')}</Typography.Title>
        <Typography.Paragraph>{t('ui.auth.recoveryIntro')}</Typography.Paragraph>
        <pre data-testid="recovery-codes" style={{ fontSize: 15, lineHeight: 1.8 }}>
          {recovery.join('\n')}
        </pre>
        <Button type="primary" onClick={onDone} data-testid="recovery-done">
          {t('ui.auth.recoveryDone')}
        </Button>
      </Space>
    );

  if (enrolment)
    return (
      <Form
        form={codeForm}
        layout="vertical"
        requiredMark={false}
        onFinish={async ({ code }) => {
          const done = await run(codeForm, () => authApi.confirmTotp({ code: code.trim() }));
          if (done) setRecovery(done.recoveryCodes);
        }}
      >
        <Typography.Paragraph>{t('ui.auth.totpScan')}</Typography.Paragraph>
        <QRCode value={enrolment.otpauthUri} size={180} />
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('ui.auth.totpSecret')}：
          <Typography.Text code copyable data-testid="totp-secret">
            {enrolment.secret}
          </Typography.Text>
        </Typography.Paragraph>
        <Form.Item
          name="code"
          label={t('ui.auth.totpCodeLabel')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="totp-code" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
          {t('ui.auth.totpConfirm')}
        </Button>
      </Form>
    );

  return (
    <Form
      form={passwordForm}
      layout="vertical"
      requiredMark={false}
      onFinish={async ({ currentPassword }) => {
        const started = await run(passwordForm, () => authApi.startTotp({ currentPassword }));
        if (started) setEnrolment(started);
      }}
    >
      <Typography.Paragraph>{t('ui.auth.totpPasswordStep')}</Typography.Paragraph>
      <Form.Item
        name="currentPassword"
        label={t('ui.auth.currentPassword')}
        rules={[{ required: true, message: t('errors.field.required') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="totp-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-start">
        {t('ui.auth.totpStart')}
      </Button>
    </Form>
  );
}
