import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PROJECT_TYPES, type ProjectType } from '../../../common/api/enums.ts';
import type { ListingInterest } from '../../../common/api/listings.ts';
import { useI18n } from '../../app/i18n.tsx';
import { RegionSelect } from '../../shared/RegionSelect.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { listingsApi } from './listings.api.ts';
import { FormModal } from '../../shared/FormModal.tsx';

/** A message to the publisher of `listingId`, answering it with the actor's own listing when there is one. */
export function InterestModal({
  listingId,
  fromListingId,
  onClose,
  onSent,
}: {
  listingId: string;
  fromListingId: string | null;
  onClose: () => void;
  onSent: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ message: string }>();
  const { saving, banner, run } = useServerForm(form);
  return (
    <FormModal
      title={t('ui.listings.interestTitle')}
      okTestId="interest-send"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          run(async () => {
            await listingsApi.interest(listingId, v.message, fromListingId);
            onSent();
          })
        }
      >
        <Form.Item
          name="message"
          label={t('ui.listings.interestMessage')}
          extra={t('ui.listings.interestMessageHint')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} data-testid="interest-message" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface SignedValues {
  signedOn: Dayjs;
  project: { title: string; investor: string; hostRegionCode: string; type: ProjectType; signedAmount?: string };
}

/** 签约: the deal's project enters the pipeline in the same step. */
export function SignedModal({
  interest,
  onClose,
  onSigned,
}: {
  interest: ListingInterest;
  onClose: () => void;
  onSigned: (i: ListingInterest) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<SignedValues>();
  const { saving, banner, run } = useServerForm(form);
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <FormModal
      title={t('ui.listings.signedTitle')}
      okTestId="signed-confirm"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          signedOn: dayjs(),
          project: { title: interest.listingTitle, type: 'industrial' as ProjectType },
        }}
        onFinish={(v) =>
          run(async () => {
            const saved = await listingsApi.outcome(interest.id, {
              version: interest.version,
              outcome: 'signed',
              signedOn: v.signedOn.format('YYYY-MM-DD'),
              project: { ...v.project, signedAmount: v.project.signedAmount || null },
            });
            onSigned(saved);
          })
        }
      >
        <Form.Item name="signedOn" label={t('ui.listings.signedOn')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name={['project', 'title']} label={t('ui.listings.projectTitle')} rules={required}>
          <Input maxLength={200} data-testid="signed-project-title" />
        </Form.Item>
        <Form.Item name={['project', 'investor']} label={t('ui.listings.investor')} rules={required}>
          <Input maxLength={200} data-testid="signed-investor" />
        </Form.Item>
        <Form.Item name={['project', 'hostRegionCode']} label={t('ui.listings.hostRegion')} rules={required}>
          <RegionSelect data-testid="signed-host" />
        </Form.Item>
        <Form.Item name={['project', 'type']} label={t('ui.listings.projectType')} rules={required}>
          <Select options={PROJECT_TYPES.map((p) => ({ value: p, label: t(`domain.projectTypes.${p}`) }))} />
        </Form.Item>
        <Form.Item name={['project', 'signedAmount']} label={t('ui.listings.signedAmount')}>
          <Input data-testid="signed-amount" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
