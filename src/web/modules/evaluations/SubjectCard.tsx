import { Link } from 'react-router-dom';
import { Button, Card, Descriptions, Form, Input, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { RoundDetail, SubjectView } from '../../../common/api/evaluations.ts';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { AttachmentList } from '../../shared/AttachmentList.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { useValueText } from '../indicators/indicator-display.tsx';
import { SubjectName, useScoreText } from './evaluation-display.tsx';
import { evaluationsApi } from './evaluations.api.ts';

type Value = SubjectView['values'][number];

/** The subject's indicator values: now, and as frozen where the round closed (both shown where they differ). */
function ValuesTable({ round, subject }: { round: RoundDetail; subject: SubjectView }) {
  const { t, pick } = useI18n();
  const valueText = useValueText();
  const scoreText = useScoreText();
  const indicatorOf = (id: string) => round.indicators.find((i) => i.indicatorId === id)!;
  const frozen = round.state !== 'open';
  return (
    <Table<Value>
      size="small"
      rowKey="indicatorId"
      pagination={false}
      dataSource={subject.values}
      onRow={(v) => ({ 'data-testid': 'subject-value', 'data-changed': String(v.changed) }) as object}
      columns={[
        {
          title: t('ui.evaluations.indicator'),
          key: 'name',
          render: (_: unknown, v) => {
            const i = indicatorOf(v.indicatorId);
            return pick({ zh: i.nameZh, en: i.nameEn });
          },
        },
        {
          title: t(frozen ? 'ui.evaluations.frozen' : 'ui.evaluations.now'),
          key: 'value',
          render: (_: unknown, v) => {
            const i = indicatorOf(v.indicatorId);
            const shown = frozen && v.frozen ? v.frozen.value : v.now.value;
            return (
              <Space size={4} data-testid="subject-value-shown">
                {valueText(i, shown)}
                {v.changed && (
                  <Tooltip title={t('ui.evaluations.changed')}>
                    <Tag color="orange" data-testid="subject-value-now">
                      {t('ui.evaluations.now')} {valueText(i, v.now.value)}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            );
          },
        },
        {
          title: t('ui.evaluations.target'),
          key: 'target',
          render: (_: unknown, v) => {
            const target = (frozen && v.frozen ? v.frozen.target : v.now.target) ?? null;
            return target === null ? t('ui.indicators.noValue') : valueText(indicatorOf(v.indicatorId), Number(target));
          },
        },
        {
          title: t('ui.evaluations.score'),
          key: 'score',
          render: (_: unknown, v) => scoreText(frozen && v.frozen ? v.frozen.score : v.now.score),
        },
      ]}
    />
  );
}

/** The office's self-assessment: the report it writes, saved or submitted while the round is open. */
function SelfAssessmentForm({
  round,
  subject,
  onChanged,
}: {
  round: RoundDetail;
  subject: SubjectView;
  onChanged: (r: RoundDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<{ narrative: string }>();
  const { saving, banner, run } = useServerForm(form);
  const save = (submit: boolean) =>
    run(async () => {
      const { narrative } = await form.validateFields();
      onChanged(await evaluationsApi.selfAssess(round.id, subject.id, { version: subject.version, narrative, submit }));
      message.success(t('ui.evaluations.saved'));
    });
  return (
    <Form form={form} layout="vertical" initialValues={{ narrative: subject.narrative ?? '' }}>
      {banner}
      <Form.Item
        name="narrative"
        label={t('ui.evaluations.narrative')}
        rules={[{ required: true, message: t('errors.field.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={20_000} data-testid="self-narrative" />
      </Form.Item>
      <Space>
        <Button loading={saving} onClick={() => save(false)} data-testid="self-save">
          {t('ui.evaluations.save')}
        </Button>
        <Button type="primary" loading={saving} onClick={() => save(true)} data-testid="self-submit">
          {t('ui.evaluations.submit')}
        </Button>
      </Space>
    </Form>
  );
}

/** One evaluated pairing (or side): its values, self-assessment with evidence, result, praise and orders. */
export function SubjectCard({
  round,
  subject,
  onChanged,
  reload,
}: {
  round: RoundDetail;
  subject: SubjectView;
  onChanged: (r: RoundDetail) => void;
  reload: () => void;
}) {
  const { t } = useI18n();
  const scoreText = useScoreText();
  return (
    <Card
      size="small"
      title={<SubjectName pairingName={subject.pairingName} side={subject.side} />}
      data-testid="subject-card"
      data-pairing={subject.pairingName}
      extra={
        subject.submittedAt ? (
          <Tag color="success" data-testid="subject-submitted">
            {t('ui.evaluations.submittedOn', { time: formatDateTime(subject.submittedAt) })}
          </Tag>
        ) : (
          <Tag>{t('ui.evaluations.notSubmitted')}</Tag>
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {round.state !== 'open' && (
          <Descriptions size="small" column={4} data-testid="subject-result">
            <Descriptions.Item label={t('ui.evaluations.finalScore')}>
              <span data-testid="subject-score">{scoreText(subject.finalScore)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('ui.evaluations.rank')}>
              {subject.rank ?? t('ui.indicators.noValue')}
            </Descriptions.Item>
            <Descriptions.Item label={t('ui.evaluations.grade')}>
              <span data-testid="subject-grade">{subject.grade ?? t('ui.indicators.noValue')}</span>
            </Descriptions.Item>
            {subject.adjustedScore !== null && (
              <Descriptions.Item label={t('ui.evaluations.adjust')}>
                {t('ui.evaluations.adjustedFrom', {
                  score: scoreText(subject.score),
                  reason: subject.adjustReason ?? '',
                })}
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
        <ValuesTable round={round} subject={subject} />
        {subject.can.selfAssess ? (
          <SelfAssessmentForm round={round} subject={subject} onChanged={onChanged} />
        ) : (
          <div>
            <Typography.Text strong>{t('ui.evaluations.narrative')}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="subject-narrative">
              {subject.narrative ?? t('ui.evaluations.notSubmitted')}
            </Typography.Paragraph>
          </div>
        )}
        <div>
          <Typography.Text strong>{t('ui.evaluations.evidence')}</Typography.Text>
          <AttachmentList
            attachments={subject.attachments}
            editable={subject.can.selfAssess}
            testId="subject-evidence"
            actions={{
              upload: async (file) => {
                await evaluationsApi.uploadEvidence(subject.id, file);
                reload();
              },
              download: (a) => evaluationsApi.downloadEvidence(subject.id, a.id),
              remove: async (a) => {
                await evaluationsApi.removeEvidence(subject.id, a.id);
                reload();
              },
            }}
          />
        </div>
        {subject.awards.length > 0 && (
          <List
            size="small"
            header={<Typography.Text strong>{t('ui.evaluations.awards')}</Typography.Text>}
            dataSource={subject.awards}
            renderItem={(a) => (
              <List.Item data-testid="subject-award" data-kind={a.kind}>
                <Space>
                  <Tag color={a.kind === 'praise' ? 'gold' : 'red'}>{t(`ui.evaluations.awardKinds.${a.kind}`)}</Tag>
                  {a.text}
                  {a.trackedItemId && (
                    <Link to={`/tracking/${a.trackedItemId}`} data-testid="award-item-link">
                      {t('ui.evaluations.openItem')}
                    </Link>
                  )}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}
