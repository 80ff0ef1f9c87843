import { useEffect, useMemo, useRef } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { MEETING_KINDS, SIDES, type MeetingKind, type Side } from '../../../common/api/enums.ts';
import type { AttendeeInput, MeetingDetail, NextHost, UpdateMeetingBody } from '../../../common/api/meetings.ts';
import { changedFields } from '../../app/form-errors.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { EditableRows } from '../../shared/EditableRows.tsx';
import { usePairingOptions } from '../../shared/use-pairing-options.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { ItemFields, type ItemValues, newItemValues, toItemInput } from '../tracking/ItemFields.tsx';
import { meetingsApi } from './meetings.api.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

interface AttendeeValue {
  side: Side;
  name?: string;
  post?: string | null;
  organisation?: string | null;
}

interface Values {
  pairingId?: string;
  kind: MeetingKind;
  title?: string;
  heldOn?: Dayjs;
  endsOn?: Dayjs | null;
  place?: string | null;
  hostSide?: Side;
  hostOverrideReason?: string | null;
  chair?: string | null;
  attendees: AttendeeValue[];
  agenda?: string | null;
  minutes?: string | null;
  decisions: ItemValues[];
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function toInput(v: Values) {
  return {
    kind: v.kind,
    title: v.title?.trim() ?? '',
    heldOn: day(v.heldOn) ?? '',
    endsOn: day(v.endsOn),
    place: blank(v.place),
    hostSide: v.hostSide ?? 'a',
    hostOverrideReason: blank(v.hostOverrideReason),
    chair: blank(v.chair),
    attendees: (v.attendees ?? []).map(
      (a): AttendeeInput => ({
        side: a.side,
        name: a.name?.trim() ?? '',
        post: blank(a.post),
        organisation: blank(a.organisation),
      }),
    ),
    agenda: blank(v.agenda),
    minutes: blank(v.minutes),
  };
}

/** The host the rotation proposes, and why ("按轮值顺序"), or that no rotation is set. */
function HostProposal({ proposal }: { proposal: NextHost | undefined }) {
  const { t } = useI18n();
  if (!proposal) return null;
  const side = proposal.side ? t(`domain.sides.${proposal.side}`) : '';
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="host-proposal"
      data-side={proposal.side ?? ''}
      title={
        proposal.side
          ? t('ui.tracking.meetings.hostProposed', { reason: t(`ui.tracking.proposals.${proposal.proposal}`), side })
          : t('ui.tracking.meetings.hostNoRotation')
      }
      description={
        proposal.last &&
        t('ui.tracking.meetings.lastHost', {
          title: proposal.last.title,
          date: proposal.last.heldOn,
          side: t(`domain.sides.${proposal.last.hostSide}`),
        })
      }
    />
  );
}

/**
 * Records a meeting with its decisions, or edits one (sending what changed with its version). The host is
 * proposed from the pairing's rotation for the kind; choosing the other side asks why.
 */
export function MeetingFormDrawer({
  meeting,
  pairingId: fixedPairing,
  onClose,
  onSaved,
}: {
  meeting?: MeetingDetail;
  /** A new meeting of this pairing (recorded from the pairing's page). */
  pairingId?: string;
  onClose: () => void;
  onSaved: (saved: MeetingDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const pairings = usePairingOptions(!meeting);
  const pairingId = (Form.useWatch('pairingId', form) as string | undefined) ?? meeting?.pairingId ?? fixedPairing;
  const kind = (Form.useWatch('kind', form) as MeetingKind | undefined) ?? meeting?.kind ?? 'joint_meeting';
  const hostSide = Form.useWatch('hostSide', form) as Side | undefined;
  // The user's own choice of host is kept when the proposal changes with the pairing or kind.
  const hostChosen = useRef(!!meeting);

  const { data: proposal } = useApi(
    (signal) => (pairingId ? meetingsApi.nextHost(pairingId, kind, signal) : Promise.resolve(undefined)),
    [pairingId, kind],
  );
  useEffect(() => {
    if (proposal?.side && !hostChosen.current) form.setFieldValue('hostSide', proposal.side);
  }, [proposal, form]);

  const initialValues = useMemo<Values>(
    () =>
      meeting
        ? {
            kind: meeting.kind,
            title: meeting.title,
            heldOn: dayjs(meeting.heldOn),
            endsOn: meeting.endsOn ? dayjs(meeting.endsOn) : null,
            place: meeting.place,
            hostSide: meeting.hostSide,
            hostOverrideReason: meeting.hostOverrideReason,
            chair: meeting.chair,
            attendees: meeting.attendees,
            agenda: meeting.agenda,
            minutes: meeting.minutes,
            decisions: [],
          }
        : { pairingId: fixedPairing, kind: 'joint_meeting', attendees: [], decisions: [] },
    [meeting, fixedPairing],
  );

  // The server says, on this field, when a reason is needed (its message names the side whose turn it is).
  // A new meeting asks why only when the host differs from the proposal; an edit keeps the reason it has.
  const overridden = !!proposal?.side && !!hostSide && hostSide !== proposal.side;
  const showReason = overridden || (!!meeting && (!!meeting.hostOverrideReason || hostSide !== meeting.hostSide));

  const submit = (values: Values) =>
    run(async () => {
      const input = toInput(values);
      let saved: MeetingDetail;
      if (meeting) {
        const changes = changedFields(input, toInput(initialValues));
        saved = await meetingsApi.update(meeting.id, { version: meeting.version, ...changes } as UpdateMeetingBody);
      } else {
        saved = await meetingsApi.create({
          pairingId: values.pairingId ?? '',
          ...input,
          decisions: (values.decisions ?? []).map(toItemInput),
        });
      }
      message.success(t(meeting ? 'ui.common.saved' : 'ui.common.created'));
      onSaved(saved);
    });

  const required = [{ required: true, message: t('errors.field.required') }];
  const sideOptions = SIDES.map((side) => ({ value: side, label: t(`domain.sides.${side}`) }));
  return (
    <FormDrawer
      title={t(meeting ? 'ui.tracking.meetings.editTitle' : 'ui.tracking.meetings.createTitle')}
      size={820}
      testId="meeting"
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        name="meeting"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if ('hostSide' in changed) hostChosen.current = true;
        }}
        data-testid="meeting-form"
      >
        {!meeting && (
          <Form.Item name="pairingId" label={t('ui.tracking.meetings.pairing')} rules={required}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={pairings.loading}
              options={pairings.options}
              disabled={!!fixedPairing}
              placeholder={t('ui.common.selectPlaceholder')}
              data-testid="meeting-pairing"
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="title" label={t('ui.tracking.meetings.meetingTitle')} rules={required}>
              <Input maxLength={200} data-testid="meeting-title-input" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t('ui.tracking.meetings.kind')} rules={required}>
              <Select
                options={MEETING_KINDS.map((k) => ({ value: k, label: t(`ui.tracking.meetingKinds.${k}`) }))}
                data-testid="meeting-kind"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="heldOn" label={t('ui.tracking.meetings.heldOn')} rules={required}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endsOn" label={t('ui.tracking.meetings.endsOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="place" label={t('ui.tracking.meetings.place')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        {pairingId && <HostProposal proposal={proposal} />}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="hostSide" label={t('ui.tracking.meetings.host')} rules={required}>
              <Radio.Group options={sideOptions} data-testid="meeting-host" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="chair" label={t('ui.tracking.meetings.chair')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        {showReason && (
          <Form.Item
            name="hostOverrideReason"
            label={t('ui.tracking.meetings.overrideReason')}
            extra={overridden ? t('ui.tracking.meetings.overrideHint') : undefined}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="meeting-override" />
          </Form.Item>
        )}
        <EditableRows
          name="attendees"
          title={t('ui.tracking.meetings.attendees')}
          addLabel={t('ui.tracking.meetings.addAttendee')}
          newRow={{ side: 'a' }}
          rowTestId="attendee-row"
          addTestId="attendee-add"
          row={(field) => (
            <>
              <Col span={5}>
                <Form.Item name={[field.name, 'side']} rules={required}>
                  <Select options={sideOptions} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'name']} rules={required}>
                  <Input placeholder={t('ui.tracking.meetings.attendeeName')} maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={[field.name, 'post']}>
                  <Input placeholder={t('ui.tracking.meetings.attendeePost')} maxLength={100} />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name={[field.name, 'organisation']}>
                  <Input placeholder={t('ui.tracking.meetings.attendeeOrg')} maxLength={100} />
                </Form.Item>
              </Col>
            </>
          )}
        />
        <Form.Item name="agenda" label={t('ui.tracking.meetings.agenda')} style={{ marginTop: 16 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="minutes" label={t('ui.tracking.meetings.minutes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={50_000} />
        </Form.Item>
        {!meeting && <DecisionList pairingId={pairingId} />}
      </Form>
    </FormDrawer>
  );
}

/** 议定事项 entered with the meeting (or added later): each becomes a tracked item. */
export function DecisionList({ pairingId }: { pairingId: string | undefined }) {
  const { t } = useI18n();
  return (
    <Form.List name="decisions">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="decision-list">
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={t('ui.tracking.meetings.decisionN', { n: i + 1 })}
              extra={
                <Button type="link" danger size="small" onClick={() => remove(field.name)}>
                  {t('ui.common.remove')}
                </Button>
              }
              data-testid="decision-row"
            >
              <ItemFields prefix={[field.name]} pairingId={pairingId} />
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(newItemValues())}
            block
            data-testid="decision-add"
          >
            {t('ui.tracking.meetings.addDecision')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
