import { Alert, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { ADOPTION_STAGES, type AdoptionStage } from '../../../common/api/enums.ts';
import type { Adoption, PracticeDetail, StageBody } from '../../../common/api/replication.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { RegionSelect } from '../../shared/RegionSelect.tsx';
import { OrganisationSelect } from '../admin/users/OrganisationSelect.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { replicationApi } from './replication.api.ts';
import { FormModal } from '../../shared/FormModal.tsx';

interface Values {
  adopterOrganisationId?: string | null;
  adopterName?: string | null;
  regionCode?: string;
  results?: string | null;
  stage?: AdoptionStage;
  reachedOn?: Dayjs;
  note?: string | null;
  docTitle?: string | null;
  docNumber?: string | null;
  docDate?: Dayjs | null;
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function toStage(v: Values): StageBody {
  return {
    stage: v.stage ?? 'learning',
    reachedOn: day(v.reachedOn) ?? '',
    note: blank(v.note),
    docTitle: blank(v.docTitle),
    docNumber: blank(v.docNumber),
    docDate: day(v.docDate),
  };
}

/** The server names the first stage's fields under firstStage.; the form keeps them at the top. */
const stageFields = (err: unknown) => {
  const e = err as { details?: { field: string }[] };
  for (const d of e?.details ?? []) d.field = d.field.replace(/^firstStage\./, '');
  return err;
};

/**
 * Records a new adopting unit with the stage it has reached, or the next stage of an adoption (later than the
 * current one: stages only go forward, and may be skipped), with the local document issued for it.
 */
export function StageModal({
  practice,
  adoption,
  onClose,
  onSaved,
}: {
  practice: PracticeDetail;
  /** Advancing this adoption; without it, a new adoption. */
  adoption?: Adoption;
  onClose: () => void;
  onSaved: (saved: PracticeDetail) => void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form, stageFields);
  const office = can('replication.manage');
  const from = adoption ? ADOPTION_STAGES.indexOf(adoption.stage) + 1 : 0;
  const stages = ADOPTION_STAGES.slice(from);
  const required = [{ required: true, message: t('errors.field.required') }];
  // An office names the adopting unit by picking it (the name then comes from it) or by typing it.
  const pickedOrganisation = Form.useWatch('adopterOrganisationId', form);

  const submit = (v: Values) =>
    run(async () => {
      const saved = adoption
        ? await replicationApi.advance(adoption.id, { version: adoption.version, ...toStage(v) })
        : await replicationApi.adopt(practice.id, {
            adopterOrganisationId: office ? (v.adopterOrganisationId ?? null) : undefined,
            adopterName: blank(v.adopterName),
            regionCode: v.regionCode ?? '',
            results: blank(v.results),
            firstStage: toStage(v),
          });
      onSaved(saved);
    });

  return (
    <FormModal
      width={720}
      title={adoption ? `${t('ui.replication.advance')}：${adoption.adopterName}` : t('ui.replication.addAdoption')}
      okText={t('ui.replication.save')}
      okTestId="stage-save"
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('ui.replication.stageHelp')} />
      <Form
        form={form}
        name="stage"
        layout="vertical"
        onFinish={submit}
        initialValues={{ stage: stages[0] }}
        data-testid="stage-form"
      >
        {!adoption && (
          <>
            {office && (
              <Form.Item
                name="adopterOrganisationId"
                label={t('ui.replication.adopterOrganisation')}
                extra={t('ui.replication.adopterOrganisationHelp')}
              >
                <OrganisationSelect allowClear />
              </Form.Item>
            )}
            <Row gutter={16}>
              <Col span={14}>
                <Form.Item
                  name="adopterName"
                  label={t('ui.replication.adopterName')}
                  rules={office && !pickedOrganisation ? required : undefined}
                  extra={
                    !office
                      ? t('ui.replication.adopterNameHelp')
                      : pickedOrganisation
                        ? t('ui.replication.adopterNameFromOrganisation')
                        : undefined
                  }
                >
                  <Input maxLength={200} data-testid="adoption-adopter" />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name="regionCode" label={t('ui.replication.adopterRegion')} rules={required}>
                  <RegionSelect data-testid="adoption-region" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="results" label={t('ui.replication.results')}>
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={5000}
                placeholder={t('ui.replication.resultsPlaceholder')}
              />
            </Form.Item>
          </>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="stage" label={t('ui.replication.stage')} rules={required}>
              <Select
                options={stages.map((s) => ({ value: s, label: t(`domain.adoptionStages.${s}`) }))}
                data-testid="stage-select"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reachedOn" label={t('ui.replication.reachedOn')} rules={required}>
              <DatePicker style={{ width: '100%' }} data-testid="stage-date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('ui.replication.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="docTitle" label={t('ui.replication.docTitle')}>
          <Input maxLength={300} data-testid="stage-doc-title" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="docNumber" label={t('ui.replication.docNumber')}>
              <Input
                maxLength={100}
                placeholder={t('ui.replication.docNumberPlaceholder')}
                data-testid="stage-doc-number"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="docDate" label={t('ui.replication.docDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
