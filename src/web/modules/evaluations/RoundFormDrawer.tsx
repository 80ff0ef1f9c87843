import { Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ROUND_SIDES, RULE_KINDS, type RoundDetail, type ScoringRule } from '../../../common/api/evaluations.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { usePairingOptions } from '../../shared/use-pairing-options.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { indicatorsApi } from '../indicators/indicators.api.ts';
import { evaluationsApi } from './evaluations.api.ts';

interface IndicatorValue {
  indicatorId?: string;
  weight?: number;
  kind: ScoringRule['kind'];
  /** Thresholds as written: "80:100, 50:60". */
  steps?: string;
  target?: number | null;
}

interface Values {
  year: number;
  title?: string;
  sides: (typeof ROUND_SIDES)[number];
  selfDeadline?: Dayjs;
  indicators: IndicatorValue[];
  gradeScale: { grade?: string; min?: number }[];
  pairingIds: string[];
}

/** "80:100, 50:60" as threshold steps; null when a step is not "value:score". */
export function parseSteps(text: string | undefined): { bound: number; score: number }[] | null {
  const parts = (text ?? '')
    .split(/[,，]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const steps = parts.map((p) => p.split(/[:：]/).map((x) => Number(x.trim())));
  if (!steps.length || steps.some((s) => s.length !== 2 || s.some((n) => !Number.isFinite(n)))) return null;
  return steps.map(([bound, score]) => ({ bound: bound!, score: score! }));
}

const DEFAULT_GRADES = [
  { grade: '好', min: 90 },
  { grade: '较好', min: 75 },
  { grade: '一般', min: 60 },
  { grade: '较差', min: 0 },
];

/**
 * Opening a round: the year, the indicators with weights and scoring rules, the grade scale (its names are the
 * national office's words, so they are data, not catalogue texts), the pairings and the self-assessment deadline.
 */
export function RoundFormDrawer({ onClose, onSaved }: { onClose: () => void; onSaved: (r: RoundDetail) => void }) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const pairings = usePairingOptions();
  const library = useApi((signal) => indicatorsApi.list(signal), []);
  const indicatorOptions = (library.data?.items ?? [])
    .filter((i) => i.active)
    .map((i) => ({ value: i.id, label: pick({ zh: i.nameZh, en: i.nameEn }) }));
  const required = [{ required: true, message: t('errors.field.required') }];
  const year = new Date().getFullYear();

  const save = () =>
    run(async () => {
      const v = await form.validateFields();
      const round = await evaluationsApi.open({
        year: v.year,
        title: v.title ?? '',
        sides: v.sides,
        selfDeadline: v.selfDeadline ? v.selfDeadline.format('YYYY-MM-DD') : '',
        indicators: v.indicators.map((i) => ({
          indicatorId: i.indicatorId ?? '',
          weight: i.weight ?? 0,
          rule: i.kind === 'thresholds' ? { kind: 'thresholds', steps: parseSteps(i.steps) ?? [] } : { kind: i.kind },
          target: i.target === null || i.target === undefined ? null : String(i.target),
        })),
        gradeScale: v.gradeScale.map((g) => ({ grade: g.grade ?? '', min: g.min ?? 0 })),
        pairingIds: v.pairingIds ?? [],
      });
      message.success(t('ui.evaluations.opened'));
      onSaved(round);
    });

  return (
    <FormDrawer
      size="large"
      title={t('ui.evaluations.open')}
      testId="round"
      saving={saving}
      onSave={save}
      onClose={onClose}
    >
      {banner}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          year: year - 1,
          sides: 'pairing',
          selfDeadline: dayjs().add(30, 'day'),
          indicators: [{ kind: 'linear', weight: 1 }],
          gradeScale: DEFAULT_GRADES,
          pairingIds: [],
        }}
      >
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="title" label={t('ui.evaluations.roundTitle')} rules={required}>
              <Input maxLength={200} data-testid="round-title" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="year" label={t('ui.evaluations.year')} rules={required}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} data-testid="round-year" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="selfDeadline" label={t('ui.evaluations.selfDeadline')} rules={required}>
              <DatePicker style={{ width: '100%' }} data-testid="round-deadline" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sides" label={t('ui.evaluations.sides')}>
              <Radio.Group
                options={ROUND_SIDES.map((s) => ({ value: s, label: t(`ui.evaluations.sideModes.${s}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="pairingIds" label={t('ui.evaluations.pairings')} rules={required}>
          <Select
            mode="multiple"
            options={pairings.options}
            loading={pairings.loading}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="round-pairings"
          />
        </Form.Item>
        <Form.Item label={t('ui.evaluations.indicators')} required>
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <RoundIndicatorRow
                    key={field.key}
                    name={field.name}
                    options={indicatorOptions}
                    onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                  />
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'linear', weight: 1 })}
                  data-testid="round-add-indicator"
                >
                  {t('ui.evaluations.addIndicator')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('ui.evaluations.gradeScale')} required>
          <Form.List name="gradeScale">
            {(fields) => (
              <Row gutter={8}>
                {fields.map((field) => (
                  <Col span={6} key={field.key}>
                    <Space.Compact>
                      <Form.Item name={[field.name, 'grade']} noStyle rules={required}>
                        <Input placeholder={t('ui.evaluations.grade')} style={{ width: 64 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'min']} noStyle rules={required}>
                        <InputNumber
                          placeholder={t('ui.evaluations.minScore')}
                          min={0}
                          max={100}
                          style={{ width: 72 }}
                        />
                      </Form.Item>
                    </Space.Compact>
                  </Col>
                ))}
              </Row>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function RoundIndicatorRow({
  name,
  options,
  onRemove,
}: {
  name: number;
  options: { value: string; label: string }[];
  onRemove?: () => void;
}) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('errors.field.required') }];
  const kind = Form.useWatch(['indicators', name, 'kind']);
  return (
    <Row gutter={8} align="top" data-testid="round-indicator">
      <Col span={8}>
        <Form.Item name={[name, 'indicatorId']} rules={required} label={t('ui.evaluations.indicator')}>
          <Select options={options} showSearch={{ optionFilterProp: 'label' }} data-testid="round-indicator-select" />
        </Form.Item>
      </Col>
      <Col span={3}>
        <Form.Item name={[name, 'weight']} rules={required} label={t('ui.evaluations.weight')}>
          <InputNumber min={0.1} max={100} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name={[name, 'kind']} label={t('ui.evaluations.rule')}>
          <Select options={RULE_KINDS.map((k) => ({ value: k, label: t(`ui.evaluations.rules.${k}`) }))} />
        </Form.Item>
      </Col>
      <Col span={6}>
        {kind === 'thresholds' ? (
          <Form.Item
            name={[name, 'steps']}
            label={t('ui.evaluations.steps')}
            tooltip={t('ui.evaluations.stepsHint')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  parseSteps(v) ? Promise.resolve() : Promise.reject(new Error(t('ui.evaluations.stepsInvalid'))),
              },
            ]}
          >
            <Input placeholder="80:100, 50:60" />
          </Form.Item>
        ) : kind === 'linear' ? (
          <Form.Item
            name={[name, 'target']}
            label={t('ui.evaluations.defaultTarget')}
            tooltip={t('ui.evaluations.defaultTargetHint')}
          >
            <InputNumber style={{ width: '100%' }} data-testid="round-indicator-target" />
          </Form.Item>
        ) : null}
      </Col>
      <Col span={1} style={{ paddingTop: 34 }}>
        {onRemove && <MinusCircleOutlined onClick={onRemove} />}
      </Col>
    </Row>
  );
}
