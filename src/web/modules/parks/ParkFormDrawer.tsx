import { useMemo } from 'react';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { changedFields } from '../../app/form-errors.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useApi } from '../../app/use-api.ts';
import { RegionSelect } from '../../shared/RegionSelect.tsx';
import { PairingSelect } from '../../shared/PairingSelect.tsx';
import { PARK_TYPES } from '../../../common/api/enums.ts';
import type { ParkDetail, UpdateParkBody } from '../../../common/api/parks.ts';
import { parksApi } from './parks.api.ts';
import { useIndustryDivisions } from '../../shared/use-industries.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

interface Values {
  pairingId?: string;
  name?: string;
  type: ParkDetail['type'];
  hostRegionCode?: string;
  partnerRegionCode?: string | null;
  mainParkId?: string | null;
  areaKm2?: string | null;
  focusIndustries: string[];
  operator?: string | null;
  operatorTeamFrom?: string | null;
  establishedOn?: Dayjs | null;
  note?: string | null;
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function toInput(v: Values) {
  return {
    name: v.name?.trim() ?? '',
    type: v.type,
    hostRegionCode: v.hostRegionCode ?? '',
    partnerRegionCode: v.partnerRegionCode ?? null,
    mainParkId: v.mainParkId ?? null,
    areaKm2: blank(v.areaKm2),
    focusIndustries: v.focusIndustries ?? [],
    operator: blank(v.operator),
    operatorTeamFrom: blank(v.operatorTeamFrom),
    establishedOn: v.establishedOn ? v.establishedOn.format('YYYY-MM-DD') : null,
    note: blank(v.note),
  };
}

/** Registers a park, or edits one (sending what changed, with the version it was read at). */
export function ParkFormDrawer({
  park,
  onClose,
  onSaved,
}: {
  park?: ParkDetail;
  onClose: () => void;
  onSaved: (saved: ParkDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  // Only a new park chooses its pairing.
  const divisions = useIndustryDivisions();
  const pairingId = Form.useWatch('pairingId', form) ?? park?.pairingId;
  const mainParks = useApi(
    (signal) =>
      pairingId
        ? parksApi.list({ pairingId, pageSize: 500 }, signal)
        : Promise.resolve({ items: [], total: 0, page: 1, pageSize: 500 }),
    [pairingId],
  );

  const initialValues = useMemo<Values>(
    () =>
      park
        ? {
            name: park.name,
            type: park.type,
            hostRegionCode: park.hostRegion.code,
            partnerRegionCode: park.partnerRegion?.code ?? null,
            mainParkId: park.mainPark?.id ?? null,
            areaKm2: park.areaKm2,
            focusIndustries: park.focusIndustries.map((f) => f.code),
            operator: park.operator,
            operatorTeamFrom: park.operatorTeamFrom,
            establishedOn: park.establishedOn ? dayjs(park.establishedOn) : null,
            note: park.note,
          }
        : { type: 'cooperation', focusIndustries: [] },
    [park],
  );

  const submit = async (values: Values) => {
    await run(async () => {
      const input = toInput(values);
      let saved: ParkDetail;
      if (park) {
        const changes = changedFields(input, toInput(initialValues));
        saved = await parksApi.update(park.id, { version: park.version, ...changes } as UpdateParkBody);
      } else {
        saved = await parksApi.create({ pairingId: values.pairingId ?? '', ...input });
      }
      message.success(t(park ? 'ui.common.saved' : 'ui.common.created'));
      onSaved(saved);
    });
  };

  const required = [{ required: true, message: t('errors.field.required') }];
  const mainOptions = (mainParks.data?.items ?? [])
    .filter((p) => !p.mainPark && p.id !== park?.id)
    .map((p) => ({ value: p.id, label: p.name }));
  if (park?.mainPark && !mainOptions.some((o) => o.value === park.mainPark!.id))
    mainOptions.unshift({ value: park.mainPark.id, label: park.mainPark.name });

  return (
    <FormDrawer
      title={t(park ? 'ui.parks.editTitle' : 'ui.parks.createTitle')}
      testId="park"
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        name="park"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid="park-form"
      >
        {!park && (
          <Form.Item name="pairingId" label={t('ui.parks.pairing')} rules={required}>
            <PairingSelect data-testid="park-pairing" />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label={t('ui.parks.name')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="type" label={t('ui.parks.type')} rules={required}>
              <Select
                options={PARK_TYPES.map((type) => ({ value: type, label: t(`domain.parkTypes.${type}`) }))}
                data-testid="park-type"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="hostRegionCode"
              label={t('ui.parks.hostRegion')}
              rules={required}
              extra={t('ui.parks.hostRegionHint')}
            >
              <RegionSelect initial={park ? [park.hostRegion] : []} data-testid="park-host" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="partnerRegionCode" label={t('ui.parks.partnerRegion')}>
              <RegionSelect initial={park?.partnerRegion ? [park.partnerRegion] : []} data-testid="park-partner" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="mainParkId" label={t('ui.parks.mainPark')} extra={t('ui.parks.mainParkHint')}>
              <Select
                allowClear
                disabled={!pairingId}
                loading={mainParks.loading}
                options={mainOptions}
                placeholder={t('ui.parks.mainParkNone')}
                data-testid="park-main"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="areaKm2" label={t('ui.parks.areaKm2')}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="focusIndustries" label={t('ui.parks.focusIndustries')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={divisions}
            placeholder={t('ui.parks.focusIndustriesHint')}
            data-testid="park-industries"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="operator" label={t('ui.parks.operator')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="operatorTeamFrom" label={t('ui.parks.operatorTeamFrom')}>
              <Input maxLength={200} placeholder={t('ui.parks.operatorTeamFromHint')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="establishedOn" label={t('ui.parks.establishedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('ui.parks.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
