import { Form, Input } from 'antd';
import type { Adoption, PracticeDetail } from '../../../common/api/replication.ts';
import { useI18n } from '../../app/i18n.tsx';
import { RegionSelect } from '../../shared/RegionSelect.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { replicationApi } from './replication.api.ts';
import { FormModal } from '../../shared/FormModal.tsx';

interface Values {
  adopterName: string;
  regionCode: string;
  results?: string | null;
}

/**
 * An adoption's unit, region and results (成效), as they become known after it was recorded; its stages move
 * through their own steps. The server refuses a region outside the adopting side, naming the field.
 */
export function AdoptionEditModal({
  adoption,
  onClose,
  onSaved,
}: {
  adoption: Adoption;
  onClose: () => void;
  onSaved: (saved: PracticeDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const required = [{ required: true, message: t('errors.field.required') }];
  const submit = (v: Values) =>
    run(async () => {
      onSaved(
        await replicationApi.updateAdoption(adoption.id, {
          version: adoption.version,
          adopterName: v.adopterName.trim(),
          regionCode: v.regionCode,
          results: v.results?.trim() ? v.results.trim() : null,
        }),
      );
    });
  return (
    <FormModal
      width={640}
      title={`${t('ui.replication.editAdoption')}：${adoption.adopterName}`}
      okText={t('ui.replication.save')}
      okTestId="adoption-edit-save"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          adopterName: adoption.adopterName,
          regionCode: adoption.regionCode,
          results: adoption.results,
        }}
      >
        <Form.Item name="adopterName" label={t('ui.replication.adopterName')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('ui.replication.adopterRegion')} rules={required}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="results" label={t('ui.replication.results')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={5000}
            placeholder={t('ui.replication.resultsPlaceholder')}
            data-testid="adoption-results"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
