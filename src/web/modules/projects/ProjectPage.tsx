import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Button, Card, Col, Descriptions, Row, Skeleton, Space, Statistic, Steps, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { AttachmentList } from '../../shared/AttachmentList.tsx';
import { PublicationCard } from '../../shared/PublicationCard.tsx';
import { ProjectMarks, StageTag, WanAmount } from './project-display.tsx';
import { usePairingTasks } from '../tasks/use-pairing-tasks.ts';
import { FigureReportForm } from './FigureReportForm.tsx';
import { ProjectTimeline } from './ProjectTimeline.tsx';
import { StageMoveModal } from './StageMoveModal.tsx';
import { projectsApi } from './projects.api.ts';
import { MONEY_FIGURES, PIPELINE_STAGES, type ProjectStage, SUPPORT_KINDS } from '../../../common/api/enums.ts';
import type { ProjectDetail } from '../../../common/api/projects.ts';
import { PrintButton } from '../../shared/PrintButton.tsx';

/** The stage on the pipeline, the legal next moves as buttons (and only those), and the stop states. */
function StageCard({
  project,
  canManage,
  onMove,
}: {
  project: ProjectDetail;
  canManage: boolean;
  onMove: (to: ProjectStage) => void;
}) {
  const { t } = useI18n();
  const shown = project.stage === 'paused' || project.stage === 'terminated' ? project.furthestStage : project.stage;
  const current = PIPELINE_STAGES.indexOf(shown as (typeof PIPELINE_STAGES)[number]);
  const dated: Partial<Record<ProjectStage, string>> = {};
  for (const m of project.moves) dated[m.to] ??= m.on;
  const stopped = project.stage === 'paused' || project.stage === 'terminated';
  return (
    <Card
      size="small"
      title={t('ui.projects.page.stageTitle')}
      extra={<StageTag stage={project.stage} />}
      data-testid="stage-card"
      data-stage={project.stage}
    >
      <Steps
        size="small"
        current={current}
        status={
          project.stage === 'terminated'
            ? 'error'
            : project.stage === 'paused'
              ? 'wait'
              : project.stage === 'producing'
                ? 'finish'
                : 'process'
        }
        items={PIPELINE_STAGES.map((s) => ({ title: t(`domain.projectStages.${s}`), description: dated[s] ?? '' }))}
        style={{ marginBottom: 16 }}
      />
      {project.stage === 'paused' && project.pausedFrom && (
        <Typography.Paragraph type="warning">
          {t('ui.projects.page.pausedFrom', { stage: t(`domain.projectStages.${project.pausedFrom}`) })}
        </Typography.Paragraph>
      )}
      {canManage &&
        (project.nextStages.length ? (
          <Space wrap data-testid="next-moves">
            <Typography.Text type="secondary">{t('ui.projects.page.nextMoves')}</Typography.Text>
            {project.nextStages.map((to) => {
              const resume = project.stage === 'paused' && to === project.pausedFrom;
              const stop = to === 'paused' || to === 'terminated';
              return (
                <Button
                  key={to}
                  type={stop ? 'default' : 'primary'}
                  danger={to === 'terminated'}
                  onClick={() => onMove(to)}
                  data-testid={`move-${to}`}
                >
                  {to === 'paused'
                    ? t('ui.projects.page.pause')
                    : to === 'terminated'
                      ? t('ui.projects.page.terminate')
                      : t(resume ? 'ui.projects.page.resumeTo' : 'ui.projects.page.moveTo', {
                          stage: t(`domain.projectStages.${to}`),
                        })}
                </Button>
              );
            })}
          </Space>
        ) : (
          <Typography.Text type="secondary" data-testid="no-moves">
            {t('ui.projects.page.noMoves', { stage: t(`domain.projectStages.${stopped ? project.stage : shown}`) })}
          </Typography.Text>
        ))}
    </Card>
  );
}

function FiguresCard({
  project,
  canManage,
  onReported,
}: {
  project: ProjectDetail;
  canManage: boolean;
  onReported: (p: ProjectDetail) => void;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('ui.projects.page.figuresTitle')} data-testid="figures-card">
      <Typography.Paragraph type="secondary">{t('ui.projects.page.figuresHint')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {MONEY_FIGURES.map((figure) => (
          <Col key={figure} xs={12} md={6}>
            <Card size="small" style={{ height: '100%' }}>
              <Statistic
                title={t(`ui.projects.figures.${figure}`)}
                valueRender={() => <WanAmount value={project.figures[figure]} testId={`figure-${figure}`} />}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {canManage && project.stage !== 'terminated' && <FigureReportForm project={project} onReported={onReported} />}
    </Card>
  );
}

function LinkedTasks({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const { data } = usePairingTasks(project.pairingId, project.taskIds.length > 0);
  if (!project.taskIds.length) return <>{t('ui.projects.page.tasksNone')}</>;
  const byId = new Map((data ?? []).map((task) => [task.id, task]));
  return (
    <Space orientation="vertical" size={0} data-testid="project-tasks-list">
      {project.taskIds.map((id) => {
        const task = byId.get(id);
        return (
          <Link key={id} to={`/tasks/${id}`}>
            {task ? `${task.code} ${task.title}` : id}
          </Link>
        );
      })}
    </Space>
  );
}

/** 项目详情: the project's fields, its stage with the legal next moves, money per period, and its history. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const message = useMessage();
  const {
    data: project,
    error,
    loading,
    reload,
    setData: setLatest,
  } = useApi((signal) => projectsApi.get(id, signal), [id]);
  const [moving, setMoving] = useState<ProjectStage | null>(null);
  usePageTitle('ui.projects.ledgerTitle', project?.title);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !project) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!project) return null;
  const canManage = can('project.manage');
  const dash = '—';

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="project-page"
      data-project-id={project.id}
    >
      <Breadcrumb
        items={[{ title: <Link to="/projects">{t('ui.projects.ledgerTitle')}</Link> }, { title: project.title }]}
      />
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="project-title">
          {project.title}
        </Typography.Title>
        <StageTag stage={project.stage} />
        <ProjectMarks project={project} />
        <div style={{ flex: 1 }} />
        <PrintButton />
        {canManage && (
          <Link to={`/projects/${project.id}/edit`}>
            <Button icon={<EditOutlined />} data-testid="project-edit">
              {t('ui.projects.page.editButton')}
            </Button>
          </Link>
        )}
      </div>

      <Card size="small" title={t('ui.projects.page.basics')}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="project-fields">
          <Descriptions.Item label={t('ui.projects.fields.pairing')}>
            <Link to={`/pairings/${project.pairingId}`}>{project.pairingName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.side')}>
            {t(`domain.sides.${project.side}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.investor')}>{project.investor}</Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.investorRegion')}>
            {project.investorRegion?.name ?? dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.hostRegion')}>{project.hostRegion.name}</Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.park')}>{project.park?.name ?? dash}</Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.industryShort')}>
            {project.industryName
              ? `${[project.industrySection, project.industryDivision].filter(Boolean).join('')} ${project.industryName}`
              : dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.type')}>
            {t(`domain.projectTypes.${project.type}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.projectCode')}>
            <span data-testid="project-code">{project.projectCode ?? dash}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.event')}>{project.event?.title ?? dash}</Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.contactName')}>
            {project.contactName ?? dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.contactPhone')}>
            {project.contactPhone ?? dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.support')} span={3}>
            {SUPPORT_KINDS.some((k) => project.support[k]) ? (
              <Space wrap size={16}>
                {SUPPORT_KINDS.filter((k) => project.support[k]).map((k) => (
                  <span key={k}>
                    {t('ui.projects.page.labelled', { label: t(`domain.supportKinds.${k}`) })}
                    <WanAmount value={project.support[k]!} />
                  </span>
                ))}
              </Space>
            ) : (
              t('ui.projects.page.supportNone')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.projects.fields.tasks')} span={3}>
            <LinkedTasks project={project} />
          </Descriptions.Item>
          {project.note && (
            <Descriptions.Item label={t('ui.projects.fields.note')} span={3}>
              {project.note}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <StageCard project={project} canManage={canManage} onMove={setMoving} />
            <FiguresCard project={project} canManage={canManage} onReported={setLatest} />
            <Card size="small" title={t('ui.attachments.title')}>
              <AttachmentList
                attachments={project.attachments}
                editable={canManage}
                testId="project-attachments"
                actions={{
                  upload: async (file) => setLatest(await projectsApi.uploadAttachment(project.id, file)),
                  download: (a) => projectsApi.downloadAttachment(project.id, a.id),
                  remove: async (a) => setLatest(await projectsApi.removeAttachment(project.id, a.id)),
                }}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PublicationCard
              publishedAt={project.publishedAt}
              publicSummary={project.publicSummary}
              publicHref={`/public/projects/${project.id}`}
              canPublish={can('project.publish')}
              onPublish={async (summary) => setLatest(await projectsApi.publish(project.id, project.version, summary))}
              onUnpublish={async () => setLatest(await projectsApi.unpublish(project.id, project.version))}
            />
            <Card size="small" title={t('ui.projects.page.timelineTitle')}>
              <ProjectTimeline project={project} />
            </Card>
          </Space>
        </Col>
      </Row>

      {moving && (
        <StageMoveModal
          project={project}
          to={moving}
          onClose={() => setMoving(null)}
          onMoved={(moved) => {
            setMoving(null);
            setLatest(moved);
            message.success(t('ui.projects.page.moved', { stage: t(`domain.projectStages.${moved.stage}`) }));
          }}
        />
      )}
    </Space>
  );
}
