import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { isApiError } from '../../../app/api-client.ts';
import { applyServerErrors } from '../../../app/form-errors.ts';
import { useI18n, usePageTitle } from '../../../app/i18n.tsx';
import { useSession } from '../../../app/session.tsx';
import { useApi } from '../../../app/use-api.ts';
import { AuthFrame } from '../../../shared/AuthFrame.tsx';
import { authApi } from '../auth.api.ts';
import { landingPath } from '../../workbench/landing.ts';

interface Values {
  username: string;
  password: string;
  totpCode?: string;
  recoveryCode?: string;
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
  // After the password, an account with a second factor is asked for its code (or a recovery code).
  const [second, setSecond] = useState<'totp' | 'recovery' | null>(null);
  const setup = useApi((signal) => authApi.setupStatus(signal), []);
  // The page the user was sent here from (or named in ?from=, a link into the app); otherwise their landing page.
  const from =
    (location.state as { from?: string } | null)?.from ?? new URLSearchParams(location.search).get('from') ?? undefined;
  const asked = from?.startsWith('/') && !from.startsWith('/login') && !from.startsWith('//') ? from : null;

  if (me) return <Navigate to={asked ?? landingPath(me.user.roles)} replace />;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await login(
        values.username.trim(),
        values.password,
        second === 'totp'
          ? { totpCode: values.totpCode?.trim() }
          : second === 'recovery'
            ? { recoveryCode: values.recoveryCode?.trim() }
            : undefined,
      );
      navigate(asked ?? landingPath(signedIn.user.roles), { replace: true });
    } catch (err) {
      if (isApiError(err) && err.code === 'totp_required') {
        setSecond('totp');
        return;
      }
      const { placed } = applyServerErrors(form, err, pick);
      if (!placed) setError(isApiError(err) ? pick(err) : t('ui.common.networkError'));
      if (isApiError(err) && err.code === 'totp_invalid') form.setFieldsValue({ totpCode: '', recoveryCode: '' });
      else {
        form.setFieldValue('password', '');
        setSecond(null);
      }
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
          hidden={!!second}
          label={t('ui.auth.username')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          hidden={!!second}
          label={t('ui.auth.password')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        {second === 'totp' && (
          <Form.Item
            name="totpCode"
            label={t('ui.auth.totpCodeLabel')}
            extra={t('ui.auth.totpCodeHint')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus data-testid="login-totp" />
          </Form.Item>
        )}
        {second === 'recovery' && (
          <Form.Item
            name="recoveryCode"
            label={t('ui.auth.recoveryCodeLabel')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Input autoComplete="off" autoFocus data-testid="login-recovery" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {busy ? t('ui.auth.loggingIn') : second ? t('ui.auth.verify') : t('ui.auth.login')}
        </Button>
        {second && (
          <Button
            type="link"
            block
            onClick={() => setSecond(second === 'totp' ? 'recovery' : 'totp')}
            data-testid="login-switch-second"
          >
            {t(second === 'totp' ? 'ui.auth.useRecoveryCode' : 'ui.auth.useTotpCode')}
          </Button>
        )}
      </Form>
      {/* Enterprises, universities and institutes register themselves (issue 16); a pairing office approves. */}
      <Link to="/register" style={{ display: 'inline-block', marginTop: 16 }} data-testid="register-link">
        {t('ui.listings.registerLink')}
      </Link>
    </AuthFrame>
  );
}
