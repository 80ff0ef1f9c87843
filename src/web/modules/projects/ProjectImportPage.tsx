import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Form,
  Progress,
  Space,
  Table,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { CheckCircleFilled, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { ApiError, isApiError } from '../../app/api-client.ts';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { translate } from '../../app/texts.ts';
import { DownloadButton } from '../../shared/DownloadButton.tsx';
import { PairingSelect } from './ProjectPickers.tsx';
import { projectsApi } from './projects.api.ts';
import type { ImportJob, ImportRowError } from '../../../common/api/projects.ts';

/** The server's limit (sheet-file-guard.ts); a larger file is refused here instead of being sent for nothing. */
const MAX_BYTES = 10 * 1024 * 1024;
const POLL_MS = 400;

function localError(code: string, key: 'ui.common.networkError'): ApiError {
  return new ApiError(0, code, translate('zh-CN', key), translate('en', key));
}

function tooLarge(): ApiError {
  const params = { limit: '10 MB' };
  return new ApiError(
    400,
    'project_sheet_refused',
    translate('zh-CN', 'errors.project_sheet_refused'),
    translate('en', 'errors.project_sheet_refused'),
    [
      {
        field: 'file',
        code: 'file_too_large',
        message: '',
        zh: translate('zh-CN', 'errors.field.file_too_large', params),
        en: translate('en', 'errors.field.file_too_large', params),
      },
    ],
  );
}

/**
 * 导入合作项目: choose the pairing, download its template, upload the filled sheet. The import runs in the
 * background: its progress shows while it runs, then either every bad row and column (nothing imported) or what
 * was registered, updated and left unchanged.
 */
export function ProjectImportPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.projects.importTitle');
  const [search, setSearch] = useSearchParams();
  const pairingId = search.get('pairingId') ?? undefined;
  const [uploading, setUploading] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const poller = useRef<{ timer?: number; controller?: AbortController }>({});

  const stopPolling = () => {
    window.clearTimeout(poller.current.timer);
    poller.current.controller?.abort();
  };
  useEffect(() => stopPolling, []);

  const poll = (id: string) => {
    const controller = new AbortController();
    poller.current.controller = controller;
    projectsApi.job(id, controller.signal).then(
      (next) => {
        if (controller.signal.aborted) return;
        setJob(next);
        if (next.status === 'running') poller.current.timer = window.setTimeout(() => poll(id), POLL_MS);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setJob(null);
        setRefusal(isApiError(err) ? err : localError('network', 'ui.common.networkError'));
      },
    );
  };

  const start = async (file: File) => {
    if (!pairingId) return;
    stopPolling();
    setJob(null);
    setRefusal(null);
    if (file.size > MAX_BYTES) {
      setRefusal(tooLarge());
      return;
    }
    setUploading(file.name);
    try {
      const started = await projectsApi.startImport(pairingId, file);
      setJob(started);
      if (started.status === 'running') poll(started.id);
    } catch (err) {
      setRefusal(isApiError(err) ? err : localError('network', 'ui.common.networkError'));
    } finally {
      setUploading(null);
    }
  };

  const reset = () => {
    stopPolling();
    setJob(null);
    setRefusal(null);
  };

  const running = !!uploading || job?.status === 'running';
  const errorColumns: TableColumnsType<ImportRowError> = [
    { key: 'row', title: t('ui.projects.import.errorRow'), dataIndex: 'row', width: 70 },
    { key: 'column', title: t('ui.projects.import.errorColumn'), dataIndex: 'column', width: 70 },
    { key: 'header', title: t('ui.projects.import.errorHeader'), dataIndex: 'header', width: 180 },
    { key: 'message', title: t('ui.projects.import.errorMessage'), render: (_: unknown, e) => pick(e) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="project-import">
      <Breadcrumb
        items={[
          { title: <Link to="/projects">{t('ui.projects.ledgerTitle')}</Link> },
          { title: t('ui.projects.importTitle') },
        ]}
      />
      <Card title={t('ui.projects.importTitle')}>
        <Typography.Paragraph type="secondary">{t('ui.projects.import.intro')}</Typography.Paragraph>
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('ui.projects.import.pairing')} required>
            <PairingSelect
              value={pairingId}
              onChange={(id) => {
                reset();
                setSearch(id ? { pairingId: id } : {}, { replace: true });
              }}
              width={260}
              testId="import-pairing"
            />
          </Form.Item>
          <Form.Item>
            <DownloadButton
              file={() => projectsApi.template(pairingId)}
              fileName="template.xlsx"
              icon={<DownloadOutlined />}
              testId="import-template"
            >
              {t('ui.projects.templateButton')}
            </DownloadButton>
          </Form.Item>
        </Form>
        {!pairingId && (
          <Alert type="info" showIcon title={t('ui.projects.import.pairingRequired')} style={{ marginBottom: 16 }} />
        )}
        <div data-testid="import-upload" data-busy={running ? 'true' : 'false'}>
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            disabled={!pairingId || running}
            beforeUpload={(file) => {
              void start(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {uploading ? t('ui.projects.import.uploading', { file: uploading }) : t('ui.projects.import.uploadText')}
            </p>
            <p className="ant-upload-hint">{t('ui.projects.import.uploadHint')}</p>
          </Upload.Dragger>
        </div>
      </Card>

      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal.details.length ? t('ui.projects.import.refused') : pick(refusal)}
          description={refusal.details.length ? refusal.details.map((d, i) => <div key={i}>{pick(d)}</div>) : undefined}
          data-testid="import-refusal"
        />
      )}

      {job && job.status === 'running' && (
        <Card data-testid="import-progress" data-phase={job.phase}>
          <Typography.Text>
            {t('ui.projects.import.progress', {
              phase: t(`ui.projects.import.phases.${job.phase}`),
              processed: job.processed,
              total: job.total || '…',
            })}
          </Typography.Text>
          <Progress percent={job.total ? Math.floor((job.processed / job.total) * 100) : 0} status="active" />
        </Card>
      )}

      {job && job.status === 'failed' && (
        <Card data-testid="import-failed">
          <Alert
            type="error"
            showIcon
            title={t('ui.projects.import.failedTitle')}
            description={job.error ? pick(job.error) : t('ui.projects.import.failedText', { count: job.errors.length })}
            style={{ marginBottom: job.errors.length ? 16 : 0 }}
          />
          {job.errors.length > 0 && (
            <Table<ImportRowError>
              rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
              size="small"
              columns={errorColumns}
              dataSource={job.errors}
              pagination={job.errors.length > 50 ? { pageSize: 50 } : false}
              onRow={(e) =>
                ({
                  'data-testid': 'import-error-row',
                  'data-row': e.row,
                  'data-column': e.column,
                  'data-code': e.code,
                }) as React.HTMLAttributes<HTMLElement>
              }
            />
          )}
        </Card>
      )}

      {job && job.status === 'done' && job.result && (
        <Card
          data-testid="import-done"
          data-created={job.result.created}
          data-updated={job.result.updated}
          data-unchanged={job.result.unchanged}
        >
          <Space orientation="vertical">
            <Typography.Title level={4} style={{ margin: 0 }}>
              <CheckCircleFilled style={{ color: '#52c41a', marginRight: 8 }} />
              {t('ui.projects.import.doneTitle')}
            </Typography.Title>
            <Typography.Text data-testid="import-summary">
              {t('ui.projects.import.doneText', {
                total: job.total,
                created: job.result.created,
                updated: job.result.updated,
                unchanged: job.result.unchanged,
              })}
            </Typography.Text>
            <Space>
              <Link to={`/projects?pairingId=${pairingId ?? ''}`}>
                <Button type="primary" data-testid="import-open-ledger">
                  {t('ui.projects.import.openLedger')}
                </Button>
              </Link>
              <Button onClick={reset}>{t('ui.projects.import.again')}</Button>
            </Space>
          </Space>
        </Card>
      )}
    </Space>
  );
}
