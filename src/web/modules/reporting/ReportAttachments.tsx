import { AttachmentList } from '../../shared/AttachmentList.tsx';
import type { ReportDetail } from '../../../common/api/reporting.ts';
import { reportingApi } from './reporting.api.ts';

/** A report's attachments: upload and delete while the unit can still change it; download for whoever sees it. */
export function ReportAttachments({
  report,
  editable,
  onChanged,
}: {
  report: ReportDetail;
  editable: boolean;
  onChanged: (r: ReportDetail) => void;
}) {
  return (
    <AttachmentList
      attachments={report.attachments}
      editable={editable}
      testId="report-attachments"
      actions={{
        upload: async (file) => onChanged(await reportingApi.upload(report.id, file)),
        download: (a) => reportingApi.download(report.id, a.id),
        remove: async (a) => onChanged(await reportingApi.removeAttachment(report.id, a.id)),
      }}
    />
  );
}
