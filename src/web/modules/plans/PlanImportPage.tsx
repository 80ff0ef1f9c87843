import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Breadcrumb, Card, Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError, isApiError } from '../../app/api-client.ts';
import type { PlanPreview } from '../../../common/api/plans.ts';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { translate } from '../../app/texts.ts';
import { plansApi } from './plans.api.ts';
import { PlanPreviewEditor } from './PlanPreviewEditor.tsx';

/** The server's limit (plan-preview.service.ts); a larger file is refused here instead of being sent for nothing. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.txt,.docx,.pdf';

function tooLarge(): ApiError {
  const params = { limit: '20 MB' };
  return new ApiError(
    400,
    'plan_file_refused',
    translate('zh-CN', 'errors.plan_file_refused'),
    translate('en', 'errors.plan_file_refused'),
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
 * 导入方案: upload a plan (.txt, .docx, .pdf), see what the parser made of it beside the source text, correct it,
 * confirm. Refused files show the server's reason; nothing is stored before the confirmation.
 */
export function PlanImportPage() {
  const { t, pick } = useI18n();
  usePageTitle('ui.plans.importTitle');
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  const read = async (file: File) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRefusal(null);
    setPreview(null);
    if (file.size > MAX_BYTES) {
      setRefusal(tooLarge());
      return;
    }
    setReading(file.name);
    try {
      const result = await plansApi.preview(file, abort.signal);
      if (!abort.signal.aborted) setPreview(result);
    } catch (err) {
      if (abort.signal.aborted) return;
      setRefusal(isApiError(err) ? err : networkError());
    } finally {
      if (!abort.signal.aborted) setReading(null);
    }
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="plan-import">
      <Breadcrumb
        items={[{ title: <Link to="/plans">{t('ui.plans.title')}</Link> }, { title: t('ui.plans.importTitle') }]}
      />
      {!preview && (
        <Card title={t('ui.plans.importTitle')}>
          <Typography.Paragraph type="secondary">{t('ui.plans.importIntro')}</Typography.Paragraph>
          <Spin spinning={!!reading} description={reading ? t('ui.plans.reading', { file: reading }) : undefined}>
            <div data-testid="plan-upload" data-reading={reading ? 'true' : 'false'}>
              <Upload.Dragger
                accept={ACCEPT}
                multiple={false}
                showUploadList={false}
                disabled={!!reading}
                beforeUpload={(file) => {
                  void read(file);
                  return Upload.LIST_IGNORE;
                }}
                data-testid="plan-upload-input"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('ui.plans.uploadText')}</p>
                <p className="ant-upload-hint">{t('ui.plans.uploadHint')}</p>
              </Upload.Dragger>
            </div>
          </Spin>
          {refusal && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 16 }}
              title={pick(refusal)}
              description={
                refusal.details.length ? refusal.details.map((d, i) => <div key={i}>{pick(d)}</div>) : undefined
              }
              data-testid="plan-refusal"
            />
          )}
        </Card>
      )}
      {preview && (
        <PlanPreviewEditor
          key={preview.sourceText.length + preview.fileName}
          preview={preview}
          onCancel={() => {
            setPreview(null);
            setRefusal(null);
          }}
        />
      )}
    </div>
  );
}

function networkError(): ApiError {
  return new ApiError(
    0,
    'network',
    translate('zh-CN', 'ui.common.networkError'),
    translate('en', 'ui.common.networkError'),
  );
}
