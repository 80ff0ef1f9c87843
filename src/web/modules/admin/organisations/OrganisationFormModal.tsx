import { useState } from 'react';
import { Alert, Form, Input, Select } from 'antd';
import { ORGANISATION_KINDS } from '../../../../common/access/roles.ts';
import type { CreateOrganisationBody, OrganisationItem } from '../../../../common/api/organisations.ts';
import { formFailure } from '../../../app/form-errors.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { RegionSelect } from '../../../shared/RegionSelect.tsx';
import { organisationsApi } from './organisations.api.ts';
import { useMessage } from '../../../app/feedback.tsx';
import { FormModal } from '../../../shared/FormModal.tsx';

interface Values {
  name: string;
  kind: OrganisationItem['kind'];
  regionCode: string;
}

/**
 * Creates or edits an organisation. The name is left to the server to check so its message (in Chinese) shows
 * next to the field exactly as the API words it.
 */
export function OrganisationFormModal({
  organisation,
  onClose,
  onSaved,
}: {
  organisation?: OrganisationItem;
  onClose: () => void;
  onSaved: (saved: OrganisationItem) => void;
}) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setSaving(true);
    setBanner(null);
    try {
      // Empty fields go as missing, so the server answers 必填 rather than a format error.
      const input = {
        name: values.name ?? '',
        kind: values.kind,
        regionCode: values.regionCode || undefined,
      } as CreateOrganisationBody;
      const saved = organisation
        ? await organisationsApi.update(organisation.id, { version: organisation.version, ...input })
        : await organisationsApi.create(input);
      message.success(t(organisation ? 'ui.common.saved' : 'ui.common.created'));
      onSaved(saved);
    } catch (err) {
      setBanner(formFailure(form, err, { t, pick }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal
      title={t(organisation ? 'ui.organisations.editTitle' : 'ui.organisations.createTitle')}
      okText={t('ui.common.save')}
      okTestId="organisation-save"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="organisation-form"
        initialValues={
          organisation
            ? { name: organisation.name, kind: organisation.kind, regionCode: organisation.regionCode }
            : { kind: 'pairing_office' }
        }
      >
        <Form.Item name="name" label={t('ui.organisations.name')} required>
          <Input maxLength={100} data-testid="organisation-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('ui.organisations.kind')} required>
          <Select
            options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`domain.organisationKinds.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('ui.organisations.region')} required>
          <RegionSelect
            initial={organisation ? [{ code: organisation.regionCode, name: organisation.regionName }] : []}
            data-testid="organisation-region"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
