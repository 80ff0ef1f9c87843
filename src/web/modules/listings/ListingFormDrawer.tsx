import { DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { LISTING_CATEGORIES, LISTING_KINDS } from '../../../common/api/enums.ts';
import type { CreateListingBody, ListingSummary } from '../../../common/api/listings.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { RegionSelect } from '../../shared/RegionSelect.tsx';
import { useApi } from '../../app/use-api.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { listingsApi } from './listings.api.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

type Values = Omit<CreateListingBody, 'validUntil'> & { validUntil?: Dayjs | null };

/** Publishing an offer or a need: an enterprise's waits for its pairing office; an office's is public at once. */
export function ListingFormDrawer({ onClose, onSaved }: { onClose: () => void; onSaved: (l: ListingSummary) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const required = [{ required: true, message: t('errors.field.required') }];
  // The pairings it may name for the region chosen (its scope's, and those whose side holds the region).
  const regionCode = Form.useWatch('regionCode', form) as string | undefined;
  const pairings = useApi((signal) => listingsApi.pairings(regionCode, signal), [regionCode]);

  const submit = (v: Values) =>
    run(async () => {
      const saved = await listingsApi.create({
        ...v,
        description: v.description || null,
        industryDivision: v.industryDivision || null,
        quantity: v.quantity || null,
        unit: v.unit || null,
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
        pairingId: v.pairingId || undefined,
        contact: {
          name: v.contact.name,
          phone: v.contact.phone || null,
          email: v.contact.email || null,
        },
      });
      onSaved(saved);
    });

  return (
    <FormDrawer
      title={t('ui.listings.createTitle')}
      size={560}
      testId="listing"
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'need',
          category: 'product',
          tags: [],
          regionCode: me.user.regionCode,
          organisationName: me.user.organisationName,
        }}
        data-testid="listing-form"
      >
        <Space.Compact block>
          <Form.Item name="kind" label={t('ui.listings.kind')} rules={required} style={{ width: '40%' }}>
            <Select
              options={LISTING_KINDS.map((k) => ({ value: k, label: t(`domain.listingKinds.${k}`) }))}
              data-testid="listing-kind"
            />
          </Form.Item>
          <Form.Item name="category" label={t('ui.listings.category')} rules={required} style={{ width: '60%' }}>
            <Select
              options={LISTING_CATEGORIES.map((c) => ({ value: c, label: t(`domain.listingCategories.${c}`) }))}
            />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="title" label={t('ui.listings.listingTitle')} rules={required}>
          <Input maxLength={200} data-testid="listing-title" />
        </Form.Item>
        <Form.Item name="description" label={t('ui.listings.description')}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="listing-description" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('ui.listings.region')} rules={required}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="pairingId" label={t('ui.listings.pairing')} extra={t('ui.listings.pairingHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={pairings.loading}
            options={(pairings.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            placeholder={t('ui.listings.pairingByRegion')}
            data-testid="listing-pairing"
          />
        </Form.Item>
        <Form.Item name="industryDivision" label={t('ui.listings.industry')}>
          <Input maxLength={2} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="tags" label={t('ui.listings.tags')} extra={t('ui.listings.tagsHint')}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="quantity" label={t('ui.listings.quantity')} style={{ width: '50%' }}>
            <Input />
          </Form.Item>
          <Form.Item name="unit" label={t('ui.listings.unit')} style={{ width: '50%' }}>
            <Input maxLength={20} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="validUntil" label={t('ui.listings.validUntil')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="organisationName" label={t('ui.listings.organisation')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['contact', 'name']} label={t('ui.listings.contactName')} rules={required}>
          <Input maxLength={50} data-testid="listing-contact-name" />
        </Form.Item>
        <Form.Item name={['contact', 'phone']} label={t('ui.listings.contactPhone')}>
          <Input maxLength={30} data-testid="listing-contact-phone" />
        </Form.Item>
        <Form.Item name={['contact', 'email']} label={t('ui.listings.contactEmail')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
