import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { isApiError } from '../../../app/api-client.ts';
import { applyServerErrors } from '../../../app/form-errors.ts';
import { useI18n, usePageTitle } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { useApi } from '../../../app/use-api.ts';
import { AuthFrame } from '../../../shared/AuthFrame.tsx';
import { authApi } from '../auth.api.ts';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.auth.loginTitle');
  const { me, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setup = useApi((signal) => authApi.setupStatus(signal), []);
  const from = (location.state as { from?: string } | null)?.from;
  const target = from?.startsWith('/') && !from.startsWith('/login') ? from : '/';

  if (me) return <Navigate to={target} replace />;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(target, { replace: true });
    } catch (err) {
      const { placed } = applyServerErrors(form, err, pick);
      if (!placed) setError(isApiError(err) ? pick(err) : t('ui.common.networkError'));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('ui.auth.loginTitle')}>
      {setup.data?.needsSetup && (
        <Alert type="info" showIcon title={t('ui.auth.setupPending')} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
        <Form.Item
          name="username"
          label={t('ui.auth.username')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('ui.auth.password')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {busy ? t('ui.auth.loggingIn') : t('ui.auth.login')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
