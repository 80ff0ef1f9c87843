import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { SIDES, TRAINEE_CATEGORIES } from '../../../common/api/enums.ts';
import type { TrainingDetail } from '../../../common/api/people.ts';
import { useI18n } from '../../app/i18n.tsx';
import { usePairingOptions } from '../../shared/use-pairing-options.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { usePairingTasks } from '../tasks/use-pairing-tasks.ts';
import { peopleApi } from './people.api.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

interface Values {
  pairingId?: string;
  title?: string;
  organiser?: string;
  hostSide: 'a' | 'b';
  place?: string;
  dates?: [Dayjs, Dayjs];
  trainees: Record<(typeof TRAINEE_CATEGORIES)[number], number>;
  bySide: { a: number; b: number };
  materials?: string;
  taskId?: string | null;
}

/** Registers a training; linked to a plan task, it counts toward that task's yearly target. */
export function TrainingFormDrawer({
  onClose,
  onSaved,
}: {
  onClose: () => void;
  onSaved: (t: TrainingDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form, (err) => err);
  const pairings = usePairingOptions();
  const pairingId = Form.useWatch('pairingId', form) as string | undefined;
  const tasks = usePairingTasks(pairingId);
  const save = (v: Values) =>
    run(async () => {
      const saved = await peopleApi.createTraining({
        pairingId: v.pairingId ?? '',
        title: v.title ?? '',
        organiser: v.organiser ?? '',
        hostSide: v.hostSide,
        place: v.place || null,
        startsOn: v.dates?.[0].format('YYYY-MM-DD') ?? '',
        endsOn: v.dates?.[1].format('YYYY-MM-DD') ?? '',
        trainees: v.trainees,
        bySide: v.bySide,
        materials: v.materials || null,
        taskId: v.taskId ?? null,
      });
      onSaved(saved);
    });
  const count = <InputNumber min={0} precision={0} style={{ width: '100%' }} />;
  return (
    <FormDrawer
      title={t('ui.people.trainings.new')}
      testId="training"
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          hostSide: 'b',
          trainees: { officials: 0, managers: 0, professionals: 0, other: 0 },
          bySide: { a: 0, b: 0 },
        }}
      >
        <Form.Item name="pairingId" label={t('ui.people.fields.pairing')} required>
          <Select options={pairings.options} showSearch optionFilterProp="label" data-testid="training-pairing" />
        </Form.Item>
        <Form.Item name="title" label={t('ui.people.fields.title')} required>
          <Input maxLength={200} data-testid="training-title" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="organiser" label={t('ui.people.fields.organiser')} required>
              <Input maxLength={200} data-testid="training-organiser" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="place" label={t('ui.people.fields.place')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="dates" label={t('ui.people.fields.dates')} required>
              <DatePicker.RangePicker style={{ width: '100%' }} data-testid="training-dates" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hostSide" label={t('ui.people.fields.hostSide')}>
              <Radio.Group options={SIDES.map((s) => ({ value: s, label: t(`domain.sides.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          {TRAINEE_CATEGORIES.map((c) => (
            <Col span={6} key={c}>
              <Form.Item name={['trainees', c]} label={t(`ui.people.categories.${c}`)}>
                {count}
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name={['bySide', 'a']}
              label={t('ui.people.fields.sideA')}
              extra={t('ui.people.trainings.sideTotalHint')}
            >
              {count}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['bySide', 'b']} label={t('ui.people.fields.sideB')}>
              {count}
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="taskId" label={t('ui.people.fields.task')}>
          <Select
            allowClear
            placeholder={t('ui.people.trainings.noTask')}
            loading={tasks.loading}
            showSearch
            optionFilterProp="label"
            options={(tasks.data ?? []).map((x) => ({ value: x.id, label: `${x.code}. ${x.title}` }))}
            data-testid="training-task"
          />
        </Form.Item>
        <Form.Item name="materials" label={t('ui.people.fields.materials')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
