import { Space, Tag, Typography } from 'antd';
import { DemoTag } from '../../shared/demo.tsx';
import { formatDateTime, wanText, yiText } from '../../shared/format.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { ProjectStage } from '../../../common/api/enums.ts';
import type { ProjectSummary } from '../../../common/api/projects.ts';

const STAGE_COLOURS: Record<ProjectStage, string> = {
  planning: 'default',
  signed: 'blue',
  sited: 'cyan',
  started: 'orange',
  producing: 'green',
  paused: 'gold',
  terminated: 'red',
};

export function StageTag({ stage }: { stage: ProjectStage }) {
  const { t } = useI18n();
  return (
    <Tag color={STAGE_COLOURS[stage]} data-testid="stage-tag" data-stage={stage}>
      {t(`domain.projectStages.${stage}`)}
    </Tag>
  );
}

/** Demo, landmark and green-channel marks of a project; demo data is always marked as such. */
export function ProjectMarks({ project }: { project: Pick<ProjectSummary, 'isDemo' | 'landmark' | 'greenChannel'> }) {
  const { t } = useI18n();
  if (!project.isDemo && !project.landmark && !project.greenChannel) return null;
  return (
    <Space size={2} wrap>
      <DemoTag isDemo={project.isDemo} />
      {project.landmark && <Tag color="volcano">{t('ui.projects.landmark')}</Tag>}
      {project.greenChannel && <Tag color="green">{t('ui.projects.greenChannel')}</Tag>}
    </Space>
  );
}

/** An amount in 万元, with its 亿元 reading beneath when it is that large. */
export function WanAmount({ value, testId }: { value: string; testId?: string }) {
  const { t } = useI18n();
  const yi = yiText(value);
  return (
    <span data-testid={testId} data-value={value}>
      {wanText(value)}
      {yi && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('ui.projects.yiValue', { value: yi })}</div>}
    </span>
  );
}

/** When an entry of the record was made, beneath it. */
export function RecordedAt({ at }: { at: string }) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ui.projects.page.recordedAt', { at: formatDateTime(at) })}
      </Typography.Text>
    </div>
  );
}

/** A rate as the API gives it ("33.90"), with its per-cent sign, or a dash when there is nothing to divide by. */
export function formatRate(value: string | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value}%`;
}
