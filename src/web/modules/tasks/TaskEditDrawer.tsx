import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../app/api-client.ts';
import {
  SIDES,
  TARGET_COMPARISONS,
  TASK_STATUSES,
  UNIT_ROLES,
  type Side,
  type TargetComparison,
  type UnitRole,
} from '../../../common/api/enums.ts';
import type { TaskDetail, UpdateTaskBody } from '../../../common/api/tasks.ts';
import { changedFields, formFailure } from '../../app/form-errors.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { OrganisationSelect } from '../admin/users/OrganisationSelect.tsx';
import { EditableRows } from '../../shared/EditableRows.tsx';
import { tasksApi } from './tasks.api.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

interface UnitValue {
  side: Side;
  role: UnitRole;
  name?: string | null;
  organisationId?: string | null;
}
interface MilestoneValue {
  title?: string;
  dueOn?: Dayjs | null;
  doneOn?: Dayjs | null;
}
interface TargetValue {
  comparison: TargetComparison;
  min?: string | number | null;
  max?: string | number | null;
  unit?: string;
  perYear?: boolean;
  source?: string | null;
}
interface Values {
  status: TaskDetail['status'];
  deadline?: Dayjs | null;
  warningDays?: number | null;
  progressNote?: string | null;
  units: UnitValue[];
  milestones: MilestoneValue[];
  targets: TargetValue[];
}

const day = (v: string | null | undefined) => (v ? dayjs(v) : null);
const isoDay = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);
const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const figure = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? null : String(v);

function initialValues(task: TaskDetail): Values {
  return {
    status: task.status,
    deadline: day(task.deadline),
    warningDays: task.warningDays,
    progressNote: task.progressNote,
    units: task.units.map((u) => ({ side: u.side, role: u.role, name: u.name, organisationId: u.organisationId })),
    milestones: task.milestones.map((m) => ({ title: m.title, dueOn: day(m.dueOn), doneOn: day(m.doneOn) })),
    targets: task.targets.map((g) => ({
      comparison: g.comparison,
      min: g.min,
      max: g.max,
      unit: g.unit,
      perYear: g.perYear,
      source: g.source,
    })),
  };
}

function toInput(values: Values) {
  return {
    status: values.status,
    deadline: isoDay(values.deadline),
    warningDays: values.warningDays ?? 0,
    progressNote: blank(values.progressNote),
    units: (values.units ?? []).map((u) => ({
      side: u.side,
      role: u.role,
      name: blank(u.name),
      organisationId: u.organisationId ?? null,
    })),
    milestones: (values.milestones ?? []).map((m) => ({
      title: m.title?.trim() ?? '',
      dueOn: isoDay(m.dueOn),
      doneOn: isoDay(m.doneOn),
    })),
    targets: (values.targets ?? []).map((g) => ({
      comparison: g.comparison,
      min: figure(g.min),
      max: figure(g.max),
      unit: g.unit?.trim() ?? '',
      perYear: !!g.perYear,
      source: blank(g.source),
    })),
  };
}

/**
 * Edits a task's status, deadline, units, milestones and targets, sending only what changed with the version the
 * user read. A change by someone else in between (409) asks the user to reload instead of overwriting it.
 */
export function TaskEditDrawer({
  task,
  onClose,
  onChanged,
}: {
  task: TaskDetail;
  onClose: () => void;
  /** The task as saved, or as reloaded after a conflict. */
  onChanged: (task: TaskDetail, saved: boolean) => void;
}) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const initial = useMemo(() => initialValues(task), [task]);
  // A reloaded task (after a conflict) replaces what the form holds: the form keeps its values across new initial ones.
  useEffect(() => {
    form.resetFields();
  }, [form, initial]);
  const organisationNames = useMemo(
    () => new Map(task.units.filter((u) => u.organisationId).map((u) => [u.organisationId!, u.name])),
    [task],
  );

  const submit = async (values: Values) => {
    setSaving(true);
    setBanner(null);
    setConflict(false);
    try {
      const input = toInput(values);
      const before = toInput(initial);
      const changes = changedFields(input, before);
      if (Object.keys(changes).length === 0) {
        onClose();
        return;
      }
      const saved = await tasksApi.update(task.id, { version: task.version, ...changes } as UpdateTaskBody);
      message.success(t('ui.common.saved'));
      onChanged(saved, true);
    } catch (err) {
      if (isApiError(err) && err.status === 409) {
        setConflict(true);
        return;
      }
      setBanner(formFailure(form, err, { t, pick }));
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await tasksApi.get(task.id);
      setConflict(false);
      setBanner(null);
      onChanged(fresh, false);
    } catch (err) {
      setBanner(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    } finally {
      setReloading(false);
    }
  };

  const required = [{ required: true, message: t('errors.field.required') }];
  const sideOptions = SIDES.map((side) => ({ value: side, label: t(`domain.sides.${side}`) }));
  const roleOptions = UNIT_ROLES.map((role) => ({ value: role, label: t(`domain.unitRoles.${role}`) }));

  return (
    <FormDrawer
      title={t('ui.tasks.editTitle', { code: task.code })}
      size={780}
      testId="task"
      saving={saving}
      saveDisabled={conflict}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('ui.tasks.conflictTitle')}
          description={t('ui.tasks.conflictText')}
          style={{ marginBottom: 16 }}
          data-testid="task-conflict"
          action={
            <Button icon={<ReloadOutlined />} loading={reloading} onClick={reload} data-testid="task-reload">
              {t('ui.tasks.reload')}
            </Button>
          }
        />
      )}
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="task-form">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="status" label={t('ui.tasks.status')} rules={required}>
              <Select
                options={TASK_STATUSES.map((s) => ({ value: s, label: t(`domain.taskStatuses.${s}`) }))}
                data-testid="task-status"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="deadline" label={t('ui.tasks.deadline')}>
              <DatePicker style={{ width: '100%' }} data-testid="task-deadline-input" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="warningDays" label={t('ui.tasks.warningDays')} tooltip={t('ui.tasks.warningDaysHelp')}>
              <InputNumber min={0} max={365} style={{ width: '100%' }} suffix={t('ui.tasks.daysUnit')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="progressNote" label={t('ui.tasks.progressNote')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} data-testid="task-progress-input" />
        </Form.Item>

        <EditableRows
          name="units"
          title={t('ui.tasks.units')}
          addLabel={t('ui.tasks.addUnit')}
          newRow={{ side: 'a', role: 'lead' }}
          hint={t('ui.tasks.unitHint')}
          rowTestId="unit-row"
          addTestId="unit-add"
          row={(field) => (
            <>
              <Col span={5}>
                <Form.Item name={[field.name, 'side']} rules={required}>
                  <Select options={sideOptions} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'role']} rules={required}>
                  <Select options={roleOptions} />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name={[field.name, 'name']}>
                  <Input placeholder={t('ui.tasks.unitName')} maxLength={200} data-testid="unit-name" />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const id = form.getFieldValue(['units', field.name, 'organisationId']) as string | null | undefined;
                    return (
                      <Form.Item name={[field.name, 'organisationId']}>
                        <OrganisationSelect
                          allowClear
                          placeholder={t('ui.tasks.unitOrganisation')}
                          initial={
                            id && organisationNames.has(id) ? { id, name: organisationNames.get(id)! } : undefined
                          }
                        />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </Col>
            </>
          )}
        />
        <EditableRows
          name="milestones"
          title={t('ui.tasks.milestones')}
          addLabel={t('ui.tasks.addMilestone')}
          newRow={{}}
          rowTestId="milestone-row"
          addTestId="milestone-add"
          row={(field) => (
            <>
              <Col span={11}>
                <Form.Item name={[field.name, 'title']} rules={required}>
                  <Input placeholder={t('ui.tasks.milestoneTitle')} maxLength={300} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={[field.name, 'dueOn']}>
                  <DatePicker placeholder={t('ui.tasks.milestoneDueOn')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={[field.name, 'doneOn']}>
                  <DatePicker placeholder={t('ui.tasks.milestoneDoneOn')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
        />
        <EditableRows
          name="targets"
          title={t('ui.tasks.targets')}
          addLabel={t('ui.tasks.addTarget')}
          newRow={{ comparison: 'atLeast', perYear: false }}
          rowTestId="target-row"
          row={(field) => (
            <>
              <Col span={5}>
                <Form.Item name={[field.name, 'comparison']} rules={required}>
                  <Select
                    options={TARGET_COMPARISONS.map((c) => ({ value: c, label: t(`ui.tasks.comparisons.${c}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'min']}>
                  <InputNumber stringMode placeholder={t('ui.tasks.targetMin')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'max']}>
                  <InputNumber stringMode placeholder={t('ui.tasks.targetMax')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'unit']} rules={required}>
                  <Input placeholder={t('ui.tasks.targetUnit')} maxLength={20} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'perYear']} valuePropName="checked">
                  <Checkbox>{t('ui.tasks.perYear')}</Checkbox>
                </Form.Item>
              </Col>
            </>
          )}
        />
      </Form>
    </FormDrawer>
  );
}
