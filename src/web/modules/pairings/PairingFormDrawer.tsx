import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Col, DatePicker, Divider, Form, Input, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { PAIRING_LEVELS, PAIRING_STATUSES, SIDES } from '../../../common/api/enums.ts';
import type { CreatePairingBody, PairingDetail, UpdatePairingBody } from '../../../common/api/pairings.ts';
import { changedFields, formFailure } from '../../app/form-errors.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useProgramme } from '../../app/programme.tsx';
import { useApi } from '../../app/use-api.ts';
import { RegionSelect, type RegionOption } from '../../shared/RegionSelect.tsx';
import { EditableRows } from '../../shared/EditableRows.tsx';
import { pairingsApi } from './pairings.api.ts';
import { useMessage } from '../../app/feedback.tsx';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

type Office = NonNullable<CreatePairingBody['offices']>[number];
type Contact = NonNullable<CreatePairingBody['contacts']>[number];

interface Values {
  programmeId?: string;
  parentId?: string | null;
  name?: string | null;
  level: PairingDetail['level'];
  status: PairingDetail['status'];
  theme?: string | null;
  sideA: string[];
  sideB: string[];
  startedOn?: Dayjs | null;
  endedOn?: Dayjs | null;
  note?: string | null;
  offices: Office[];
  contacts: Contact[];
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const day = (v: string | null | undefined) => (v ? dayjs(v) : null);
const isoDay = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

function toInput(values: Values) {
  return {
    parentId: values.parentId ?? null,
    name: blank(values.name),
    level: values.level,
    status: values.status,
    theme: blank(values.theme),
    sideA: values.sideA ?? [],
    sideB: values.sideB ?? [],
    startedOn: isoDay(values.startedOn),
    endedOn: isoDay(values.endedOn),
    note: blank(values.note),
    offices: (values.offices ?? []).map((o) => ({
      side: o.side,
      leadingGroup: blank(o.leadingGroup),
      officeName: o.officeName?.trim() ?? '',
      hostUnit: blank(o.hostUnit),
      note: blank(o.note),
    })),
    contacts: (values.contacts ?? []).map((c) => ({
      side: c.side,
      name: c.name?.trim() ?? '',
      post: blank(c.post),
      phone: blank(c.phone),
      email: blank(c.email),
    })),
  };
}

/** Creates a pairing, or edits one (sending only what changed, with the version it was read at). */
export function PairingFormDrawer({
  pairing,
  onClose,
  onSaved,
}: {
  pairing?: PairingDetail;
  onClose: () => void;
  onSaved: (saved: PairingDetail) => void;
}) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const editing = !!pairing;
  const programmes = useApi(
    (signal) => (editing ? Promise.resolve({ items: [] }) : pairingsApi.programmes(signal)),
    [editing],
  );
  // A new pairing belongs to the programme being worked in, unless the office picks another.
  const { current: currentProgramme } = useProgramme();
  const firstProgramme = currentProgramme?.id ?? programmes.data?.items[0]?.id;
  useEffect(() => {
    if (firstProgramme && !form.getFieldValue('programmeId')) form.setFieldValue('programmeId', firstProgramme);
  }, [firstProgramme, form]);
  const [parentQuery, setParentQuery] = useState('');
  const parents = useApi(
    (signal) => pairingsApi.list({ q: parentQuery || undefined, pageSize: 30, sort: 'name' }, signal),
    [parentQuery],
  );

  const initialValues = useMemo<Values>(
    () =>
      pairing
        ? {
            parentId: pairing.parentId,
            name: pairing.name,
            level: pairing.level,
            status: pairing.status,
            theme: pairing.theme,
            sideA: pairing.sideA.map((r) => r.code),
            sideB: pairing.sideB.map((r) => r.code),
            startedOn: day(pairing.startedOn),
            endedOn: day(pairing.endedOn),
            note: pairing.note,
            offices: pairing.offices.map(({ side, leadingGroup, officeName, hostUnit, note }) => ({
              side,
              leadingGroup,
              officeName,
              hostUnit,
              note,
            })),
            contacts: pairing.contacts.map(({ side, name, post, phone, email }) => ({
              side,
              name,
              post,
              phone,
              email,
            })),
          }
        : { level: 'city', status: 'active', sideA: [], sideB: [], offices: [], contacts: [] },
    [pairing],
  );

  const regionOptions = (side: 'sideA' | 'sideB'): RegionOption[] =>
    (pairing?.[side] ?? []).map((r) => ({ code: r.code, name: r.name }));

  const parentOptions = useMemo(() => {
    const items = (parents.data?.items ?? []).filter((p) => p.id !== pairing?.id);
    const options = items.map((p) => ({ value: p.id, label: p.name }));
    if (pairing?.parent && !options.some((o) => o.value === pairing.parent!.id))
      options.unshift({ value: pairing.parent.id, label: pairing.parent.name });
    return options;
  }, [parents.data, pairing]);

  const submit = async (values: Values) => {
    setSaving(true);
    setBanner(null);
    try {
      const input = toInput(values);
      let saved: PairingDetail;
      if (pairing) {
        const before = toInput(initialValues);
        const changes = changedFields(input, before);
        saved = await pairingsApi.update(pairing.id, { version: pairing.version, ...changes } as UpdatePairingBody);
      } else {
        saved = await pairingsApi.create({
          programmeId: values.programmeId ?? programmes.data?.items[0]?.id ?? '',
          ...input,
        } as CreatePairingBody);
      }
      message.success(t(pairing ? 'ui.common.saved' : 'ui.common.created'));
      onSaved(saved);
    } catch (err) {
      setBanner(formFailure(form, err, { t, pick }));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('errors.field.required') }];
  const sideOptions = SIDES.map((side) => ({ value: side, label: t(`domain.sides.${side}`) }));

  return (
    <FormDrawer
      title={t(pairing ? 'ui.pairings.editTitle' : 'ui.pairings.createTitle')}
      size={760}
      testId="pairing"
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="pairing-form">
        {!editing && (
          <Form.Item name="programmeId" label={t('ui.pairings.programme')} rules={required}>
            <Select
              loading={programmes.loading}
              options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              placeholder={t('ui.common.selectPlaceholder')}
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="sideA" label={t('ui.pairings.sideA')} rules={required}>
              <RegionSelect multiple initial={regionOptions('sideA')} data-testid="pairing-sideA" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sideB" label={t('ui.pairings.sideB')}>
              <RegionSelect multiple initial={regionOptions('sideB')} data-testid="pairing-sideB" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('ui.pairings.name')}>
              <Input placeholder={t('ui.pairings.namePlaceholder')} maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="parentId" label={t('ui.pairings.parent')}>
              <Select
                allowClear
                showSearch={{ filterOption: false, onSearch: setParentQuery }}
                loading={parents.loading}
                options={parentOptions}
                placeholder={t('ui.common.selectPlaceholder')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="level" label={t('ui.pairings.level')} rules={required}>
              <Select
                options={PAIRING_LEVELS.map((level) => ({ value: level, label: t(`domain.pairingLevels.${level}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t('ui.pairings.status')} rules={required}>
              <Select
                options={PAIRING_STATUSES.map((status) => ({
                  value: status,
                  label: t(`domain.pairingStatuses.${status}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="theme" label={t('ui.pairings.theme')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="startedOn" label={t('ui.pairings.startedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endedOn" label={t('ui.pairings.endedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('ui.pairings.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>

        <Divider titlePlacement="start">{t('ui.pairings.offices')}</Divider>
        <Form.List name="offices">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <div
                  key={field.key}
                  style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '12px 12px 0', marginBottom: 12 }}
                >
                  <Row gutter={12}>
                    <Col span={6}>
                      <Form.Item name={[field.name, 'side']} label={t('ui.pairings.side')} rules={required}>
                        <Select options={sideOptions} />
                      </Form.Item>
                    </Col>
                    <Col span={9}>
                      <Form.Item name={[field.name, 'leadingGroup']} label={t('ui.pairings.leadingGroup')}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={9}>
                      <Form.Item name={[field.name, 'officeName']} label={t('ui.pairings.officeName')} rules={required}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={10}>
                      <Form.Item name={[field.name, 'hostUnit']} label={t('ui.pairings.hostUnit')}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item name={[field.name, 'note']} label={t('ui.pairings.officeNote')}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={2} style={{ display: 'flex', alignItems: 'center' }}>
                      <Button
                        type="text"
                        danger
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        title={t('ui.common.remove')}
                      />
                    </Col>
                  </Row>
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ side: 'a' })} block>
                {t('ui.pairings.addOffice')}
              </Button>
            </>
          )}
        </Form.List>

        <EditableRows
          name="contacts"
          title={t('ui.pairings.contacts')}
          addLabel={t('ui.pairings.addContact')}
          newRow={{ side: 'a' }}
          row={(field) => (
            <>
              <Col span={4}>
                <Form.Item name={[field.name, 'side']} rules={required}>
                  <Select options={sideOptions} placeholder={t('ui.pairings.side')} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'name']} rules={required}>
                  <Input placeholder={t('ui.pairings.contactName')} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'post']}>
                  <Input placeholder={t('ui.pairings.contactPost')} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'phone']}>
                  <Input placeholder={t('ui.pairings.contactPhone')} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'email']}>
                  <Input placeholder={t('ui.pairings.contactEmail')} />
                </Form.Item>
              </Col>
            </>
          )}
        />
      </Form>
    </FormDrawer>
  );
}
