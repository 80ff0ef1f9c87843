import { useMemo } from 'react';
import { Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PAIRING_LEVELS, PLAN_KINDS } from '../../../common/api/enums.ts';
import type { ProgrammeItem } from '../../../common/api/pairings.ts';
import type { CreateProgrammeInput } from '../../../common/api/programmes.ts';
import { useMessage } from '../../app/feedback.tsx';
import { changedFields } from '../../app/form-errors.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { indicatorsApi } from '../indicators/indicators.api.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { programmesApi } from './programmes.api.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

interface Values {
  name?: string;
  shortName?: string | null;
  docNo?: string | null;
  issuer?: string | null;
  issued?: Dayjs | null;
  period?: { from?: Dayjs | null; to?: Dayjs | null };
  sides?: { a?: { zh?: string; en?: string }; b?: { zh?: string; en?: string } };
  levels?: ProgrammeItem['levels'];
  planKinds?: ProgrammeItem['planKinds'];
  indicators?: ProgrammeItem['indicators'];
  goals?: string | null;
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const side = (s: { zh?: string; en?: string } | undefined) => ({ zh: s?.zh?.trim() ?? '', en: s?.en?.trim() ?? '' });

function toInput(v: Values): CreateProgrammeInput {
  const from = day(v.period?.from);
  const to = day(v.period?.to);
  return {
    name: v.name?.trim() ?? '',
    shortName: blank(v.shortName),
    docNo: blank(v.docNo),
    issuer: blank(v.issuer),
    issued: day(v.issued),
    period: from && to ? { from, to } : null,
    sides: { a: side(v.sides?.a), b: side(v.sides?.b) },
    levels: v.levels?.length ? v.levels : null,
    planKinds: v.planKinds?.length ? v.planKinds : null,
    indicators: v.indicators?.length ? v.indicators : null,
    goals: blank(v.goals),
  };
}

/** Creates a programme, or edits one (sending what changed, with the version it was read at). */
export function ProgrammeFormDrawer({
  programme,
  onClose,
  onSaved,
}: {
  programme?: ProgrammeItem;
  onClose: () => void;
  onSaved: (saved: ProgrammeItem) => void;
}) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const library = useApi((signal) => indicatorsApi.list(signal), []);

  const initialValues = useMemo<Values>(
    () =>
      programme
        ? {
            name: programme.name,
            shortName: programme.shortName,
            docNo: programme.docNo,
            issuer: programme.issuer,
            issued: programme.issuedOn ? dayjs(programme.issuedOn) : null,
            period: {
              from: programme.periodFrom ? dayjs(programme.periodFrom) : null,
              to: programme.periodTo ? dayjs(programme.periodTo) : null,
            },
            sides: programme.sides ?? undefined,
            levels: programme.levels,
            planKinds: programme.planKinds,
            indicators: programme.indicators,
            goals: programme.goals,
          }
        : {},
    [programme],
  );

  const submit = async (values: Values) => {
    await run(async () => {
      const input = toInput(values);
      const saved = programme
        ? await programmesApi.update(programme.id, {
            version: programme.version,
            ...changedFields(
              input as unknown as Record<string, unknown>,
              toInput(initialValues) as unknown as Record<string, unknown>,
            ),
          })
        : await programmesApi.create(input);
      message.success(t(programme ? 'ui.common.saved' : 'ui.common.created'));
      onSaved(saved);
    });
  };

  const required = [{ required: true, message: t('errors.field.required') }];
  const sideField = (s: 'a' | 'b', lang: 'zh' | 'en') => (
    <Col span={12}>
      <Form.Item
        name={['sides', s, lang]}
        label={t(`ui.programmes.side${s === 'a' ? 'A' : 'B'}${lang === 'zh' ? 'Zh' : 'En'}`)}
        rules={required}
      >
        <Input maxLength={lang === 'zh' ? 40 : 80} data-testid={`programme-side-${s}-${lang}`} />
      </Form.Item>
    </Col>
  );
  return (
    <FormDrawer
      title={t(programme ? 'ui.programmes.editTitle' : 'ui.programmes.createTitle')}
      size={680}
      testId="programme"
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        name="programme"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid="programme-form"
      >
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="name" label={t('ui.programmes.name')} rules={required}>
              <Input maxLength={200} data-testid="programme-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="shortName" label={t('ui.programmes.shortName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="docNo" label={t('ui.programmes.docNo')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="issuer" label={t('ui.programmes.issuer')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="issued" label={t('ui.programmes.issued')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['period', 'from']} label={t('ui.programmes.periodFrom')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['period', 'to']} label={t('ui.programmes.periodTo')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">{t('ui.programmes.sidesHint')}</Typography.Paragraph>
        <Row gutter={16}>
          {sideField('a', 'zh')}
          {sideField('a', 'en')}
        </Row>
        <Row gutter={16}>
          {sideField('b', 'zh')}
          {sideField('b', 'en')}
        </Row>
        <Form.Item name="levels" label={t('ui.programmes.levels')}>
          <Select
            mode="multiple"
            options={PAIRING_LEVELS.map((level) => ({ value: level, label: t(`domain.pairingLevels.${level}`) }))}
          />
        </Form.Item>
        <Form.Item name="planKinds" label={t('ui.programmes.planKinds')} extra={t('ui.programmes.planKindsHint')}>
          <Select
            mode="multiple"
            data-testid="programme-plan-kinds"
            options={PLAN_KINDS.map((kind) => ({ value: kind, label: t(`domain.planKinds.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item name="indicators" label={t('ui.programmes.indicators')} extra={t('ui.programmes.indicatorsHint')}>
          <Select
            mode="multiple"
            data-testid="programme-indicators"
            loading={library.loading}
            optionFilterProp="label"
            options={(library.data?.items ?? []).map((i) => ({
              value: i.code,
              label: pick({ zh: i.nameZh, en: i.nameEn }),
            }))}
          />
        </Form.Item>
        <Form.Item name="goals" label={t('ui.programmes.goals')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
