import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal, Typography, type FormInstance } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { formFailure } from '../../app/form-errors.ts';

/**
 * A modal form for one action (open a period, approve, return, lock, unlock): OK submits the form; while the request
 * runs the button spins; a refusal puts the server's field errors on the fields and its message in a banner.
 */
export function ActionModal<V extends object>({
  form,
  title,
  intro,
  okText,
  danger,
  testId,
  width,
  initialValues,
  onValuesChange,
  onSubmit,
  onClose,
  children,
}: {
  form: FormInstance<V>;
  title: ReactNode;
  intro?: ReactNode;
  okText: string;
  danger?: boolean;
  /** `<testId>-form` on the form, `<testId>-ok` on the OK button. */
  testId: string;
  width?: number;
  initialValues?: Partial<V>;
  onValuesChange?: (changed: Partial<V>) => void;
  onSubmit: (values: V) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t, pick } = useI18n();
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async (values: V) => {
    setSaving(true);
    setBanner(null);
    try {
      await onSubmit(values);
    } catch (err) {
      setBanner(formFailure(form, err, { t, pick }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger, 'data-testid': `${testId}-ok` }}
      cancelText={t('ui.common.cancel')}
      confirmLoading={saving}
      width={width}
      destroyOnHidden
    >
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />}
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues}
        onValuesChange={onValuesChange ? (changed: Partial<V>) => onValuesChange(changed) : undefined}
        data-testid={`${testId}-form`}
      >
        {children}
      </Form>
    </Modal>
  );
}
