import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Button, Card, Descriptions, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, PlusOutlined, RollbackOutlined, StepForwardOutlined } from '@ant-design/icons';
import type { Adoption, AdoptionStageView, PracticeDetail } from '../../../common/api/replication.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { AttachmentList } from '../../shared/AttachmentList.tsx';
import { DemoTag } from '../../shared/demo.tsx';
import { PracticeFormDrawer } from './PracticeFormDrawer.tsx';
import { replicationApi } from './replication.api.ts';
import { StageTag } from './replication-display.tsx';
import { AdoptionEditModal } from './AdoptionEditModal.tsx';
import { StageModal } from './StageModal.tsx';
import { WithdrawModal } from './WithdrawModal.tsx';

function PracticeFacts({ practice }: { practice: PracticeDetail }) {
  const { t } = useI18n();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="practice-facts">
      <Descriptions.Item label={t('ui.replication.pairing')}>
        <Link to={`/pairings/${practice.pairingId}`}>{practice.pairingName}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.replication.sourceRegion')}>
        {practice.sourceRegionName}（{t(`domain.sides.${practice.sourceSide}`)}）
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.replication.sourceDoc')} span={2}>
        {practice.sourceDocTitle ? (
          <Space size={8} wrap>
            {practice.sourceLink ? (
              <a href={practice.sourceLink} target="_blank" rel="noopener noreferrer">
                {practice.sourceDocTitle}
              </a>
            ) : (
              practice.sourceDocTitle
            )}
            {practice.sourceDocNumber && <Typography.Text type="secondary">{practice.sourceDocNumber}</Typography.Text>}
            {practice.sourceDocDate && <Typography.Text type="secondary">{practice.sourceDocDate}</Typography.Text>}
          </Space>
        ) : (
          none
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ui.replication.description')} span={2}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {practice.description}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** One stage of the timeline: its date, local document and files (kept by whoever keeps the adoption). */
function StageEntry({
  stage,
  editable,
  onChanged,
}: {
  stage: AdoptionStageView;
  editable: boolean;
  onChanged: (saved: PracticeDetail) => void;
}) {
  const { t } = useI18n();
  return (
    <div data-testid="stage-entry" data-stage={stage.stage} data-withdrawn={String(stage.withdrawn)}>
      <Space size={8} wrap>
        <StageTag stage={stage.stage} />
        <Typography.Text delete={stage.withdrawn}>{stage.reachedOn}</Typography.Text>
        {stage.recordedBy && (
          <Typography.Text type="secondary">
            {t('ui.replication.recordedBy', { name: stage.recordedBy })}
          </Typography.Text>
        )}
      </Space>
      {stage.withdrawn && (
        <div>
          <Typography.Text type="warning">
            {t('ui.replication.withdrawn', { reason: stage.withdrawnReason ?? '' })}
          </Typography.Text>
        </div>
      )}
      {stage.note && <Typography.Paragraph style={{ margin: '4px 0' }}>{stage.note}</Typography.Paragraph>}
      {(stage.docTitle || stage.docNumber) && (
        <div data-testid="stage-document">
          {stage.docTitle} {stage.docNumber && <Tag>{stage.docNumber}</Tag>}
          {stage.docDate && <Typography.Text type="secondary">{stage.docDate}</Typography.Text>}
        </div>
      )}
      {(editable || stage.attachments.length > 0) && (
        <div style={{ marginTop: 8 }}>
          <AttachmentList
            attachments={stage.attachments}
            editable={editable && !stage.withdrawn}
            testId={`stage-files-${stage.stage}`}
            actions={{
              upload: async (file) => onChanged(await replicationApi.uploadStageFile(stage.id, file)),
              download: (a) => replicationApi.downloadStageFile(stage.id, a.id),
              remove: async (a) => onChanged(await replicationApi.removeStageFile(stage.id, a.id)),
            }}
          />
        </div>
      )}
    </div>
  );
}

function AdoptionCard({
  adoption,
  onAdvance,
  onWithdraw,
  onEdit,
  onChanged,
}: {
  adoption: Adoption;
  onAdvance: () => void;
  onWithdraw: () => void;
  onEdit: () => void;
  onChanged: (saved: PracticeDetail) => void;
}) {
  const { t } = useI18n();
  const standing = adoption.stages.filter((s) => !s.withdrawn).length;
  return (
    <Card
      size="small"
      data-testid="adoption-card"
      data-id={adoption.id}
      data-stage={adoption.stage}
      title={
        <Space wrap>
          <span>{adoption.adopterName}</span>
          <Typography.Text type="secondary">{adoption.regionName}</Typography.Text>
          <StageTag stage={adoption.stage} />
        </Space>
      }
      extra={
        adoption.canManage && (
          <Space>
            <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="adoption-edit">
              {t('ui.replication.editAdoption')}
            </Button>
            {adoption.stage !== 'institutionalised' && (
              <Button size="small" icon={<StepForwardOutlined />} onClick={onAdvance} data-testid="adoption-advance">
                {t('ui.replication.advance')}
              </Button>
            )}
            {standing > 1 && (
              <Button size="small" icon={<RollbackOutlined />} onClick={onWithdraw} data-testid="adoption-withdraw">
                {t('ui.replication.withdraw')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {adoption.results && (
        <Typography.Paragraph>
          <Typography.Text strong>{t('ui.replication.results')}：</Typography.Text>
          {adoption.results}
        </Typography.Paragraph>
      )}
      <Typography.Text strong>{t('ui.replication.timeline')}</Typography.Text>
      <Timeline
        style={{ marginTop: 12 }}
        items={adoption.stages.map((s) => ({
          key: s.id,
          color: s.withdrawn ? 'gray' : 'blue',
          content: <StageEntry stage={s} editable={adoption.canManage} onChanged={onChanged} />,
        }))}
      />
    </Card>
  );
}

/** A practice: where it comes from, and each adopting unit's way through 学习借鉴 → 试点 → 推广 → 制度化. */
export function PracticePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const message = useMessage();
  const { data: practice, error, loading, reload, setData } = useApi((signal) => replicationApi.get(id, signal), [id]);
  usePageTitle('ui.replication.detailTitle', practice?.title);
  const [editing, setEditing] = useState(false);
  const [adopting, setAdopting] = useState(false);
  const [advancing, setAdvancing] = useState<Adoption | null>(null);
  const [withdrawing, setWithdrawing] = useState<Adoption | null>(null);
  const [editingAdoption, setEditingAdoption] = useState<Adoption | null>(null);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !practice) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!practice) return null;
  const saved = (text: string) => (p: PracticeDetail) => {
    setData(p);
    setAdopting(false);
    setAdvancing(null);
    setWithdrawing(null);
    setEditingAdoption(null);
    message.success(text);
  };

  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: 16 }}
      data-testid="practice-page"
      data-id={practice.id}
    >
      <Breadcrumb
        items={[{ title: <Link to="/replication">{t('ui.replication.title')}</Link> }, { title: practice.title }]}
      />
      <Card
        title={
          <Space wrap>
            <span data-testid="practice-title-shown">{practice.title}</span>
            <Tag>{t(`domain.practiceCategories.${practice.category}`)}</Tag>
            <DemoTag isDemo={practice.isDemo} />
          </Space>
        }
        extra={
          practice.canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="practice-edit">
              {t('ui.replication.edit')}
            </Button>
          )
        }
      >
        <PracticeFacts practice={practice} />
      </Card>
      <Card
        title={t('ui.replication.adoptions')}
        extra={
          practice.canAdopt && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdopting(true)} data-testid="adoption-add">
              {t('ui.replication.addAdoption')}
            </Button>
          )
        }
      >
        {practice.adoptions.length === 0 ? (
          <Empty description={t('ui.replication.adoptionsEmpty')} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            {practice.adoptions.map((a) => (
              <AdoptionCard
                key={a.id}
                adoption={a}
                onAdvance={() => setAdvancing(a)}
                onWithdraw={() => setWithdrawing(a)}
                onEdit={() => setEditingAdoption(a)}
                onChanged={setData}
              />
            ))}
          </Space>
        )}
      </Card>
      {editing && (
        <PracticeFormDrawer
          practice={practice}
          onClose={() => setEditing(false)}
          onSaved={(p) => {
            setEditing(false);
            setData(p);
          }}
        />
      )}
      {adopting && (
        <StageModal
          practice={practice}
          onClose={() => setAdopting(false)}
          onSaved={saved(t('ui.replication.adopted'))}
        />
      )}
      {advancing && (
        <StageModal
          practice={practice}
          adoption={advancing}
          onClose={() => setAdvancing(null)}
          onSaved={saved(t('ui.replication.advanced'))}
        />
      )}
      {editingAdoption && (
        <AdoptionEditModal
          adoption={editingAdoption}
          onClose={() => setEditingAdoption(null)}
          onSaved={saved(t('ui.replication.adoptionSaved'))}
        />
      )}
      {withdrawing && (
        <WithdrawModal
          adoption={withdrawing}
          onClose={() => setWithdrawing(null)}
          onSaved={saved(t('ui.replication.withdrawDone'))}
        />
      )}
    </div>
  );
}
