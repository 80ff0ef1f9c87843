import { useState } from 'react';
import { Alert, Button, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Typography } from 'antd';
import { ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { ApiError, isApiError } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { TASK_STATUSES, type TaskStatus } from '../../../common/api/enums.ts';
import type { ReportDetail, SaveReportBody } from '../../../common/api/reporting.ts';
import { reportingApi } from './reporting.api.ts';
import { formFailure } from '../../app/form-errors.ts';
import { isVersionConflict } from './form-failure.ts';

interface FigureRow {
  targetId: string;
  value?: string;
  unit: string;
  note?: string;
}
interface Values {
  taskStatus?: TaskStatus;
  percent?: number | null;
  narrative?: string;
  figures: FigureRow[];
}

/** The form's values for a report: one figure row per target of the task, in the target's unit unless one was saved. */
function initialValues(report: ReportDetail): Values {
  return {
    taskStatus: report.taskStatus ?? undefined,
    percent: report.percent,
    narrative: report.narrative ?? '',
    figures: report.targets.map((target) => {
      const saved = report.figures.find((f) => f.targetId === target.id);
      return {
        targetId: target.id,
        value: saved?.value,
        unit: saved?.unit ?? target.unit,
        note: saved?.note ?? undefined,
      };
    }),
  };
}

/**
 * What is sent: the filled figure rows only. `rowOf` maps the index of each sent figure back to its row in the form,
 * so the server's `figures.<i>.unit` errors land on the right field.
 */
function toInput(values: Values, version: number): { input: SaveReportBody; rowOf: number[] } {
  const rowOf: number[] = [];
  const figures: NonNullable<SaveReportBody['figures']> = [];
  values.figures.forEach((f, row) => {
    if (f.value === undefined || f.value === null || String(f.value).trim() === '') return;
    rowOf.push(row);
    figures.push({
      targetId: f.targetId,
      value: String(f.value).trim(),
      unit: f.unit ?? '',
      note: f.note?.trim() || null,
    });
  });
  return {
    input: {
      version,
      ...(values.taskStatus ? { taskStatus: values.taskStatus } : {}),
      ...(values.percent !== null && values.percent !== undefined ? { percent: values.percent } : {}),
      narrative: values.narrative ?? '',
      figures,
    },
    rowOf,
  };
}

/** The server's error with figure indices translated from what was sent to the form's rows. */
function onFormRows(err: unknown, rowOf: number[]): unknown {
  if (!isApiError(err)) return err;
  const details = err.details.map((d) => {
    const m = /^figures\.(\d+)(\..*)?$/.exec(d.field);
    return m ? { ...d, field: `figures.${rowOf[Number(m[1])] ?? m[1]}${m[2] ?? ''}` } : d;
  });
  return new ApiError(err.status, err.code, err.zh, err.en, details);
}

/**
 * A unit's report while it can still change: status, percentage, narrative and a figure against each target.
 * Saving keeps a draft; submitting sends it to the office (the server checks that status, percentage and narrative
 * are given and that each figure is in its target's unit, and the errors show on the fields).
 */
export function ReportForm({
  report,
  onSaved,
  onStale,
}: {
  report: ReportDetail;
  onSaved: (r: ReportDetail) => void;
  onStale: () => Promise<void>;
}) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const send = async (submit: boolean) => {
    setBanner(null);
    setConflict(false);
    // Clear the server's earlier errors so only the current ones show.
    form.setFields(
      form
        .getFieldsError()
        .filter((f) => f.errors.length)
        .map((f) => ({ name: f.name as never, errors: [] })),
    );
    const { input, rowOf } = toInput(form.getFieldsValue(true) as Values, report.version);
    setBusy(submit ? 'submit' : 'save');
    try {
      const next = submit
        ? await reportingApi.submitReport(report.id, input)
        : await reportingApi.saveReport(report.id, input);
      message.success(t(submit ? 'ui.reporting.submitted' : 'ui.reporting.draftSaved'));
      onSaved(next);
    } catch (err) {
      if (isVersionConflict(err)) {
        setConflict(true);
        return;
      }
      setBanner(formFailure(form, onFormRows(err, rowOf), { t, pick }));
      // A report that can no longer change (submitted elsewhere, period locked) is shown as it now is.
      if (isApiError(err) && err.status === 409) void onStale();
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="report-form">
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('ui.reporting.conflictTitle')}
          description={t('ui.reporting.conflictText')}
          style={{ marginBottom: 16 }}
          data-testid="report-conflict"
          action={
            <Button icon={<ReloadOutlined />} onClick={() => void onStale()} data-testid="report-reload">
              {t('ui.reporting.reload')}
            </Button>
          }
        />
      )}
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(report)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="taskStatus" label={t('ui.reporting.taskStatus')}>
              <Select
                allowClear
                placeholder={t('ui.reporting.taskStatusPlaceholder')}
                options={TASK_STATUSES.map((s) => ({ value: s, label: t(`domain.taskStatuses.${s}`) }))}
                data-testid="report-task-status"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="percent" label={t('ui.reporting.percent')}>
              <InputNumber
                min={0}
                max={100}
                precision={0}
                suffix="%"
                style={{ width: '100%' }}
                data-testid="report-percent"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="narrative" label={t('ui.reporting.narrative')}>
          <Input.TextArea
            rows={6}
            maxLength={10_000}
            showCount
            placeholder={t('ui.reporting.narrativePlaceholder')}
            data-testid="report-narrative"
          />
        </Form.Item>

        <div className="duikou-task-subtitle" style={{ marginBottom: 8 }}>
          {t('ui.reporting.figures')}
        </div>
        {report.targets.length === 0 ? (
          <Typography.Text type="secondary">{t('ui.reporting.noTargets')}</Typography.Text>
        ) : (
          report.targets.map((target, i) => (
            <Row gutter={12} key={target.id} data-testid="figure-row" data-target={target.text} align="top">
              <Col xs={24} md={6}>
                <Form.Item label={i === 0 ? t('ui.reporting.target') : undefined}>
                  <Typography.Text strong data-testid="figure-target">
                    {target.text}
                  </Typography.Text>
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={['figures', i, 'value']} label={i === 0 ? t('ui.reporting.value') : undefined}>
                  <Input inputMode="decimal" data-testid="figure-value" />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={['figures', i, 'unit']} label={i === 0 ? t('ui.reporting.figureUnit') : undefined}>
                  <Input maxLength={20} data-testid="figure-unit" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['figures', i, 'note']} label={i === 0 ? t('ui.reporting.figureNote') : undefined}>
                  <Input maxLength={500} data-testid="figure-note" />
                </Form.Item>
              </Col>
            </Row>
          ))
        )}

        <Space style={{ marginTop: 8 }}>
          <Button
            icon={<SaveOutlined />}
            loading={busy === 'save'}
            disabled={busy !== null}
            onClick={() => void send(false)}
            data-testid="report-save"
          >
            {t('ui.reporting.saveDraft')}
          </Button>
          <Popconfirm
            title={t('ui.reporting.submitConfirm')}
            okText={t('ui.reporting.submit')}
            cancelText={t('ui.common.cancel')}
            okButtonProps={{ 'data-testid': 'report-submit-confirm' }}
            onConfirm={() => send(true)}
          >
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={busy === 'submit'}
              disabled={busy !== null}
              data-testid="report-submit"
            >
              {t('ui.reporting.submit')}
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </div>
  );
}
