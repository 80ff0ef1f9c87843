import { useState } from 'react';
import { Alert, Button, Empty, Popconfirm, Space, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { Attachment } from '../../common/api/attachments.ts';
import { isApiError, saveBlob } from '../app/api-client.ts';
import { useI18n } from '../app/i18n.tsx';
import { useMessage } from '../app/feedback.tsx';
import { formatDateTime, formatSize } from './format.ts';

/** What the server accepts as attachments (src/server/modules/reporting/attachment-type.ts decides, by content). */
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.docx', '.xlsx', '.jpg', '.jpeg', '.png'] as const;
export const MAX_ATTACHMENT_MB = 20;

export interface AttachmentActions {
  upload: (file: File) => Promise<void>;
  download: (a: Attachment) => Promise<{ blob: Blob; fileName: string | null }>;
  remove: (a: Attachment) => Promise<void>;
}

/**
 * The files kept with a record (a report, a project): download for whoever sees it; upload and delete when
 * `editable`. Size and name are checked here before sending; the server decides the type from the content and its
 * refusal (an image named .pdf, a zip bomb, an encrypted file) is shown as it words it.
 */
export function AttachmentList({
  attachments,
  editable,
  actions,
  testId,
}: {
  attachments: Attachment[];
  editable: boolean;
  actions: AttachmentActions;
  testId: string;
}) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setError(null);
    const ext = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? '';
    const refuse = (reason: string) => setError(t('ui.attachments.uploadRefused', { name: file.name, reason }));
    if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext))
      return refuse(t('ui.attachments.fileTypeNotAllowed'));
    if (file.size > MAX_ATTACHMENT_MB * 1024 * 1024)
      return refuse(t('ui.attachments.fileTooLarge', { mb: MAX_ATTACHMENT_MB }));
    setUploading(true);
    try {
      await actions.upload(file);
      message.success(t('ui.attachments.uploaded', { name: file.name }));
    } catch (err) {
      // The field error names the reason (type, size, zip bomb…); the general message is the fallback.
      const detail = isApiError(err) ? (err.details.find((d) => d.field === 'file') ?? err) : null;
      refuse(detail ? pick(detail) : t('ui.common.networkError'));
    } finally {
      setUploading(false);
    }
  };

  const download = async (a: Attachment) => {
    try {
      const { blob, fileName } = await actions.download(a);
      saveBlob(blob, fileName ?? a.fileName);
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    }
  };

  const remove = async (a: Attachment) => {
    try {
      await actions.remove(a);
      message.success(t('ui.attachments.attachmentRemoved'));
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    }
  };

  const columns: TableColumnsType<Attachment> = [
    {
      title: t('ui.attachments.title'),
      dataIndex: 'fileName',
      render: (name: string, a) => (
        <Button
          type="link"
          icon={<PaperClipOutlined />}
          onClick={() => void download(a)}
          style={{ padding: 0 }}
          data-testid="attachment-download"
        >
          {name}
        </Button>
      ),
    },
    { title: '', dataIndex: 'size', width: 100, align: 'right', render: (size: number) => formatSize(size) },
    {
      title: '',
      key: 'by',
      width: 240,
      render: (_: unknown, a) => (
        <Typography.Text type="secondary">
          {[a.uploadedBy, formatDateTime(a.uploadedAt)].filter(Boolean).join(' · ')}
        </Typography.Text>
      ),
    },
    ...(editable
      ? [
          {
            title: '',
            key: 'remove',
            width: 90,
            render: (_: unknown, a: Attachment) => (
              <Popconfirm
                title={t('ui.attachments.removeAttachmentConfirm', { name: a.fileName })}
                okText={t('ui.common.confirm')}
                cancelText={t('ui.common.cancel')}
                onConfirm={() => remove(a)}
              >
                <Button type="text" danger size="small" icon={<DeleteOutlined />} data-testid="attachment-remove">
                  {t('ui.attachments.removeAttachment')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid={testId}>
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
                {t('ui.attachments.upload')}
              </Button>
            </Upload>
            <Typography.Text type="secondary">
              {t('ui.attachments.uploadHint', { mb: MAX_ATTACHMENT_MB })}
            </Typography.Text>
          </Space>
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              closable={{ onClose: () => setError(null) }}
              data-testid="attachment-error"
            />
          )}
        </Space>
      )}
      {attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.attachments.noAttachments')} />
      ) : (
        <Table<Attachment>
          rowKey="id"
          size="small"
          showHeader={false}
          columns={columns}
          dataSource={attachments}
          pagination={false}
          onRow={(a) =>
            ({
              'data-testid': 'attachment-row',
              'data-name': a.fileName,
              'data-kind': a.kind,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
    </div>
  );
}
