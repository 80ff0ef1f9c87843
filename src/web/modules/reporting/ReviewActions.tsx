import { useState } from 'react';
import { Button, Form, Input, Space } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useSession } from '../../app/session.tsx';
import type { ReportDetail, ReportSummary } from '../../../common/api/reporting.ts';
import { reportingApi } from './reporting.api.ts';
import { ActionModal } from './ActionModal.tsx';

type Mode = 'approve' | 'return';

function ReviewModal({
  report,
  mode,
  onClose,
  onDone,
}: {
  report: ReportSummary;
  mode: Mode;
  onClose: () => void;
  onDone: (r: ReportDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<{ comment?: string }>();
  const submit = async ({ comment }: { comment?: string }) => {
    const next =
      mode === 'approve'
        ? await reportingApi.approveReport(report.id, { version: report.version, comment: comment?.trim() || null })
        : await reportingApi.returnReport(report.id, { version: report.version, comment: comment ?? '' });
    message.success(t(mode === 'approve' ? 'ui.reporting.approved' : 'ui.reporting.returned'));
    onDone(next);
  };
  return (
    <ActionModal
      form={form}
      title={`${t(mode === 'approve' ? 'ui.reporting.approveTitle' : 'ui.reporting.returnTitle')} · ${report.taskCode} ${report.unitName}`}
      okText={t(mode === 'approve' ? 'ui.reporting.approve' : 'ui.reporting.returnReport')}
      danger={mode === 'return'}
      testId="review"
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="comment"
        label={t(mode === 'approve' ? 'ui.reporting.reviewCommentOptional' : 'ui.reporting.returnComment')}
        rules={
          mode === 'return'
            ? [{ required: true, whitespace: true, message: t('ui.reporting.returnCommentPlaceholder') }]
            : []
        }
      >
        <Input.TextArea
          rows={4}
          maxLength={2000}
          placeholder={mode === 'return' ? t('ui.reporting.returnCommentPlaceholder') : undefined}
          data-testid="review-comment"
        />
      </Form.Item>
    </ActionModal>
  );
}

/**
 * The office's review of one report: approve a submitted report, or return it (submitted, or approved while the
 * period is open again) with a comment. Nothing shows for users who may not review; the server refuses them anyway.
 */
export function ReviewActions({
  report,
  onDone,
  size,
}: {
  report: ReportSummary;
  onDone: (r: ReportDetail) => void;
  size?: 'small' | 'middle';
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const [mode, setMode] = useState<Mode | null>(null);
  if (!can('report.review') || report.cycleStatus !== 'open') return null;
  const canApprove = report.state === 'submitted';
  const canReturn = report.state === 'submitted' || report.state === 'approved';
  if (!canApprove && !canReturn) return null;
  return (
    <Space size={6} onClick={(e) => e.stopPropagation()}>
      {canApprove && (
        <Button
          size={size}
          type="primary"
          icon={<CheckOutlined />}
          onClick={() => setMode('approve')}
          data-testid="report-approve"
        >
          {t('ui.reporting.approve')}
        </Button>
      )}
      {canReturn && (
        <Button
          size={size}
          danger
          icon={<RollbackOutlined />}
          onClick={() => setMode('return')}
          data-testid="report-return"
        >
          {t('ui.reporting.returnReport')}
        </Button>
      )}
      {mode && (
        <ReviewModal
          report={report}
          mode={mode}
          onClose={() => setMode(null)}
          onDone={(r) => {
            setMode(null);
            onDone(r);
          }}
        />
      )}
    </Space>
  );
}
