import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Form, Input, Spin, Typography } from 'antd';
import type { PasswordPolicyName } from '../../../../common/access/password-policy.ts';
import type { SetupStatus } from '../../../../common/api/auth.ts';
import { isApiError } from '../../../app/api-client.ts';
import { ErrorResult } from '../../../app/ErrorResult.tsx';
import { applyServerErrors, unplacedLine } from '../../../app/form-errors.ts';
import { useI18n, usePageTitle } from '../../../app/i18n.tsx';
import { useApi } from '../../../app/use-api.ts';
import { AuthFrame } from '../../../shared/AuthFrame.tsx';
import { PasswordRules } from '../../../shared/PasswordRules.tsx';
import { useMessage } from '../../../app/feedback.tsx';
import { authApi } from '../auth.api.ts';

interface Values {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** First start: the one-time token from the server console's link creates the initial administrator. */
export function SetupPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.auth.setupTitle');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const status = useApi((signal) => authApi.setupStatus(signal), []);
  const password = Form.useWatch('password', form) ?? '';
  const username = Form.useWatch('username', form) ?? '';

  if (status.loading) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (status.error) return <ErrorResult error={status.error} onRetry={status.reload} />;
  if (!status.data?.needsSetup) return <Navigate to="/login" replace />;
  // The status may name the deployment's policy; the default profile is 等保 level 3.
  const policy: PasswordPolicyName =
    (status.data as SetupStatus & { passwordPolicy?: PasswordPolicyName }).passwordPolicy ?? 'dengbao-l3';

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await authApi.setup({
        token,
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
      });
      message.success(t('ui.auth.setupDone'));
      navigate('/login', { replace: true });
    } catch (err) {
      const { placed, unplaced } = applyServerErrors(form, err, pick);
      if (!placed || unplaced.length)
        setError(
          isApiError(err)
            ? [...new Set([pick(err), ...unplaced.map(unplacedLine)])].join(t('ui.common.messageSeparator'))
            : t('ui.common.networkError'),
        );
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('ui.auth.setupTitle')} width={480}>
      <Typography.Paragraph type="secondary">{t('ui.auth.setupIntro')}</Typography.Paragraph>
      {!token && <Alert type="warning" showIcon title={t('ui.auth.setupNoToken')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="setup-form">
        <Form.Item
          name="username"
          label={t('ui.auth.username')}
          extra={t('ui.auth.usernameHint')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('ui.auth.displayName')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('ui.auth.password')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordRules policy={policy} password={password} username={username} />
        <Form.Item
          name="confirm"
          label={t('ui.auth.passwordConfirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('errors.field.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('ui.auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} disabled={!token} data-testid="setup-submit">
          {t('ui.auth.submitSetup')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
