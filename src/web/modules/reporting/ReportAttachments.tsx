import { useState } from 'react';
import { Alert, Button, Empty, Popconfirm, Space, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { isApiError, saveBlob } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ATTACHMENT_EXTENSIONS, MAX_ATTACHMENT_MB, reportingApi, type ReportDetail } from './reporting.api.ts';
import { formatSize } from './reporting-display.tsx';

type Attachment = ReportDetail['attachments'][number];

/**
 * A report's attachments: download for whoever sees the report; upload and delete while the unit can still change
 * it. Size and name are checked here before sending; the server decides the type from the content and its refusal
 * (an image named .pdf, a zip bomb, an encrypted file) is shown as it words it.
 */
export function ReportAttachments({ report, editable, onChanged }: { report: ReportDetail; editable: boolean; onChanged: (r: ReportDetail) => void }) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setError(null);
    const ext = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? '';
    const refuse = (reason: string) => setError(t('ui.reporting.uploadRefused', { name: file.name, reason }));
    if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext)) return refuse(t('ui.reporting.fileTypeNotAllowed'));
    if (file.size > MAX_ATTACHMENT_MB * 1024 * 1024) return refuse(t('ui.reporting.fileTooLarge', { mb: MAX_ATTACHMENT_MB }));
    setUploading(true);
    try {
      const next = await reportingApi.upload(report.id, file);
      message.success(t('ui.reporting.uploaded', { name: file.name }));
      onChanged(next);
    } catch (err) {
      // The field error names the reason (type, size, zip bomb…); the general message is the fallback.
      const detail = isApiError(err) ? err.details.find((d) => d.field === 'file') ?? err : null;
      refuse(detail ? pick(detail) : t('ui.common.networkError'));
    } finally {
      setUploading(false);
    }
  };

  const download = async (a: Attachment) => {
    try {
      const { blob, fileName } = await reportingApi.download(report.id, a.id);
      saveBlob(blob, fileName ?? a.fileName);
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    }
  };

  const remove = async (a: Attachment) => {
    try {
      onChanged(await reportingApi.removeAttachment(report.id, a.id));
      message.success(t('ui.reporting.attachmentRemoved'));
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    }
  };

  const columns: TableColumnsType<Attachment> = [
    {
      title: t('ui.reporting.attachments'),
      dataIndex: 'fileName',
      render: (name: string, a) => (
        <Button type="link" icon={<PaperClipOutlined />} onClick={() => void download(a)} style={{ padding: 0 }} data-testid="attachment-download">
          {name}
        </Button>
      ),
    },
    { title: '', dataIndex: 'size', width: 100, align: 'right', render: (size: number) => formatSize(size) },
    {
      title: '',
      key: 'by',
      width: 240,
      render: (_: unknown, a) => <Typography.Text type="secondary">{[a.uploadedBy, formatDateTime(a.uploadedAt)].filter(Boolean).join(' · ')}</Typography.Text>,
    },
    ...(editable
      ? [
          {
            title: '',
            key: 'remove',
            width: 90,
            render: (_: unknown, a: Attachment) => (
              <Popconfirm
                title={t('ui.reporting.removeAttachmentConfirm', { name: a.fileName })}
                okText={t('ui.common.confirm')}
                cancelText={t('ui.common.cancel')}
                onConfirm={() => remove(a)}
              >
                <Button type="text" danger size="small" icon={<DeleteOutlined />} data-testid="attachment-remove">
                  {t('ui.reporting.removeAttachment')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="report-attachments">
      {editable && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Space wrap>
            <Upload
              accept={ATTACHMENT_EXTENSIONS.join(',')}
              showUploadList={false}
              multiple={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading} data-testid="attachment-upload">
                {t('ui.reporting.upload')}
              </Button>
            </Upload>
            <Typography.Text type="secondary">{t('ui.reporting.uploadHint', { mb: MAX_ATTACHMENT_MB })}</Typography.Text>
          </Space>
          {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} data-testid="attachment-error" />}
        </Space>
      )}
      {report.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.reporting.noAttachments')} />
      ) : (
        <Table<Attachment>
          rowKey="id"
          size="small"
          showHeader={false}
          columns={columns}
          dataSource={report.attachments}
          pagination={false}
          onRow={(a) => ({ 'data-testid': 'attachment-row', 'data-name': a.fileName, 'data-kind': a.kind }) as React.HTMLAttributes<HTMLElement>}
        />
      )}
    </div>
  );
}
