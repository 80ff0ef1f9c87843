import { useState } from 'react';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { isApiError } from '../../app/api-client.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { monthOptions } from '../../shared/period.tsx';
import { applyProjectErrors, hasErrorCode } from './project-form-errors.ts';
import { projectsApi } from './projects.api.ts';
import { MONEY_FIGURES, type MoneyFigure } from '../../../common/api/enums.ts';
import type { ProjectDetail } from '../../../common/api/projects.ts';

interface Values {
  figure: MoneyFigure;
  periodYear: number;
  /** 0 for the whole year. */
  periodMonth: number;
  amount?: string;
  override?: boolean;
  overrideReason?: string;
}

/** API fields → form fields; the more specific first. */
const ALIASES = { 'period.month': 'periodMonth', period: 'periodYear', 'override.reason': 'overrideReason' };

/**
 * Reports one money figure for a period (a month, or the whole year). When 到位资金 would exceed the 签约额 of the
 * period, the server refuses; the form then asks for an explicit, recorded override with its reason.
 */
export function FigureReportForm({
  project,
  onReported,
}: {
  project: ProjectDetail;
  onReported: (p: ProjectDetail) => void;
}) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [overrideAsked, setOverrideAsked] = useState(false);
  const figure = Form.useWatch('figure', form);
  const override = Form.useWatch('override', form);
  const now = new Date();

  const submit = async (values: Values) => {
    setSaving(true);
    setBanner(null);
    try {
      const reason =
        overrideAsked && values.figure === 'arrived' && values.override ? values.overrideReason?.trim() : undefined;
      const saved = await projectsApi.report(project.id, {
        version: project.version,
        figure: values.figure,
        period: { year: values.periodYear, month: values.periodMonth || null },
        amount: values.amount?.trim() ?? '',
        ...(reason !== undefined && { overrideReason: reason }),
      });
      message.success(t('ui.projects.page.reported', { figure: t(`ui.projects.figures.${values.figure}`) }));
      setOverrideAsked(false);
      form.setFieldsValue({ amount: '', override: false, overrideReason: '' });
      onReported(saved);
    } catch (err) {
      if (hasErrorCode(err, 'arrived_exceeds_signed')) setOverrideAsked(true);
      const { placed, unplaced } = applyProjectErrors(form, err, pick, ALIASES);
      if (isApiError(err)) {
        if (!placed || unplaced.length) setBanner([pick(err), ...unplaced].join(t('ui.common.messageSeparator')));
      } else setBanner(t('ui.common.networkError'));
    } finally {
      setSaving(false);
    }
  };

  const months = monthOptions(t);
  const askOverride = overrideAsked && figure === 'arrived';

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        figure: 'arrived',
        periodYear: now.getFullYear(),
        periodMonth: now.getMonth() + 1,
        override: false,
      }}
      onFinish={submit}
      onValuesChange={(changed) => 'figure' in changed && setOverrideAsked(false)}
      data-testid="figure-form"
    >
      {banner && (
        <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} data-testid="figure-banner" />
      )}
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item name="figure" label={t('ui.projects.page.figure')}>
            <Select
              options={MONEY_FIGURES.map((f) => ({ value: f, label: t(`ui.projects.figures.${f}`) }))}
              data-testid="figure-select"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            name="periodYear"
            label={t('ui.projects.page.periodYear')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} data-testid="figure-year" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="periodMonth" label={t('ui.projects.page.periodMonth')}>
            <Select options={months} data-testid="figure-month" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="amount"
            label={t('ui.projects.page.amount')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Input inputMode="decimal" suffix={t('ui.projects.wanUnit')} data-testid="figure-amount" />
          </Form.Item>
        </Col>
      </Row>
      {askOverride && (
        <div data-testid="override-asked">
          <Alert type="warning" showIcon title={t('ui.projects.page.overrideAsked')} style={{ marginBottom: 12 }} />
          <Form.Item name="override" valuePropName="checked">
            <Checkbox data-testid="figure-override">{t('ui.projects.page.override')}</Checkbox>
          </Form.Item>
          {override && (
            <Form.Item
              name="overrideReason"
              label={t('ui.projects.page.overrideReason')}
              rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
            >
              <Input.TextArea rows={2} maxLength={500} data-testid="figure-override-reason" />
            </Form.Item>
          )}
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={saving} data-testid="figure-submit">
        {t('ui.projects.page.report')}
      </Button>
    </Form>
  );
}
