import { Alert, Button, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { RegistrationInput } from '../../../common/api/listings.ts';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { authApi } from '../auth/auth.api.ts';
import { AuthFrame } from '../../shared/AuthFrame.tsx';
import { PasswordRules } from '../../shared/PasswordRules.tsx';
import { RegionSelect } from '../../shared/RegionSelect.tsx';
import { useIndustryDivisions } from '../../shared/use-industries.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { registrationsApi } from './registrations.api.ts';

/**
 * An enterprise, university or institute registers itself before signing in: its organisation, credit code (checked
 * by the server, GB 32100), region and industry (chosen by name), and the contact who holds the account. A pairing office of the region
 * approves it; the page says so.
 */
export function RegisterPage() {
  const { t } = useI18n();
  usePageTitle('ui.listings.registerTitle');
  const [form] = Form.useForm<RegistrationInput>();
  const { saving, banner, run } = useServerForm(form);
  const [done, setDone] = useState(false);
  const required = [{ required: true, message: t('errors.field.required') }];
  const password = Form.useWatch('password', form) ?? '';
  const username = Form.useWatch('username', form) ?? '';
  // The deployment's password rules, as the setup page reads them; 等保 level 3 until they are known.
  const status = useApi((signal) => authApi.setupStatus(signal), []);
  // Region and industry are chosen by name, as in the listing form (GB/T 2260 and GB/T 4754, readable before sign-in).
  const divisions = useIndustryDivisions();

  return (
    <AuthFrame title={t('ui.listings.registerTitle')} width={560}>
      {done ? (
        <>
          <Alert type="success" showIcon title={t('ui.listings.registered')} data-testid="register-done" />
          <Link to="/login" style={{ display: 'inline-block', marginTop: 16 }}>
            {t('ui.listings.backToLogin')}
          </Link>
        </>
      ) : (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ kind: 'enterprise' }}
          data-testid="register-form"
          onFinish={(v) =>
            run(async () => {
              await registrationsApi.register({ ...v, industryDivision: v.industryDivision || null });
              setDone(true);
            })
          }
        >
          {banner}
          <Form.Item name="organisationName" label={t('ui.listings.orgName')} rules={required}>
            <Input maxLength={200} data-testid="register-org" />
          </Form.Item>
          <Form.Item name="kind" label={t('ui.listings.orgKind')}>
            <Radio.Group
              options={(['enterprise', 'institution'] as const).map((k) => ({
                value: k,
                label: t(`domain.organisationKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label={t('ui.listings.creditCode')}
            extra={t('ui.listings.creditCodeHint')}
            rules={required}
          >
            <Input maxLength={18} data-testid="register-credit-code" />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('ui.listings.regionCode')}
            extra={t('ui.listings.regionCodeHint')}
            rules={required}
          >
            <RegionSelect data-testid="register-region" />
          </Form.Item>
          <Form.Item
            name="industryDivision"
            label={t('ui.listings.industryCode')}
            extra={t('ui.listings.industryCodeHint')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={divisions}
              data-testid="register-industry"
            />
          </Form.Item>
          <Form.Item name="contactName" label={t('ui.listings.contactName')} rules={required}>
            <Input maxLength={50} data-testid="register-contact" />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('ui.listings.contactPhone')} rules={required}>
            <Input maxLength={30} data-testid="register-phone" />
          </Form.Item>
          <Form.Item
            name="username"
            label={t('ui.listings.username')}
            extra={t('ui.listings.usernameHint')}
            rules={required}
          >
            <Input maxLength={50} autoComplete="username" data-testid="register-username" />
          </Form.Item>
          <Form.Item name="password" label={t('ui.listings.password')} rules={required}>
            <Input.Password maxLength={200} autoComplete="new-password" data-testid="register-password" />
          </Form.Item>
          <PasswordRules policy={status.data?.passwordPolicy ?? 'dengbao-l3'} password={password} username={username} />
          <Button type="primary" htmlType="submit" block loading={saving} data-testid="register-submit">
            {t('ui.listings.registerSubmit')}
          </Button>
          <Link to="/login" style={{ display: 'inline-block', marginTop: 16 }}>
            {t('ui.listings.backToLogin')}
          </Link>
        </Form>
      )}
    </AuthFrame>
  );
}
