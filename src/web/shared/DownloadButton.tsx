import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from 'antd';
import { isApiError, saveBlob } from '../app/api-client.ts';
import { useMessage } from '../app/feedback.tsx';
import { useI18n } from '../app/i18n.tsx';

export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** A button that saves a file the API makes (an Excel export, a template); a refusal shows as a message. */
export function DownloadButton({
  file,
  fileName,
  done,
  icon,
  type,
  testId,
  children,
}: {
  file: () => Promise<DownloadedFile>;
  /** The name to save under when the answer names none. */
  fileName: string;
  /** Said once the file is saved. */
  done?: string;
  icon?: ReactNode;
  type?: ButtonProps['type'];
  testId?: string;
  children: ReactNode;
}) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const answer = await file();
      saveBlob(answer.blob, answer.fileName ?? fileName);
      if (done) message.success(done);
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button type={type} icon={icon} loading={busy} onClick={download} data-testid={testId}>
      {children}
    </Button>
  );
}
