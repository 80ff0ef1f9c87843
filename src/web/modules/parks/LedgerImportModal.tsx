import { useState } from 'react';
import { Alert, Button, Modal, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { isApiError, saveBlob, type ApiError } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { LedgerImportResult, ParkDetail } from '../../../common/api/parks.ts';
import { parksApi } from './parks.api.ts';

type RowProblem = ApiError['details'][number] & { row?: number; column?: string };

/**
 * Import of the ledger from the park's Excel template: all or nothing. A refused file shows every bad row and
 * column; a file already imported stores nothing again; changed amounts are recorded as corrections.
 */
export function LedgerImportModal({
  park,
  onClose,
  onImported,
}: {
  park: ParkDetail;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t, pick } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LedgerImportResult | null>(null);
  const [failure, setFailure] = useState<{ title: string; problems: RowProblem[] } | null>(null);

  const downloadTemplate = async () => {
    try {
      const { blob, fileName } = await parksApi.template(park.id);
      saveBlob(blob, fileName ?? t('ui.parks.templateFileName', { name: park.name }));
    } catch (err) {
      setFailure({ title: isApiError(err) ? pick(err) : t('ui.common.networkError'), problems: [] });
    }
  };

  const upload = async (file: File) => {
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await parksApi.importLedger(park.id, file));
      onImported();
    } catch (err) {
      setFailure(
        isApiError(err)
          ? { title: pick(err), problems: err.details as RowProblem[] }
          : { title: t('ui.common.networkError'), problems: [] },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('ui.parks.importTitle')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('ui.parks.close')}</Button>}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('ui.parks.importHint')}
        </Typography.Paragraph>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={downloadTemplate} data-testid="ledger-template">
            {t('ui.parks.templateButton')}
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="ledger-upload">
              {t('ui.parks.uploadButton')}
            </Button>
          </Upload>
        </Space>
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="import-result"
            data-created={result.created}
            data-corrected={result.corrected}
            data-unchanged={result.unchanged}
            title={t('ui.parks.importDone', {
              created: result.created,
              corrected: result.corrected,
              unchanged: result.unchanged,
            })}
          />
        )}
        {failure && (
          <Alert
            type="error"
            showIcon
            data-testid="import-failure"
            title={failure.title}
            description={
              failure.problems.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 300, overflow: 'auto' }}>
                  {failure.problems.map((p, i) => (
                    <li key={i} data-testid="import-error" data-row={p.row} data-column={p.column} data-code={p.code}>
                      {pick(p)}
                    </li>
                  ))}
                </ul>
              )
            }
          />
        )}
      </Space>
    </Modal>
  );
}
