import { useState } from 'react';
import { Alert, Button, Modal, Select, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { RosterImportResult } from '../../../common/api/people.ts';
import { type ApiError, isApiError, saveBlob } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';
import { usePairingOptions } from '../../shared/use-pairing-options.ts';
import { peopleApi } from './people.api.ts';

type RowProblem = ApiError['details'][number] & { row?: number; column?: string };

/** The roster import: all or nothing; a refused file lists every bad row and column. */
export function RosterImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t, pick } = useI18n();
  const pairings = usePairingOptions();
  const [pairingId, setPairingId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RosterImportResult | null>(null);
  const [failure, setFailure] = useState<{ title: string; problems: RowProblem[] } | null>(null);
  const fail = (err: unknown) =>
    setFailure(
      isApiError(err)
        ? { title: pick(err), problems: err.details as RowProblem[] }
        : { title: t('ui.common.networkError'), problems: [] },
    );

  const upload = async (file: File) => {
    if (!pairingId) return;
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await peopleApi.importRoster(pairingId, file));
      onImported();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('ui.people.secondments.importTitle')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('ui.parks.close')}</Button>}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('ui.people.secondments.importIntro')}
        </Typography.Paragraph>
        <Select
          style={{ width: 320 }}
          placeholder={t('ui.people.fields.pairing')}
          options={pairings.options}
          value={pairingId}
          onChange={setPairingId}
          showSearch
          optionFilterProp="label"
          data-testid="roster-pairing"
        />
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={async () => {
              try {
                const { blob, fileName } = await peopleApi.rosterTemplate();
                saveBlob(blob, fileName ?? 'roster.xlsx');
              } catch (err) {
                fail(err);
              }
            }}
          >
            {t('ui.people.secondments.template')}
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            disabled={!pairingId}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button
              type="primary"
              icon={<UploadOutlined />}
              loading={busy}
              disabled={!pairingId}
              data-testid="roster-upload"
            >
              {t('ui.people.secondments.import')}
            </Button>
          </Upload>
        </Space>
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="import-result"
            data-created={result.created}
            title={t('ui.people.secondments.importDone', { created: result.created })}
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
