import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import type { RankingRow, RoundDetail } from '../../../common/api/evaluations.ts';
import { isApiError } from '../../app/api-client.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { ItemFields, type ItemValues, newItemValues, toItemInput } from '../tracking/ItemFields.tsx';
import { RoundStateTag, SubjectName, useScoreText } from './evaluation-display.tsx';
import { evaluationsApi } from './evaluations.api.ts';
import { SubjectCard } from './SubjectCard.tsx';

type Action = { kind: 'adjust' | 'praise' | 'rectify'; row: RankingRow };

/** The national office's decision on one subject: an adjusted score with its reason, praise, or rectification orders. */
function ActionModal({
  round,
  action,
  onClose,
  onDone,
}: {
  round: RoundDetail;
  action: Action;
  onClose: () => void;
  onDone: (r: RoundDetail) => void;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<{ score?: number; reason?: string; text?: string; items: ItemValues[] }>();
  const { saving, banner, run } = useServerForm(form);
  const { row, kind } = action;
  const version = round.subjects.find((s) => s.id === row.subjectId)?.version ?? 0;
  const save = () =>
    run(async () => {
      const v = await form.validateFields();
      const done =
        kind === 'adjust'
          ? await evaluationsApi.adjust(round.id, row.subjectId, {
              version,
              score: v.score ?? 0,
              reason: v.reason ?? '',
            })
          : kind === 'praise'
            ? await evaluationsApi.praise(round.id, row.subjectId, v.text ?? '')
            : await evaluationsApi.rectify(round.id, row.subjectId, v.items.map(toItemInput));
      message.success(t('ui.evaluations.done'));
      onDone(done);
    });
  const required = [{ required: true, message: t('errors.field.required') }];
  const titleKey = {
    adjust: 'ui.evaluations.adjust',
    praise: 'ui.evaluations.praise',
    rectify: 'ui.evaluations.rectify',
  } as const;
  return (
    <Modal
      open
      width={kind === 'rectify' ? 760 : 520}
      title={
        <Space>
          {t(titleKey[kind])}
          <SubjectName pairingName={row.pairingName} side={row.side} />
        </Space>
      }
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'action-save' }}
    >
      {banner}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ score: row.finalScore ?? undefined, items: [newItemValues()] }}
      >
        {kind === 'adjust' && (
          <>
            <Form.Item name="score" label={t('ui.evaluations.score')} rules={required}>
              <InputNumber min={0} max={100} data-testid="adjust-score" />
            </Form.Item>
            <Form.Item name="reason" label={t('ui.evaluations.adjustReason')} rules={required}>
              <Input.TextArea maxLength={1000} data-testid="adjust-reason" />
            </Form.Item>
          </>
        )}
        {kind === 'praise' && (
          <Form.Item name="text" label={t('ui.evaluations.praiseText')} rules={required}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} data-testid="praise-text" />
          </Form.Item>
        )}
        {kind === 'rectify' && <ItemFields prefix={['items', 0]} pairingId={row.pairingId} />}
      </Form>
    </Modal>
  );
}

/** Scores, ranks and grades of every subject, with the national office's actions on each. */
function RankingTable({ round, onAction }: { round: RoundDetail; onAction: (a: Action) => void }) {
  const { t } = useI18n();
  const scoreText = useScoreText();
  const act = (kind: Action['kind'], row: RankingRow, testId: string) => (
    <Button size="small" onClick={() => onAction({ kind, row })} data-testid={testId}>
      {t(`ui.evaluations.${kind === 'adjust' ? 'adjust' : kind === 'praise' ? 'praise' : 'rectify'}`)}
    </Button>
  );
  return (
    <Table<RankingRow>
      size="small"
      rowKey="subjectId"
      pagination={false}
      dataSource={round.ranking}
      onRow={(r) =>
        ({ 'data-testid': 'ranking-row', 'data-pairing': r.pairingName, 'data-rank': r.rank ?? '' }) as object
      }
      columns={[
        { title: t('ui.evaluations.rank'), dataIndex: 'rank', width: 70 },
        {
          title: t('ui.indicators.pairing'),
          key: 'name',
          render: (_: unknown, r) => <SubjectName pairingName={r.pairingName} side={r.side} />,
        },
        {
          title: t('ui.evaluations.finalScore'),
          key: 'score',
          width: 110,
          render: (_: unknown, r) => scoreText(r.finalScore),
        },
        { title: t('ui.evaluations.grade'), dataIndex: 'grade', width: 80 },
        {
          key: 'actions',
          width: 280,
          render: (_: unknown, r) => (
            <Space>
              {round.can.adjust && act('adjust', r, 'ranking-adjust')}
              {round.can.award && act('praise', r, 'ranking-praise')}
              {round.can.award && act('rectify', r, 'ranking-rectify')}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** One round: its rules, each visible subject in full, and the ranking; the national office closes and publishes. */
export function RoundPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const message = useMessage();
  const round = useApi((signal) => evaluationsApi.get(id, signal), [id]);
  const [action, setAction] = useState<Action | null>(null);
  usePageTitle('ui.evaluations.title', round.data?.title);
  if (round.error) return <ErrorResult error={round.error} onRetry={round.reload} />;
  const r = round.data;
  if (!r) return <Skeleton active />;
  const step = async (kind: 'close' | 'publish') => {
    try {
      round.setData(await evaluationsApi[kind](r.id, r.version));
      message.success(t('ui.evaluations.done'));
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    }
  };
  const scoreRule = (i: RoundDetail['indicators'][number]) =>
    i.rule.kind === 'thresholds'
      ? `${t('ui.evaluations.rules.thresholds')}（${i.rule.steps.map((s) => `${s.bound}:${s.score}`).join(', ')}）`
      : t(`ui.evaluations.rules.${i.rule.kind}`);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/evaluations">{t('ui.evaluations.title')}</Link> }, { title: r.title }]} />
      <Card
        title={
          <Space>
            <Typography.Text strong data-testid="round-title-shown">
              {r.title}
            </Typography.Text>
            <RoundStateTag state={r.state} />
          </Space>
        }
        extra={
          <Space>
            {r.can.close && (
              <Popconfirm title={t('ui.evaluations.closeConfirm')} onConfirm={() => step('close')}>
                <Button data-testid="round-close">{t('ui.evaluations.close')}</Button>
              </Popconfirm>
            )}
            {r.can.publish && (
              <Popconfirm title={t('ui.evaluations.publishConfirm')} onConfirm={() => step('publish')}>
                <Button type="primary" data-testid="round-publish">
                  {t('ui.evaluations.publish')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('ui.evaluations.year')}>{r.year}</Descriptions.Item>
          <Descriptions.Item label={t('ui.evaluations.selfDeadline')}>{r.selfDeadline}</Descriptions.Item>
          <Descriptions.Item label={t('ui.evaluations.submittedCount')}>
            {`${r.submittedCount} / ${r.subjectCount}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.evaluations.gradeScale')} span={3}>
            {r.gradeScale.map((g) => `${g.grade} ≥ ${g.min}`).join('；')}
          </Descriptions.Item>
        </Descriptions>
        <Table
          size="small"
          rowKey="indicatorId"
          pagination={false}
          dataSource={r.indicators}
          columns={[
            {
              title: t('ui.evaluations.indicator'),
              key: 'name',
              render: (_: unknown, i) => pick({ zh: i.nameZh, en: i.nameEn }),
            },
            { title: t('ui.evaluations.weight'), dataIndex: 'weight', width: 80 },
            { title: t('ui.evaluations.rule'), key: 'rule', render: (_: unknown, i) => scoreRule(i) },
            {
              title: t('ui.evaluations.defaultTarget'),
              dataIndex: 'target',
              width: 120,
              render: (v: string | null) => v ?? t('ui.indicators.noValue'),
            },
          ]}
        />
      </Card>
      {r.state !== 'open' && (
        <Card title={t('ui.evaluations.ranking')} data-testid="round-ranking">
          {r.ranking.length ? (
            <RankingTable round={r} onAction={setAction} />
          ) : (
            <Typography.Text type="secondary">{t('ui.evaluations.noRanking')}</Typography.Text>
          )}
        </Card>
      )}
      {r.subjects.map((s) => (
        <SubjectCard key={s.id} round={r} subject={s} onChanged={round.setData} reload={round.reload} />
      ))}
      {action && (
        <ActionModal
          round={r}
          action={action}
          onClose={() => setAction(null)}
          onDone={(next) => {
            setAction(null);
            round.setData(next);
          }}
        />
      )}
    </Space>
  );
}
