import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ApiError, isApiError } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { SHARED_FIGURES, TAX_FIGURES, type SharedFigure } from '../../../common/api/enums.ts';
import type { ParkDetail } from '../../../common/api/parks.ts';
import { parksApi } from './parks.api.ts';
import { FormModal } from '../../shared/FormModal.tsx';

interface TermValues {
  figures: SharedFigure[];
  from?: Dayjs;
  to?: Dayjs | null;
  shares: string[];
}
interface Values {
  title: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs | null;
  parties: { name: string }[];
  terms: TermValues[];
  costShares: string[];
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const keyOf = (i: number) => `p${i + 1}`;

/** One percentage per party, in the parties' order (the server names them by key). */
function SharesInput({
  value = [],
  onChange,
  parties,
  testId,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  parties: { name?: string }[];
  testId: string;
}) {
  return (
    <Space wrap>
      {parties.map((p, i) => (
        <Input
          key={i}
          style={{ width: 170 }}
          prefix={<span style={{ color: '#888' }}>{p?.name || keyOf(i)}</span>}
          suffix="%"
          value={value[i] ?? ''}
          onChange={(e) => {
            const next = [...value];
            while (next.length < parties.length) next.push('');
            next[i] = e.target.value;
            onChange?.(next);
          }}
          data-testid={testId}
          data-party={i}
        />
      ))}
    </Space>
  );
}

/**
 * The server names a party by its key ("terms.0.shares.p2") and a party by its place ("parties.1"); the form
 * shows those errors on the shares of the term and on the party's name.
 */
function toFormErrors(err: unknown): unknown {
  if (!isApiError(err)) return err;
  const details = err.details.map((d) => ({
    ...d,
    field: d.field
      .replace(/^(terms\.\d+\.shares|costShares)\.[\w-]+$/, '$1')
      .replace(/^parties\.(\d+)$/, 'parties.$1.name'),
  }));
  return new ApiError(err.status, err.code, err.zh, err.en, details);
}

/** A new benefit-sharing agreement: parties, then terms whose shares may change from one period to the next. */
export function AgreementFormModal({
  park,
  onClose,
  onSaved,
}: {
  park: ParkDetail;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form, toFormErrors);
  const parties = (Form.useWatch('parties', form) ?? []) as { name?: string }[];

  const initialValues: Partial<Values> = {
    parties: [{ name: park.partnerRegion?.name ?? '' }, { name: park.hostRegion.name }],
    terms: [{ figures: TAX_FIGURES.slice(0, 2), shares: ['50', '50'] }],
    costShares: [],
  };

  const submit = async (v: Values) => {
    const shares = (list: string[] | undefined) =>
      Object.fromEntries((list ?? []).flatMap((s, i) => (s?.trim() ? [[keyOf(i), s.trim()]] : [])));
    await run(async () => {
      await parksApi.addAgreement(park.id, {
        title: v.title?.trim() ?? '',
        startsOn: day(v.startsOn) ?? '',
        endsOn: day(v.endsOn),
        parties: v.parties.map((p, i) => ({ key: keyOf(i), name: p.name?.trim() ?? '' })),
        terms: v.terms.map((term) => ({
          figures: term.figures ?? [],
          from: day(term.from) ?? '',
          to: day(term.to),
          shares: shares(term.shares),
        })),
        costShares: (v.costShares ?? []).some((s) => s?.trim()) ? shares(v.costShares) : null,
      });
      message.success(t('ui.common.created'));
      onSaved();
    });
  };

  const required = [{ required: true, message: t('errors.field.required') }];
  const figureOptions = SHARED_FIGURES.map((f) => ({ value: f, label: t(`domain.sharedFigures.${f}`) }));

  return (
    <FormModal
      width={860}
      title={t('ui.parks.agreementAdd')}
      okTestId="agreement-save"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        name="agreement"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid="agreement-form"
      >
        <Form.Item name="title" label={t('ui.parks.agreementTitle')} rules={required}>
          <Input maxLength={200} placeholder={t('ui.parks.agreementTitleHint')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="startsOn" label={t('ui.parks.startsOn')} rules={required}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endsOn" label={t('ui.parks.endsOn')} extra={t('ui.parks.endsOnHint')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <Form.Item label={t('ui.parks.parties')} extra={t('ui.parks.partiesHint')}>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'name']} rules={required} style={{ marginBottom: 8 }}>
                    <Input
                      style={{ width: 320 }}
                      prefix={<span style={{ color: '#888' }}>{i + 1}</span>}
                      data-testid="party-name"
                    />
                  </Form.Item>
                  {fields.length > 2 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '' })}
                disabled={fields.length >= 10}
              >
                {t('ui.parks.partyAdd')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="terms">
          {(fields, { add, remove }) => (
            <Form.Item label={t('ui.parks.terms')} extra={t('ui.parks.termsHint')}>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('ui.parks.termNo', { no: i + 1 })}
                  extra={fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                  style={{ marginBottom: 8 }}
                  data-testid="term-block"
                >
                  <Form.Item name={[field.name, 'figures']} label={t('ui.parks.termFigures')} rules={required}>
                    <Select mode="multiple" options={figureOptions} data-testid="term-figures" />
                  </Form.Item>
                  <Row gutter={16}>
                    <Col span={12}>
                      <Form.Item name={[field.name, 'from']} label={t('ui.parks.termFrom')} rules={required}>
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item
                        name={[field.name, 'to']}
                        label={t('ui.parks.termTo')}
                        extra={t('ui.parks.termToHint')}
                      >
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={[field.name, 'shares']} label={t('ui.parks.shares')} style={{ marginBottom: 0 }}>
                    <SharesInput parties={parties} testId="term-share-input" />
                  </Form.Item>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ figures: TAX_FIGURES.slice(0, 2), shares: [] })}
                data-testid="term-add"
              >
                {t('ui.parks.termAdd')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="costShares" label={t('ui.parks.costShares')} extra={t('ui.parks.costSharesHint')}>
          <SharesInput parties={parties} testId="cost-share-input" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
