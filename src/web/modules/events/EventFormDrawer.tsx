import { useMemo } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { changedFields } from '../../app/form-errors.ts';
import { useMessage } from '../../app/feedback.tsx';
import { PairingSelect } from '../../shared/PairingSelect.tsx';
import { EVENT_KINDS } from '../../../common/api/enums.ts';
import type { EventDetail, UpdateEventBody } from '../../../common/api/events.ts';
import { eventsApi } from './events.api.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

interface Values {
  pairingId?: string;
  kind: EventDetail['kind'];
  title?: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
  place?: string | null;
  organisersA?: string | null;
  organisersB?: string | null;
  enterpriseCount?: number | null;
  enterprises: string[];
  note?: string | null;
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : '');

function toInput(v: Values) {
  return {
    kind: v.kind,
    title: v.title?.trim() ?? '',
    startsOn: day(v.startsOn),
    endsOn: day(v.endsOn),
    place: blank(v.place),
    organisersA: blank(v.organisersA),
    organisersB: blank(v.organisersB),
    enterpriseCount: v.enterpriseCount ?? null,
    enterprises: (v.enterprises ?? []).map((e) => e.trim()).filter(Boolean),
    note: blank(v.note),
  };
}

/** Records an event, or edits one (sending what changed, with the version it was read at). */
export function EventFormDrawer({
  event,
  onClose,
  onSaved,
}: {
  event?: EventDetail;
  onClose: () => void;
  onSaved: (saved: EventDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  // Only a new event chooses its pairing.

  const initialValues = useMemo<Values>(
    () =>
      event
        ? {
            kind: event.kind,
            title: event.title,
            startsOn: dayjs(event.startsOn),
            endsOn: dayjs(event.endsOn),
            place: event.place,
            organisersA: event.organisersA,
            organisersB: event.organisersB,
            enterpriseCount: event.enterpriseCount,
            enterprises: event.enterprises,
            note: event.note,
          }
        : { kind: 'promotion', enterprises: [] },
    [event],
  );

  const submit = async (values: Values) => {
    await run(async () => {
      const input = toInput(values);
      let saved: EventDetail;
      if (event) {
        const changes = changedFields(input, toInput(initialValues));
        saved = await eventsApi.update(event.id, { version: event.version, ...changes } as UpdateEventBody);
      } else {
        saved = await eventsApi.create({ pairingId: values.pairingId ?? '', ...input });
      }
      message.success(t(event ? 'ui.common.saved' : 'ui.common.created'));
      onSaved(saved);
    });
  };

  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <FormDrawer
      title={t(event ? 'ui.events.editTitle' : 'ui.events.createTitle')}
      size={680}
      testId="event"
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        name="event"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid="event-form"
      >
        {!event && (
          <Form.Item name="pairingId" label={t('ui.events.pairing')} rules={required}>
            <PairingSelect data-testid="event-pairing" />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="title" label={t('ui.events.eventTitle')} rules={required}>
              <Input maxLength={200} placeholder={t('ui.events.titleHint')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t('ui.events.kind')} rules={required}>
              <Select
                options={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`domain.eventKinds.${kind}`) }))}
                data-testid="event-kind"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="startsOn" label={t('ui.events.startsOn')} rules={required}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endsOn" label={t('ui.events.endsOn')} rules={required}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="place" label={t('ui.events.place')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="organisersA" label={t('ui.events.organisersA')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="organisersB" label={t('ui.events.organisersB')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="enterpriseCount"
          label={t('ui.events.enterpriseCount')}
          extra={t('ui.events.enterpriseCountHint')}
        >
          <InputNumber min={0} max={100000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="enterprises" label={t('ui.events.enterprises')} extra={t('ui.events.enterprisesHint')}>
          <Select mode="tags" tokenSeparators={['\n', '；', ';']} data-testid="event-enterprises" />
        </Form.Item>
        <Form.Item name="note" label={t('ui.events.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
