import { Form, Input, Switch } from 'antd';
import type { Indicator } from '../../../common/api/indicators.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { indicatorsApi } from './indicators.api.ts';
import { FormModal } from '../../shared/FormModal.tsx';

type Values = Pick<Indicator, 'nameZh' | 'nameEn' | 'definitionZh' | 'definitionEn' | 'active'>;

/**
 * Renaming an indicator or taking it out of use (the national office's); its formula stays as it is, so values
 * already computed and rounds already scored keep their meaning. An inactive indicator is offered nowhere new.
 */
export function IndicatorEditModal({
  indicator,
  onClose,
  onSaved,
}: {
  indicator: Indicator;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const required = [{ required: true, message: t('errors.field.required') }];
  const save = () =>
    run(async () => {
      const v = await form.validateFields();
      await indicatorsApi.update(indicator.id, { version: indicator.version, ...v });
      message.success(t('ui.indicators.saved'));
      onSaved();
    });
  return (
    <FormModal
      title={t('ui.indicators.editTitle', { code: indicator.code })}
      okTestId="indicator-edit-save"
      saving={saving}
      onOk={save}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          nameZh: indicator.nameZh,
          nameEn: indicator.nameEn,
          definitionZh: indicator.definitionZh,
          definitionEn: indicator.definitionEn,
          active: indicator.active,
        }}
      >
        <Form.Item name="nameZh" label={t('ui.indicators.nameZh')} rules={required}>
          <Input maxLength={100} data-testid="indicator-edit-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('ui.indicators.nameEn')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="definitionZh" label={t('ui.indicators.definitionZh')} rules={required}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="definitionEn" label={t('ui.indicators.definitionEn')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="active"
          label={t('ui.indicators.activeLabel')}
          valuePropName="checked"
          extra={t('ui.indicators.activeHint')}
        >
          <Switch data-testid="indicator-edit-active" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
