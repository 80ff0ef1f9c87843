import { Col, DatePicker, Form, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { PERIODS_PER_YEAR, REPORT_FREQUENCIES, type ReportFrequency } from '../../../common/api/enums.ts';
import type { CycleDetail } from '../../../common/api/reporting.ts';
import { reportingApi } from './reporting.api.ts';
import { cycleLabel, periodName } from './reporting-display.tsx';
import { ActionModal } from './ActionModal.tsx';
import { usePairingOptions } from '../../shared/use-pairing-options.ts';

interface Values {
  pairingId?: string;
  frequency: ReportFrequency;
  year: number;
  period: number;
  dueOn?: Dayjs | null;
  reminderDays: number;
}

/** The period of `frequency` a date falls in (the current quarter is the usual choice). */
function periodOf(frequency: ReportFrequency, date: Dayjs): number {
  return Math.floor(date.month() / (12 / PERIODS_PER_YEAR[frequency])) + 1;
}

/** The due date the server sets when none is given: ten days after the period ends. */
function defaultDueOn(frequency: ReportFrequency, year: number, period: number): string {
  const months = 12 / PERIODS_PER_YEAR[frequency];
  return dayjs(new Date(year, period * months, 0))
    .add(10, 'day')
    .format('YYYY-MM-DD');
}

/** Opens a reporting period for a pairing: frequency, which period, due date and reminder window. */
export function CycleCreateModal({
  pairingId,
  onClose,
  onCreated,
}: {
  pairingId?: string;
  onClose: () => void;
  onCreated: (cycle: CycleDetail) => void;
}) {
  const { t, locale } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const pairings = usePairingOptions();
  const today = dayjs();
  const frequency = Form.useWatch('frequency', form) ?? 'quarterly';
  const year = Form.useWatch('year', form) ?? today.year();
  const period = Form.useWatch('period', form) ?? 1;

  const submit = async (values: Values) => {
    const cycle = await reportingApi.createCycle({
      pairingId: values.pairingId ?? '',
      frequency: values.frequency,
      year: values.year,
      period: values.period,
      ...(values.dueOn ? { dueOn: values.dueOn.format('YYYY-MM-DD') } : {}),
      reminderDays: values.reminderDays,
    });
    message.success(t('ui.reporting.created', { period: cycleLabel(cycle, locale), count: cycle.counts.total }));
    onCreated(cycle);
  };

  return (
    <ActionModal<Values>
      form={form}
      title={t('ui.reporting.createTitle')}
      intro={t('ui.reporting.createIntro')}
      okText={t('ui.common.confirm')}
      testId="cycle-create"
      width={620}
      initialValues={{
        pairingId,
        frequency: 'quarterly',
        year: today.year(),
        period: periodOf('quarterly', today),
        reminderDays: 7,
      }}
      // A new frequency keeps the period that holds today rather than an index that may not exist.
      onValuesChange={(changed) =>
        changed.frequency && form.setFieldValue('period', periodOf(changed.frequency, today))
      }
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="pairingId"
        label={t('ui.reporting.pairing')}
        rules={[{ required: true, message: t('ui.reporting.pairingPlaceholder') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={pairings.loading}
          options={pairings.options}
          placeholder={t('ui.reporting.pairingPlaceholder')}
          data-testid="cycle-pairing"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="frequency" label={t('ui.reporting.frequency')}>
            <Select
              options={REPORT_FREQUENCIES.map((f) => ({ value: f, label: t(`ui.reporting.frequencies.${f}`) }))}
              data-testid="cycle-frequency"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="year" label={t('ui.reporting.year')}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="cycle-year" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="period" label={t('ui.reporting.period')}>
            <Select
              options={Array.from({ length: PERIODS_PER_YEAR[frequency] }, (_, i) => ({
                value: i + 1,
                label: periodName(frequency, i + 1, t),
              }))}
              data-testid="cycle-period"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="dueOn"
            label={t('ui.reporting.dueOn')}
            extra={t('ui.reporting.dueOnHelp', { date: defaultDueOn(frequency, year, period) })}
          >
            <DatePicker style={{ width: '100%' }} data-testid="cycle-due-on" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="reminderDays"
            label={t('ui.reporting.reminderDays')}
            extra={t('ui.reporting.reminderDaysHelp')}
          >
            <InputNumber
              min={0}
              max={60}
              precision={0}
              suffix={t('ui.reporting.daysUnit')}
              style={{ width: '100%' }}
              data-testid="cycle-reminder-days"
            />
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}
