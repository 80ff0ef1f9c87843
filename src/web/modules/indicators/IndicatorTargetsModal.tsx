import { useEffect, useState } from 'react';
import { Divider, Form, InputNumber, Skeleton } from 'antd';
import type { Indicator } from '../../../common/api/indicators.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { usePairingOptions } from '../../shared/use-pairing-options.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { indicatorsApi } from './indicators.api.ts';
import { FormModal } from '../../shared/FormModal.tsx';

interface Values {
  programme?: number | null;
  values?: Record<string, number | null | undefined>;
}

const asNumber = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

/**
 * One indicator's targets for a year (the national office's): the whole programme's, shown on the national
 * dashboard, and each pairing's. The year's saved targets are shown to be edited; a cleared field removes its target.
 */
export function IndicatorTargetsModal({ indicator, onClose }: { indicator: Indicator; onClose: () => void }) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const pairings = usePairingOptions();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const [year, setYear] = useState(new Date().getFullYear());
  const saved = useApi((signal) => indicatorsApi.targets(indicator.id, year, signal), [indicator.id, year]);
  useEffect(() => {
    if (!saved.data) return;
    form.setFieldsValue({
      programme: asNumber(saved.data.programme),
      values: Object.fromEntries(
        pairings.options.map((p) => [
          p.value,
          asNumber(saved.data!.targets.find((x) => x.pairingId === p.value)?.value),
        ]),
      ),
    });
  }, [saved.data, pairings.options, form]);

  const save = () =>
    run(async () => {
      const v = await form.validateFields();
      const before = new Map((saved.data?.targets ?? []).map((x) => [x.pairingId, x.value]));
      // Each pairing with a value, and those whose saved target was cleared (null removes it).
      const targets = pairings.options
        .map((p) => ({ pairingId: p.value, value: v.values?.[p.value] ?? null }))
        .filter((x) => x.value !== null || before.has(x.pairingId))
        .map((x) => ({ pairingId: x.pairingId, value: x.value === null ? null : String(x.value) }));
      const programme = v.programme ?? null;
      await indicatorsApi.setTargets(indicator.id, {
        year,
        targets,
        programme: programme === null ? null : String(programme),
      });
      message.success(t('ui.indicators.targetsSaved'));
      onClose();
    });
  return (
    <FormModal
      title={t('ui.indicators.targetsTitle', { name: pick({ zh: indicator.nameZh, en: indicator.nameEn }), year })}
      okDisabled={saved.loading}
      okTestId="targets-save"
      saving={saving}
      onOk={save}
      onClose={onClose}
    >
      {banner}
      <Form form={form} layout="horizontal" labelCol={{ span: 12 }}>
        <Form.Item label={t('ui.indicators.year')}>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(y) => y && setYear(y)}
            data-testid="targets-year"
          />
        </Form.Item>
        {saved.loading || pairings.loading ? (
          <Skeleton active />
        ) : (
          <>
            <Form.Item name="programme" label={t('ui.indicators.programmeTarget')}>
              <InputNumber style={{ width: 160 }} data-testid="target-programme" />
            </Form.Item>
            <Divider plain>{t('ui.indicators.pairingTargets')}</Divider>
            {pairings.options.map((p) => (
              <Form.Item key={p.value} name={['values', p.value]} label={p.label}>
                <InputNumber style={{ width: 160 }} data-testid={`target-${p.value}`} />
              </Form.Item>
            ))}
          </>
        )}
      </Form>
    </FormModal>
  );
}
