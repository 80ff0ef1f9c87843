import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Input, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import type { SummaryDetail, SummarySection } from '../../../common/api/summaries.ts';
import { isApiError } from '../../app/api-client.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { DownloadButton } from '../../shared/DownloadButton.tsx';
import { summariesApi } from './summaries.api.ts';
import { figureRecordsPath, SummaryStateTag } from './summary-display.tsx';

type Receipt = SummaryDetail['receipts'][number];

/** A refusal as the page shows it: the server's reason, in the user's language. */
function useFailure() {
  const { pick } = useI18n();
  const message = useMessage();
  return (err: unknown) => {
    if (!isApiError(err)) throw err;
    message.error(pick(err.details[0] ?? err));
  };
}

/** One section: its text (figures cited as {{code}}) and the figures it cites, each linked to its records. */
function SectionEditor({
  doc,
  section,
  editable,
  onSaved,
}: {
  doc: SummaryDetail;
  section: SummarySection;
  editable: boolean;
  onSaved: (d: SummaryDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const fail = useFailure();
  const [text, setText] = useState(section.text);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      onSaved(await summariesApi.saveSection(doc.id, section.key, { version: doc.version, text }));
      message.success(t('ui.summaries.saved'));
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };
  const figures = doc.figures.filter((f) => section.figures.includes(f.code));
  return (
    <Card
      size="small"
      title={t(`ui.summaries.sections.${section.key}`)}
      data-testid="summary-section"
      data-key={section.key}
      extra={
        editable && (
          <Button
            size="small"
            onClick={save}
            loading={saving}
            disabled={text === section.text}
            data-testid="section-save"
          >
            {t('ui.summaries.saveSection')}
          </Button>
        )
      }
    >
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        readOnly={!editable}
        autoSize={{ minRows: 3, maxRows: 16 }}
        data-testid="section-text"
      />
      <Space wrap size={4} style={{ marginTop: 8 }}>
        {figures.map((f) => (
          <Link
            key={f.code}
            to={figureRecordsPath(f.code, doc.pairingId, doc.year)}
            data-testid="figure-link"
            data-code={f.code}
          >
            <Tag color={f.changed ? 'error' : 'blue'} data-changed={f.changed}>
              {t(`ui.summaries.figures.${f.code}`)} {f.drafted}
              {f.changed && ` · ${t('ui.summaries.changed')}: ${t('ui.summaries.now')} ${f.now}`}
            </Tag>
          </Link>
        ))}
      </Space>
    </Card>
  );
}

/** A recipient's handling of its receipt: record receipt, return with comments, accept. */
function ReceiptActions({
  doc,
  receipt,
  onDone,
}: {
  doc: SummaryDetail;
  receipt: Receipt;
  onDone: (d: SummaryDetail) => void;
}) {
  const { t } = useI18n();
  const { me } = useSession();
  const fail = useFailure();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const mine = me?.user.roles.includes(receipt.recipient) ?? false;
  if (!mine || receipt.versionNo !== doc.versionNo || receipt.state === 'returned' || receipt.state === 'accepted')
    return null;
  const decide = async (decision: 'received' | 'returned' | 'accepted', text?: string) => {
    try {
      onDone(await summariesApi.decide(doc.id, receipt.id, { decision, ...(text ? { comment: text } : {}) }));
      setReturning(false);
    } catch (err) {
      fail(err);
    }
  };
  return (
    <Space>
      {receipt.state === 'sent' && (
        <Button size="small" onClick={() => decide('received')} data-testid="receipt-receive">
          {t('ui.summaries.receiptActions.received')}
        </Button>
      )}
      <Button size="small" onClick={() => setReturning(true)} data-testid="receipt-return">
        {t('ui.summaries.receiptActions.returned')}
      </Button>
      <Button size="small" type="primary" onClick={() => decide('accepted')} data-testid="receipt-accept">
        {t('ui.summaries.receiptActions.accepted')}
      </Button>
      <Modal
        open={returning}
        title={t('ui.summaries.receiptActions.returned')}
        onCancel={() => setReturning(false)}
        onOk={() => decide('returned', comment)}
      >
        <Input.TextArea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('ui.summaries.comment')}
          data-testid="return-comment"
        />
      </Modal>
    </Space>
  );
}

/** The national office reopens the pairing's locked year, saying why. */
function UnlockButton({ doc, onDone }: { doc: SummaryDetail; onDone: () => void }) {
  const { t } = useI18n();
  const fail = useFailure();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const unlock = async () => {
    try {
      await summariesApi.unlock({ pairingId: doc.pairingId, year: doc.year, reason });
      setOpen(false);
      onDone();
    } catch (err) {
      fail(err);
    }
  };
  return (
    <>
      <Button icon={<UnlockOutlined />} onClick={() => setOpen(true)} data-testid="year-unlock">
        {t('ui.summaries.unlock')}
      </Button>
      <Modal open={open} title={t('ui.summaries.unlock')} onCancel={() => setOpen(false)} onOk={unlock}>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('ui.summaries.unlockReason')}
          data-testid="unlock-reason"
        />
      </Modal>
    </>
  );
}

/** 年度工作计划/总结: the draft per section with its linked figures, downloads, submission and its receipts. */
export function SummaryPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const fail = useFailure();
  const loaded = useApi((signal) => summariesApi.get(id, signal), [id]);
  const [doc, setDoc] = useState<SummaryDetail | null>(null);
  const d = doc ?? loaded.data;
  usePageTitle('ui.summaries.title');
  if (loaded.error) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!d) return <Skeleton active />;
  const editable = can('summary.draft') && (d.state === 'draft' || d.state === 'returned');
  const changed = d.figures.some((f) => f.changed);
  const act = async (f: () => Promise<SummaryDetail>) => {
    try {
      setDoc(await f());
    } catch (err) {
      fail(err);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {d.title}
            <SummaryStateTag state={d.state} />
            {d.locked && (
              <Tag color="red" data-testid="year-locked">
                {t('ui.summaries.locked', { year: d.year })}
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space>
            <DownloadButton
              file={() => summariesApi.word(d.id)}
              fileName={`${d.title}.docx`}
              icon={<FileWordOutlined />}
              testId="download-word"
            >
              {t('ui.summaries.downloadWord')}
            </DownloadButton>
            <DownloadButton
              file={() => summariesApi.excel(d.id)}
              fileName={`${d.title}.xlsx`}
              icon={<FileExcelOutlined />}
              testId="download-excel"
            >
              {t('ui.summaries.downloadExcel')}
            </DownloadButton>
            {editable && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                onClick={() => act(() => summariesApi.submit(d.id, d.version))}
                data-testid="summary-submit"
              >
                {t('ui.summaries.submit')}
              </Button>
            )}
            {d.locked && can('summary.unlock') && (
              <UnlockButton doc={d} onDone={() => act(() => summariesApi.get(d.id))} />
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('ui.summaries.pairing')}>{d.pairingName}</Descriptions.Item>
          <Descriptions.Item label={t('ui.summaries.year')}>{d.year}</Descriptions.Item>
          <Descriptions.Item label={t('ui.summaries.addressee')}>{d.addressee}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary">{t('ui.summaries.figuresHint')}</Typography.Paragraph>
        {changed && editable && (
          <Alert
            type="warning"
            showIcon
            message={t('ui.summaries.changed')}
            action={
              <Button
                size="small"
                onClick={() => act(() => summariesApi.refresh(d.id, d.version))}
                data-testid="figures-refresh"
              >
                {t('ui.summaries.refreshFigures')}
              </Button>
            }
          />
        )}
      </Card>
      {d.sections.map((s) => (
        <SectionEditor key={`${s.key}:${d.version}`} doc={d} section={s} editable={editable} onSaved={setDoc} />
      ))}
      {d.receipts.length > 0 && (
        <Card size="small" title={t('ui.summaries.receipts')}>
          <Table<Receipt>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.receipts}
            onRow={(r) => ({ 'data-testid': 'receipt-row', 'data-recipient': r.recipient }) as object}
            columns={[
              { dataIndex: 'versionNo', width: 90, render: (n: number) => t('ui.summaries.versionNo', { n }) },
              { dataIndex: 'recipient', render: (r: Receipt['recipient']) => t(`ui.summaries.recipients.${r}`) },
              {
                dataIndex: 'state',
                width: 110,
                render: (s: Receipt['state']) => <Tag data-state={s}>{t(`ui.summaries.receiptStates.${s}`)}</Tag>,
              },
              { dataIndex: 'comment', render: (c: string | null) => c ?? '' },
              {
                key: 'actions',
                width: 260,
                render: (_: unknown, r) => <ReceiptActions doc={d} receipt={r} onDone={setDoc} />,
              },
            ]}
          />
        </Card>
      )}
      {d.versions.length > 0 && (
        <Card size="small" title={t('ui.summaries.versions')}>
          <Space wrap>
            {d.versions.map((v) => (
              <DownloadButton
                key={v.versionNo}
                file={() => summariesApi.word(d.id, v.versionNo)}
                fileName={`${d.title}.docx`}
                icon={<FileWordOutlined />}
              >
                {t('ui.summaries.versionNo', { n: v.versionNo })} · {v.submittedAt.slice(0, 10)}
              </DownloadButton>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
