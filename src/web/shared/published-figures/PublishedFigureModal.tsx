import { Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { SIDES, type Side } from '../../../common/api/enums.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PublishedFigure } from '../../../common/api/published-figures.ts';
import { usePairingOptions } from '../use-pairing-options.ts';
import { useServerForm } from '../use-server-form.tsx';
import { publishedFiguresApi } from './published-figures.api.ts';

interface Values {
  pairingId?: string;
  side?: Side | null;
  year?: number;
  label?: string;
  value?: string;
  unit?: string;
  sourceTitle?: string;
  sourceDate?: Dayjs;
  sourceLink?: string | null;
  note?: string | null;
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Records a figure as published, with its source: title, date and link; or corrects one (`figure`). */
export function PublishedFigureModal({
  base,
  pairingId,
  figure,
  onClose,
  onSaved,
}: {
  base: string;
  pairingId?: string;
  figure: PublishedFigure | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const pairings = usePairingOptions(!pairingId);
  const required = [{ required: true, message: t('errors.field.required') }];
  const submit = (v: Values) =>
    run(async () => {
      const figures = publishedFiguresApi(base);
      const body = {
        pairingId: v.pairingId ?? pairingId ?? figure?.pairingId ?? null,
        side: v.side ?? null,
        year: v.year ?? 0,
        label: v.label?.trim() ?? '',
        value: v.value?.trim() ?? '',
        unit: v.unit?.trim() ?? '',
        sourceTitle: v.sourceTitle?.trim() ?? '',
        sourceDate: v.sourceDate ? v.sourceDate.format('YYYY-MM-DD') : '',
        sourceLink: blank(v.sourceLink),
        note: blank(v.note),
      };
      await (figure ? figures.update(figure.id, body) : figures.add(body));
      onSaved();
    });
  return (
    <Modal
      open
      width={720}
      title={t(figure ? 'ui.portal.figureEdit' : 'ui.replication.published.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.replication.save')}
      cancelText={t('ui.replication.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'published-figure-save' } as never}
      destroyOnHidden
    >
      {banner}
      <Form
        form={form}
        name="figure"
        layout="vertical"
        onFinish={submit}
        initialValues={
          figure ? { ...figure, sourceDate: dayjs(figure.sourceDate) } : { year: new Date().getFullYear() }
        }
      >
        {!pairingId && !figure && (
          <Form.Item name="pairingId" label={t('ui.replication.pairing')} rules={required}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={pairings.loading}
              options={pairings.options}
              placeholder={t('ui.common.selectPlaceholder')}
            />
          </Form.Item>
        )}
        <Form.Item name="label" label={t('ui.replication.published.label')} rules={required}>
          <Input
            maxLength={200}
            placeholder={t('ui.replication.published.labelPlaceholder')}
            data-testid="published-label"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="year" label={t('ui.replication.published.year')} rules={required}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="value" label={t('ui.replication.published.value')} rules={required}>
              <Input maxLength={24} inputMode="decimal" data-testid="published-value" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="unit" label={t('ui.replication.published.unit')} rules={required}>
              <Input
                maxLength={20}
                placeholder={t('ui.replication.published.unitPlaceholder')}
                data-testid="published-unit"
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="side" label={t('ui.replication.published.side')}>
              <Select allowClear options={SIDES.map((s) => ({ value: s, label: t(`domain.sides.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="sourceTitle" label={t('ui.replication.published.sourceTitle')} rules={required}>
              <Input
                maxLength={300}
                placeholder={t('ui.replication.published.sourceTitlePlaceholder')}
                data-testid="published-source"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sourceDate" label={t('ui.replication.published.sourceDate')} rules={required}>
              <DatePicker style={{ width: '100%' }} data-testid="published-source-date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="sourceLink" label={t('ui.replication.published.sourceLink')}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item name="note" label={t('ui.replication.published.figureNote')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
