import { Alert, Form, Input, InputNumber, Select, Space } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { SHARED_FIGURES, type SharedFigure } from '../../../common/api/enums.ts';
import type { LedgerEntry, ParkDetail } from '../../../common/api/parks.ts';
import { parksApi } from './parks.api.ts';
import { yuanText } from './park-display.tsx';
import { PeriodText, monthOptions } from '../../shared/period.tsx';
import { FormModal } from '../../shared/FormModal.tsx';

interface Period {
  year?: number | null;
  month?: number | null;
}

/** A year and a month, or the whole year. */
function PeriodInput({
  value = {},
  onChange,
  disabled,
  id,
}: {
  value?: Period;
  onChange?: (v: Period) => void;
  disabled?: boolean;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <Space.Compact>
      <InputNumber
        id={id}
        min={1990}
        max={2100}
        precision={0}
        value={value.year ?? null}
        onChange={(year) => onChange?.({ ...value, year })}
        disabled={disabled}
        style={{ width: 110 }}
        data-testid="entry-year"
      />
      <Select<number>
        value={value.month ?? 0}
        onChange={(m) => onChange?.({ ...value, month: m || null })}
        disabled={disabled}
        style={{ width: 110 }}
        options={monthOptions(t)}
        data-testid="entry-month"
      />
    </Space.Compact>
  );
}

interface Values {
  enterpriseId?: string;
  figure?: SharedFigure;
  period: Period;
  amount?: string;
}

/** A new ledger entry, or a correction of one (a new entry superseding it: the ledger is never edited). */
export function LedgerEntryModal({
  park,
  correcting,
  year,
  onClose,
  onSaved,
}: {
  park: ParkDetail;
  correcting?: LedgerEntry;
  year: number;
  onClose: () => void;
  onSaved: (year: number) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);

  const initialValues: Values = correcting
    ? {
        enterpriseId: correcting.enterpriseId,
        figure: correcting.figure,
        period: correcting.period,
        amount: correcting.amount,
      }
    : { period: { year, month: null } };

  const submit = async (v: Values) => {
    await run(async () => {
      await parksApi.addEntry(park.id, {
        enterpriseId: v.enterpriseId ?? '',
        figure: v.figure as SharedFigure,
        period: { year: v.period?.year ?? 0, month: v.period?.month ?? null },
        amount: v.amount?.trim() ?? '',
        supersedesId: correcting?.id ?? null,
      });
      message.success(t(correcting ? 'ui.parks.correctionSaved' : 'ui.parks.entrySaved'));
      onSaved(v.period?.year ?? year);
    });
  };

  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <FormModal
      title={t(correcting ? 'ui.parks.correctTitle' : 'ui.parks.entryAdd')}
      okTestId="entry-save"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {correcting && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('ui.parks.correctHint', { amount: yuanText(correcting.amount) })}
          description={
            <>
              {correcting.enterpriseName} · {t(`domain.sharedFigures.${correcting.figure}`)} ·{' '}
              <PeriodText period={correcting.period} />
            </>
          }
        />
      )}
      {banner}
      <Form
        form={form}
        name="entry"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid="entry-form"
      >
        <Form.Item name="enterpriseId" label={t('ui.parks.enterpriseName')} rules={required}>
          <Select
            disabled={!!correcting}
            options={park.enterprises.map((e) => ({ value: e.id, label: e.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="entry-enterprise"
          />
        </Form.Item>
        <Form.Item name="figure" label={t('ui.parks.figure')} rules={required}>
          <Select
            disabled={!!correcting}
            options={SHARED_FIGURES.map((f) => ({ value: f, label: t(`domain.sharedFigures.${f}`) }))}
            data-testid="entry-figure"
          />
        </Form.Item>
        <Form.Item name="period" label={t('ui.parks.period')} rules={required} extra={t('ui.parks.periodHint')}>
          <PeriodInput disabled={!!correcting} />
        </Form.Item>
        <Form.Item name="amount" label={t('ui.parks.amountYuan')} rules={required}>
          <Input inputMode="decimal" suffix={t('ui.parks.yuan')} data-testid="entry-amount" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
