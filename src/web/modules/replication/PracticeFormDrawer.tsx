import { useMemo } from 'react';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PRACTICE_CATEGORIES, type PracticeCategory } from '../../../common/api/enums.ts';
import type { PracticeDetail, UpdatePracticeBody } from '../../../common/api/replication.ts';
import { useMessage } from '../../app/feedback.tsx';
import { changedFields } from '../../app/form-errors.ts';
import { useI18n } from '../../app/i18n.tsx';
import { RegionSelect } from '../../shared/RegionSelect.tsx';
import { PairingSelect } from '../../shared/PairingSelect.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { replicationApi } from './replication.api.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

interface Values {
  pairingId?: string;
  title?: string;
  sourceRegionCode?: string;
  category?: PracticeCategory;
  description?: string;
  sourceDocTitle?: string | null;
  sourceDocNumber?: string | null;
  sourceDocDate?: Dayjs | null;
  sourceLink?: string | null;
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function toInput(v: Values) {
  return {
    title: v.title?.trim() ?? '',
    sourceRegionCode: v.sourceRegionCode ?? '',
    category: v.category ?? 'other',
    description: v.description?.trim() ?? '',
    sourceDocTitle: blank(v.sourceDocTitle),
    sourceDocNumber: blank(v.sourceDocNumber),
    sourceDocDate: v.sourceDocDate ? v.sourceDocDate.format('YYYY-MM-DD') : null,
    sourceLink: blank(v.sourceLink),
  };
}

/** Registers a practice of one side (its side is its source region's), or edits one with its version. */
export function PracticeFormDrawer({
  practice,
  pairingId: fixedPairing,
  onClose,
  onSaved,
}: {
  practice?: PracticeDetail;
  pairingId?: string;
  onClose: () => void;
  onSaved: (saved: PracticeDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const initialValues = useMemo<Values>(
    () =>
      practice
        ? {
            title: practice.title,
            sourceRegionCode: practice.sourceRegionCode,
            category: practice.category,
            description: practice.description,
            sourceDocTitle: practice.sourceDocTitle,
            sourceDocNumber: practice.sourceDocNumber,
            sourceDocDate: practice.sourceDocDate ? dayjs(practice.sourceDocDate) : null,
            sourceLink: practice.sourceLink,
          }
        : { pairingId: fixedPairing, category: 'government_services' },
    [practice, fixedPairing],
  );

  const submit = (values: Values) =>
    run(async () => {
      const input = toInput(values);
      const saved = practice
        ? await replicationApi.update(practice.id, {
            version: practice.version,
            ...changedFields(input, toInput(initialValues)),
          } as UpdatePracticeBody)
        : await replicationApi.create({ pairingId: values.pairingId ?? '', ...input });
      message.success(t(practice ? 'ui.replication.saved' : 'ui.replication.created'));
      onSaved(saved);
    });

  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <FormDrawer
      title={t(practice ? 'ui.replication.edit' : 'ui.replication.create')}
      testId="practice"
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        name="practice"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid="practice-form"
      >
        {!practice && (
          <Form.Item name="pairingId" label={t('ui.replication.pairing')} rules={required}>
            <PairingSelect data-testid="practice-pairing" />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('ui.replication.practiceTitle')} rules={required}>
          <Input maxLength={200} placeholder={t('ui.replication.titlePlaceholder')} data-testid="practice-title" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="sourceRegionCode" label={t('ui.replication.sourceRegion')} rules={required}>
              <RegionSelect
                initial={practice ? [{ code: practice.sourceRegionCode, name: practice.sourceRegionName }] : undefined}
                data-testid="practice-source-region"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label={t('ui.replication.category')} rules={required}>
              <Select
                options={PRACTICE_CATEGORIES.map((c) => ({ value: c, label: t(`domain.practiceCategories.${c}`) }))}
                data-testid="practice-category"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('ui.replication.description')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} data-testid="practice-description" />
        </Form.Item>
        <Form.Item name="sourceDocTitle" label={t('ui.replication.sourceDocTitle')}>
          <Input maxLength={300} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="sourceDocNumber" label={t('ui.replication.sourceDocNumber')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sourceDocDate" label={t('ui.replication.sourceDocDate')}>
              <DatePicker style={{ width: '100%' }} data-testid="practice-source-date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="sourceLink" label={t('ui.replication.sourceLink')}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
