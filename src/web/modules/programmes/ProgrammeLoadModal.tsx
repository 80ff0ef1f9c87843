import { useState } from 'react';
import { Alert, Button, Modal, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ProgrammeLoadReport } from '../../../common/api/programmes.ts';
import { isApiError } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';
import { programmesApi } from './programmes.api.ts';

/** What a load did, in words: created/updated/unchanged, the counts, and every pairing added or updated by name. */
function LoadReport({ report }: { report: ProgrammeLoadReport }) {
  const { t } = useI18n();
  const name = report.programmeName;
  const headline = report.unchanged
    ? t('ui.programmes.report.unchanged', { name, count: report.unchangedCount })
    : t(report.programmeCreated ? 'ui.programmes.report.created' : 'ui.programmes.report.updated', { name });
  const list = (key: 'added' | 'updated' | 'notInFile', names: string[]) =>
    names.length > 0 && (
      <Typography.Paragraph data-testid={`load-${key}`}>
        <Typography.Text strong>{t(`ui.programmes.report.${key}List`)}：</Typography.Text>
        {names.join('、')}
      </Typography.Paragraph>
    );
  return (
    <div data-testid="load-report">
      <Alert type={report.unchanged ? 'info' : 'success'} showIcon title={headline} style={{ marginBottom: 12 }} />
      {!report.unchanged && (
        <Typography.Paragraph>
          {t('ui.programmes.report.counts', {
            added: report.added.length,
            updated: report.updated.length,
            unchanged: report.unchangedCount,
          })}
        </Typography.Paragraph>
      )}
      {report.programmeChanges.length > 0 && (
        <Typography.Paragraph>
          {t('ui.programmes.report.programmeChanges', { fields: report.programmeChanges.join(', ') })}
        </Typography.Paragraph>
      )}
      {list('added', report.added)}
      {list('updated', report.updated)}
      {list('notInFile', report.notInFile)}
    </div>
  );
}

/** Loads a programme file (JSON, docs/PROGRAMME-FILE.md); a refusal lists each entry the server named. */
export function ProgrammeLoadModal({ onClose, onLoaded }: { onClose: () => void; onLoaded: () => void }) {
  const { t, pick } = useI18n();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ProgrammeLoadReport | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);

  const load = async (file: File) => {
    setBusy(true);
    setReport(null);
    setProblems(null);
    try {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch (err) {
        setProblems([t('ui.programmes.notJson', { message: (err as Error).message })]);
        return;
      }
      setReport(await programmesApi.load(json));
      onLoaded();
    } catch (err) {
      if (!isApiError(err)) setProblems([t('ui.common.networkError')]);
      else setProblems(err.details.length ? err.details.map((d) => `${d.field}: ${pick(d)}`) : [pick(err)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('ui.programmes.loadTitle')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('ui.programmes.loadIntro')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void load(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="programme-load-file">
            {t('ui.programmes.chooseFile')}
          </Button>
        </Upload>
        {report && <LoadReport report={report} />}
        {problems && (
          <Alert
            type="error"
            showIcon
            title={t('ui.programmes.loadRefused')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
            data-testid="load-refusal"
          />
        )}
      </Space>
    </Modal>
  );
}
