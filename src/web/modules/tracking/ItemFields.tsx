import { Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { UNIT_ROLES, type UnitRole } from '../../../common/api/enums.ts';
import type { ItemInput } from '../../../common/api/tracking.ts';
import { useI18n } from '../../app/i18n.tsx';
import { OrganisationSelect } from '../admin/users/OrganisationSelect.tsx';
import { TaskSelect } from '../projects/ProjectPickers.tsx';
import { ItemProjectSelect } from './ItemProjectSelect.tsx';

type NamePath = (string | number)[];

export interface OwnerValue {
  organisationId?: string;
  role: UnitRole;
}

/** An item as a form holds it: the deadline a picked day, owners possibly half filled. */
export interface ItemValues {
  text?: string;
  deadline?: Dayjs | null;
  owners: OwnerValue[];
  taskIds: string[];
  projectIds?: string[];
}

export const newItemValues = (): ItemValues => ({ owners: [{ role: 'lead' }], taskIds: [], projectIds: [] });

export function toItemInput(v: ItemValues): ItemInput {
  return {
    text: v.text?.trim() ?? '',
    deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '',
    owners: (v.owners ?? []).map((o) => ({ organisationId: o.organisationId ?? '', role: o.role })),
    taskIds: v.taskIds ?? [],
    projectIds: v.projectIds ?? [],
  };
}

/**
 * The owner units of an item: each an organisation of either side of the pairing, lead or co-responsible. The
 * server decides whether an organisation belongs to the pairing and says so on its field.
 */
export function OwnerFields({
  name,
  known,
}: {
  /** The owners' list, relative to the enclosing list when inside one. */
  name: NamePath;
  /**
   * Names of organisations already chosen, shown before any search: for an item being edited, whose owners'
   * list is at the top of its form (so `name` is its whole path).
   */
  known?: Map<string, string>;
}) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('errors.field.required') }];
  const roleOptions = UNIT_ROLES.map((role) => ({ value: role, label: t(`domain.unitRoles.${role}`) }));
  return (
    <Form.Item label={t('ui.tracking.meetings.owners')} extra={t('ui.tracking.meetings.ownersHint')} required>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key} data-testid="owner-row">
                <Col span={15}>
                  <Form.Item noStyle shouldUpdate>
                    {(form) => {
                      const id = known
                        ? (form.getFieldValue([...name, field.name, 'organisationId']) as string | undefined)
                        : undefined;
                      return (
                        <Form.Item name={[field.name, 'organisationId']} rules={required}>
                          <OrganisationSelect
                            placeholder={t('ui.tracking.meetings.ownerOrganisation')}
                            initial={id && known?.has(id) ? { id, name: known.get(id)! } : undefined}
                          />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[field.name, 'role']} rules={required}>
                    <Select options={roleOptions} data-testid="owner-role" />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    title={t('ui.common.remove')}
                  />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({ role: fields.length ? 'co' : 'lead' })}
              data-testid="owner-add"
            >
              {t('ui.tracking.meetings.addOwner')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** One item's fields: text, deadline, owners, linked plan tasks and projects of the pairing. */
export function ItemFields({
  prefix = [],
  pairingId,
  known,
  knownProjects,
}: {
  /** Where the item's fields sit: [] for a form of one item, [field.name] inside a list of decisions. */
  prefix?: NamePath;
  pairingId?: string;
  known?: Map<string, string>;
  /** The projects already linked, by title (an edit). */
  knownProjects?: readonly { id: string; title: string }[];
}) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <>
      <Row gutter={16}>
        <Col span={17}>
          <Form.Item name={[...prefix, 'text']} label={t('ui.tracking.meetings.decisionText')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="item-text-input" />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name={[...prefix, 'deadline']} label={t('ui.tracking.meetings.decisionDeadline')} rules={required}>
            <DatePicker style={{ width: '100%' }} data-testid="item-deadline-input" />
          </Form.Item>
        </Col>
      </Row>
      <OwnerFields name={[...prefix, 'owners']} known={known} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={[...prefix, 'taskIds']} label={t('ui.tracking.meetings.linkedTasks')}>
            <TaskSelect pairingId={pairingId} testId="item-tasks" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={[...prefix, 'projectIds']} label={t('ui.tracking.items.projects')}>
            <ItemProjectSelect pairingId={pairingId} known={knownProjects} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
