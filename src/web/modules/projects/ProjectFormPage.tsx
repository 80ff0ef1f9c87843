import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../app/api-client.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { RegionSelect } from '../../shared/RegionSelect.tsx';
import { INITIAL_STAGES, PROJECT_TYPES, SIDES, SUPPORT_KINDS, type SupportKind } from '../../../common/api/enums.ts';
import { changedFields, formErrorBanner } from '../../app/form-errors.ts';
import { applyProjectErrors } from './project-form-errors.ts';
import { IndustryCascader, PairingSelect, ParkSelect, TaskSelect } from './ProjectPickers.tsx';
import { projectsApi } from './projects.api.ts';
import type { CreateProjectBody, ProjectDetail, UpdateProjectBody } from '../../../common/api/projects.ts';

interface Values {
  pairingId?: string;
  side?: 'a' | 'b';
  title?: string;
  investor?: string;
  investorRegionCode?: string | null;
  hostRegionCode?: string;
  parkId?: string | null;
  industry?: string[];
  type?: ProjectDetail['type'];
  projectCode?: string | null;
  landmark?: boolean;
  greenChannel?: boolean;
  stage?: 'planning' | 'signed';
  stageOn?: Dayjs | null;
  signedAmount?: string | null;
  plannedInvestment?: string | null;
  support?: Partial<Record<SupportKind, string | null>>;
  taskIds?: string[];
  contactName?: string | null;
  contactPhone?: string | null;
  note?: string | null;
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** The API's names for the form's fields that hold more than one of them. */
const ALIASES = { industrySection: 'industry', industryDivision: 'industry' };

function fromProject(p: ProjectDetail): Values {
  return {
    pairingId: p.pairingId,
    title: p.title,
    investor: p.investor,
    investorRegionCode: p.investorRegion?.code ?? null,
    hostRegionCode: p.hostRegion.code,
    parkId: p.park?.id ?? null,
    industry: [p.industrySection, p.industryDivision].filter((v): v is string => !!v),
    type: p.type,
    projectCode: p.projectCode,
    landmark: p.landmark,
    greenChannel: p.greenChannel,
    support: { ...p.support },
    taskIds: p.taskIds,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    note: p.note,
  };
}

/** The descriptive fields as the API takes them, on create and edit alike. */
function describe(v: Values) {
  return {
    title: v.title?.trim() ?? '',
    investor: v.investor?.trim() ?? '',
    investorRegionCode: v.investorRegionCode ?? null,
    hostRegionCode: v.hostRegionCode ?? '',
    parkId: v.parkId ?? null,
    industrySection: v.industry?.[0] ?? null,
    industryDivision: v.industry?.[1] ?? null,
    type: v.type!,
    projectCode: blank(v.projectCode),
    landmark: !!v.landmark,
    greenChannel: !!v.greenChannel,
    support: Object.fromEntries(SUPPORT_KINDS.map((k) => [k, blank(v.support?.[k])])) as Record<
      SupportKind,
      string | null
    >,
    taskIds: v.taskIds ?? [],
    contactName: blank(v.contactName),
    contactPhone: blank(v.contactPhone),
    note: blank(v.note),
  };
}

/** 登记/编辑合作项目: every field of the project; the server's refusals are shown on the fields they name. */
export function ProjectFormPage() {
  const { id } = useParams();
  if (id) return <EditProject id={id} />;
  return <ProjectForm />;
}

function EditProject({ id }: { id: string }) {
  const { data, error, loading, reload } = useApi((signal) => projectsApi.get(id, signal), [id]);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading || !data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <ProjectForm key={data.version} project={data} onReload={reload} />;
}

function ProjectForm({ project, onReload }: { project?: ProjectDetail; onReload?: () => void }) {
  const { t, pick } = useI18n();
  usePageTitle(project ? 'ui.projects.editTitle' : 'ui.projects.newTitle', project?.title);
  const navigate = useNavigate();
  const message = useMessage();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const chosenPairing = Form.useWatch('pairingId', form);
  const pairingId = project?.pairingId ?? chosenPairing;
  const stage = Form.useWatch('stage', form);

  const initial = useMemo<Values>(
    () =>
      project
        ? fromProject(project)
        : {
            pairingId: search.get('pairingId') ?? undefined,
            stage: 'planning',
            stageOn: dayjs(),
            landmark: false,
            greenChannel: false,
            support: {},
            taskIds: [],
          },
    [project, search],
  );

  const submit = async (values: Values) => {
    setSaving(true);
    setBanner(null);
    try {
      let saved: ProjectDetail;
      if (project) {
        const now = describe(values);
        const before = describe(initial);
        const changes = changedFields(now, before);
        saved = Object.keys(changes).length
          ? await projectsApi.update(project.id, { version: project.version, ...changes } as UpdateProjectBody)
          : project;
        message.success(t('ui.projects.form.saved'));
      } else {
        const input: CreateProjectBody = {
          pairingId: values.pairingId!,
          side: values.side,
          ...describe(values),
          stage: values.stage ?? 'planning',
          stageOn: values.stageOn ? values.stageOn.format('YYYY-MM-DD') : undefined,
          signedAmount: values.stage === 'signed' ? blank(values.signedAmount) : null,
          plannedInvestment: blank(values.plannedInvestment),
        };
        saved = await projectsApi.create(input);
        message.success(t('ui.projects.form.created'));
      }
      navigate(`/projects/${saved.id}`);
    } catch (err) {
      // Someone else's edit; a year locked by its accepted annual summary (409 year_locked) says so in the banner.
      if (isApiError(err) && err.status === 409 && err.code === 'conflict') {
        setConflict(true);
        return;
      }
      setBanner(formErrorBanner(err, applyProjectErrors(form, err, pick, ALIASES), { t, pick }));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('errors.field.required') }];
  const title = project ? t('ui.projects.editTitle') : t('ui.projects.newTitle');
  const initialRegions = project
    ? [project.hostRegion, ...(project.investorRegion ? [project.investorRegion] : [])].map((r) => ({
        code: r.code,
        name: r.name,
      }))
    : [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/projects">{t('ui.projects.ledgerTitle')}</Link> },
          ...(project ? [{ title: <Link to={`/projects/${project.id}`}>{project.title}</Link> }] : []),
          { title },
        ]}
      />
      <Card
        title={title}
        extra={
          <Space>
            <Button onClick={() => navigate(project ? `/projects/${project.id}` : '/projects')}>
              {t('ui.common.cancel')}
            </Button>
            <Button
              type="primary"
              loading={saving}
              disabled={conflict}
              onClick={() => form.submit()}
              data-testid="project-save"
            >
              {project ? t('ui.projects.form.save') : t('ui.projects.form.create')}
            </Button>
          </Space>
        }
      >
        {conflict && (
          <Alert
            type="warning"
            showIcon
            title={t('ui.projects.form.conflict')}
            style={{ marginBottom: 16 }}
            data-testid="project-conflict"
            action={
              <Button icon={<ReloadOutlined />} onClick={onReload}>
                {t('ui.projects.form.reload')}
              </Button>
            }
          />
        )}
        {banner && (
          <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={submit}
          data-testid="project-form"
          scrollToFirstError
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {project ? (
                <Form.Item label={t('ui.projects.fields.pairing')}>
                  <Input value={project.pairingName} disabled />
                </Form.Item>
              ) : (
                <Form.Item name="pairingId" label={t('ui.projects.fields.pairing')} rules={required}>
                  <PairingSelect
                    allowClear={false}
                    testId="project-pairing"
                    onChange={() => form.setFieldsValue({ parkId: null, taskIds: [] })}
                  />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              {project ? (
                <Form.Item label={t('ui.projects.fields.side')}>
                  <Input value={t(`domain.sides.${project.side}`)} disabled />
                </Form.Item>
              ) : (
                <Form.Item name="side" label={t('ui.projects.fields.side')}>
                  <Select
                    allowClear
                    placeholder={t('ui.projects.fields.sideAuto')}
                    options={SIDES.map((s) => ({ value: s, label: t(`domain.sides.${s}`) }))}
                  />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="title" label={t('ui.projects.fields.title')} rules={required}>
                <Input maxLength={200} data-testid="project-title-input" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="investor" label={t('ui.projects.fields.investor')} rules={required}>
                <Input maxLength={200} data-testid="project-investor-input" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="investorRegionCode" label={t('ui.projects.fields.investorRegion')}>
                <RegionSelect initial={initialRegions} data-testid="project-investor-region" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="hostRegionCode" label={t('ui.projects.fields.hostRegion')} rules={required}>
                <RegionSelect initial={initialRegions} data-testid="project-host-region" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="parkId" label={t('ui.projects.fields.park')}>
                <ParkSelect pairingId={pairingId} testId="project-park" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="industry" label={t('ui.projects.fields.industry')}>
                <IndustryCascader testId="project-industry" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="type" label={t('ui.projects.fields.type')} rules={required}>
                <Select
                  options={PROJECT_TYPES.map((v) => ({ value: v, label: t(`domain.projectTypes.${v}`) }))}
                  data-testid="project-type"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="projectCode"
                label={t('ui.projects.fields.projectCode')}
                extra={t('ui.projects.fields.projectCodeHint')}
              >
                <Input maxLength={40} placeholder="2104-220100-04-01-123456" data-testid="project-code-input" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label={t('ui.projects.fields.flags')}>
                <Space size={24}>
                  <Form.Item name="landmark" valuePropName="checked" noStyle>
                    <Checkbox data-testid="project-landmark">{t('ui.projects.landmark')}</Checkbox>
                  </Form.Item>
                  <Form.Item name="greenChannel" valuePropName="checked" noStyle>
                    <Checkbox data-testid="project-green">{t('ui.projects.greenChannel')}</Checkbox>
                  </Form.Item>
                </Space>
              </Form.Item>
            </Col>
          </Row>

          {!project && (
            <Row gutter={16}>
              <Col span={24}>
                <Typography.Paragraph type="secondary">{t('ui.projects.form.initialStageHint')}</Typography.Paragraph>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="stage" label={t('ui.projects.fields.initialStage')}>
                  <Radio.Group
                    optionType="button"
                    options={INITIAL_STAGES.map((s) => ({
                      value: s,
                      label: t(`domain.projectStages.${s}`),
                    }))}
                    data-testid="project-initial-stage"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="stageOn" label={t('ui.projects.fields.stageOn')}>
                  <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="project-stage-on" />
                </Form.Item>
              </Col>
              {stage === 'signed' && (
                <Col xs={24} md={6}>
                  <Form.Item name="signedAmount" label={t('ui.projects.fields.signedAmount')}>
                    <Input inputMode="decimal" data-testid="project-signed-amount" />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={6}>
                <Form.Item name="plannedInvestment" label={t('ui.projects.fields.plannedInvestment')}>
                  <Input inputMode="decimal" data-testid="project-planned" />
                </Form.Item>
              </Col>
            </Row>
          )}

          <Typography.Title level={5}>{t('ui.projects.fields.support')}</Typography.Title>
          <Row gutter={16}>
            {SUPPORT_KINDS.map((kind) => (
              <Col key={kind} xs={24} md={8}>
                <Form.Item name={['support', kind]} label={t(`domain.supportKinds.${kind}`)}>
                  <Input
                    inputMode="decimal"
                    suffix={t('ui.projects.wanUnit')}
                    data-testid={`project-support-${kind}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>

          <Row gutter={16}>
            <Col span={24}>
              <Form.Item name="taskIds" label={t('ui.projects.fields.tasks')}>
                <TaskSelect pairingId={pairingId} testId="project-tasks" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="contactName" label={t('ui.projects.fields.contactName')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="contactPhone" label={t('ui.projects.fields.contactPhone')}>
                <Input maxLength={30} data-testid="project-phone" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="note" label={t('ui.projects.fields.note')}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
    </Space>
  );
}
