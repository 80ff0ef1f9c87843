import type { ReactNode } from 'react';
import { Form, Input } from 'antd';
import { useI18n } from '../app/i18n.tsx';
import { FormModal } from './FormModal.tsx';
import { useServerForm } from './use-server-form.tsx';

/**
 * An action that takes a reason and nothing else (withdraw, revoke, refuse): the reason is required and trimmed,
 * a refusal by the server shows in the banner or on the field, and the modal stays open until `submit` succeeds.
 */
export function ReasonModal({
  title,
  okText,
  reasonLabel,
  testId,
  maxLength = 500,
  submit,
  onClose,
}: {
  title: ReactNode;
  okText?: string;
  reasonLabel: string;
  /** `<testId>-reason` on the field, `<testId>-save` on OK. */
  testId: string;
  maxLength?: number;
  submit: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  const { saving, banner, run } = useServerForm(form);
  return (
    <FormModal
      title={title}
      okText={okText}
      danger
      okTestId={`${testId}-save`}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form form={form} name={testId} layout="vertical" onFinish={(v) => run(() => submit(v.reason?.trim() ?? ''))}>
        <Form.Item name="reason" label={reasonLabel} rules={[{ required: true, message: t('errors.field.required') }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={maxLength}
            data-testid={`${testId}-reason`}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
