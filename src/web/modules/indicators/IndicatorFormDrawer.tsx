import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { SIDES, type Side } from '../../../common/api/enums.ts';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_TYPES,
  INDICATOR_UNITS,
  type IndicatorList,
  type IndicatorType,
  type MeasureCode,
} from '../../../common/api/indicators.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { indicatorsApi } from './indicators.api.ts';

interface Values {
  code?: string;
  nameZh?: string;
  nameEn?: string;
  definitionZh?: string;
  definitionEn?: string;
  unit: (typeof INDICATOR_UNITS)[number];
  direction: (typeof INDICATOR_DIRECTIONS)[number];
  type: IndicatorType;
  numerator: { measure?: MeasureCode; filters: { side?: Side } };
  denominator?: { measure?: MeasureCode; filters: { side?: Side } };
  factor: number;
}

/**
 * A new indicator combined from the measures, as the national office writes it: no SQL, only a choice of
 * measures, a side where the measure has sides, and a factor. The server names any field it refuses.
 */
export function IndicatorFormDrawer({
  measures,
  onClose,
  onSaved,
}: {
  measures: IndicatorList['measures'];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const type = Form.useWatch('type', form);
  const divides = type === 'ratio' || type === 'average';
  const required = [{ required: true, message: t('errors.field.required') }];
  const measureOptions = measures.map((m) => ({ value: m.code, label: t(`ui.indicators.measures.${m.code}`) }));
  const sideOptions = SIDES.map((s) => ({ value: s, label: t(`domain.sides.${s}`) }));

  const term = (name: 'numerator' | 'denominator', label: string) => (
    <Row gutter={12}>
      <Col span={15}>
        <Form.Item name={[name, 'measure']} label={label} rules={required}>
          <Select
            options={measureOptions}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid={`indicator-${name}`}
          />
        </Form.Item>
      </Col>
      <Col span={9}>
        <Form.Item name={[name, 'filters', 'side']} label={t('ui.indicators.filters.side')}>
          <Select allowClear placeholder={t('ui.indicators.bothSides')} options={sideOptions} />
        </Form.Item>
      </Col>
    </Row>
  );

  const save = () =>
    run(async () => {
      const v = await form.validateFields();
      const clean = (x: Values['numerator'] | undefined) =>
        x?.measure ? { measure: x.measure, filters: x.filters?.side ? { side: x.filters.side } : {} } : null;
      await indicatorsApi.create({
        code: v.code ?? '',
        nameZh: v.nameZh ?? '',
        nameEn: v.nameEn ?? '',
        definitionZh: v.definitionZh ?? '',
        definitionEn: v.definitionEn ?? '',
        unit: v.unit,
        direction: v.direction,
        type: v.type,
        numerator: clean(v.numerator) ?? { measure: 'tasks_due', filters: {} },
        denominator: divides ? clean(v.denominator) : null,
        factor: String(v.factor ?? 1),
      });
      message.success(t('ui.indicators.created'));
      onSaved();
    });

  return (
    <FormDrawer
      size="large"
      title={t('ui.indicators.create')}
      testId="indicator"
      saving={saving}
      onSave={save}
      onClose={onClose}
    >
      {banner}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ unit: 'percent', direction: 'higher', type: 'ratio', factor: 100, numerator: { filters: {} } }}
      >
        <Form.Item name="code" label={t('ui.indicators.code')} extra={t('ui.indicators.codeHint')} rules={required}>
          <Input maxLength={50} data-testid="indicator-code" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="nameZh" label={t('ui.indicators.nameZh')} rules={required}>
              <Input maxLength={100} data-testid="indicator-name-zh" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('ui.indicators.nameEn')} rules={required}>
              <Input maxLength={200} data-testid="indicator-name-en" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="definitionZh" label={t('ui.indicators.definitionZh')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="indicator-definition-zh" />
        </Form.Item>
        <Form.Item name="definitionEn" label={t('ui.indicators.definitionEn')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} data-testid="indicator-definition-en" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="type" label={t('ui.indicators.type')} rules={required}>
              <Select options={INDICATOR_TYPES.map((v) => ({ value: v, label: t(`ui.indicators.types.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="unit" label={t('ui.indicators.unit')} rules={required}>
              <Select options={INDICATOR_UNITS.map((v) => ({ value: v, label: t(`ui.indicators.units.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="direction" label={t('ui.indicators.direction')} rules={required}>
              <Select
                options={INDICATOR_DIRECTIONS.map((v) => ({ value: v, label: t(`ui.indicators.directions.${v}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {term('numerator', t('ui.indicators.numerator'))}
        {divides && term('denominator', t('ui.indicators.denominator'))}
        <Form.Item name="factor" label={t('ui.indicators.factor')} extra={t('ui.indicators.factorHint')}>
          <InputNumber />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
