import { Empty, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { wanText } from '../../shared/format.ts';
import { periodText } from '../../shared/period.tsx';
import { RecordedAt } from './project-display.tsx';
import type { ProjectDetail } from '../../../common/api/projects.ts';

/** The last day of a reporting period (a month, or a whole year when `month` is null), to order it among dated moves. */
function periodEnd(period: { year: number; month: number | null }): string {
  if (period.month === null) return `${period.year}-12-31`;
  const last = new Date(Date.UTC(period.year, period.month, 0)).getUTCDate();
  return `${period.year}-${String(period.month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

type Move = ProjectDetail['moves'][number];
type Report = ProjectDetail['reports'][number];
type Entry =
  | { kind: 'move'; date: string; recordedAt: string; move: Move }
  | { kind: 'report'; date: string; recordedAt: string; report: Report; correction: boolean };

const MOVE_COLOURS: Record<string, string> = { paused: 'orange', terminated: 'red', producing: 'green' };

/**
 * The project's history in date order: each stage move on its date, each money report at the end of its period,
 * corrections marked (the earlier report stays in the list, as in the record).
 */
export function ProjectTimeline({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const seen = new Set<string>();
  const reports = [...project.reports].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  const entries: Entry[] = [
    ...project.moves.map((move): Entry => ({ kind: 'move', date: move.on, recordedAt: move.recordedAt, move })),
    ...reports.map((report): Entry => {
      const key = `${report.figure}|${report.period.year}|${report.period.month}`;
      const correction = seen.has(key);
      seen.add(key);
      return { kind: 'report', date: periodEnd(report.period), recordedAt: report.recordedAt, report, correction };
    }),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt));

  if (!entries.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.projects.page.timelineEmpty')} />;

  const period = (p: Report['period']) => periodText(p, t);

  return (
    <Timeline
      data-testid="project-timeline"
      items={entries.map((e, i) => {
        if (e.kind === 'move') {
          const m = e.move;
          const text =
            m.from === null
              ? t('ui.projects.page.timelineStart', { stage: t(`domain.projectStages.${m.to}`) })
              : t('ui.projects.page.timelineMove', {
                  from: t(`domain.projectStages.${m.from}`),
                  to: t(`domain.projectStages.${m.to}`),
                });
          return {
            key: `m${i}`,
            color: MOVE_COLOURS[m.to] ?? 'blue',
            title: m.on,
            content: (
              <div data-testid="timeline-item" data-kind="move" data-stage={m.to}>
                <strong>{text}</strong>
                {m.note && <div>{m.note}</div>}
                <RecordedAt at={m.recordedAt} />
              </div>
            ),
          };
        }
        const r = e.report;
        return {
          key: `r${i}`,
          color: 'gray',
          title: period(r.period),
          content: (
            <div data-testid="timeline-item" data-kind="report" data-figure={r.figure}>
              <span>
                {t('ui.projects.page.timelineReport', {
                  figure: t(`ui.projects.figures.${r.figure}`),
                  amount: wanText(r.amount),
                  period: period(r.period),
                })}
              </span>
              {e.correction && <Tag style={{ marginLeft: 8 }}>{t('ui.projects.page.timelineCorrection')}</Tag>}
              {r.overrideReason && (
                <div data-testid="timeline-override">
                  <Typography.Text type="warning">
                    {t('ui.projects.page.timelineOverride', { reason: r.overrideReason })}
                  </Typography.Text>
                </div>
              )}
              <RecordedAt at={r.recordedAt} />
            </div>
          ),
        };
      })}
    />
  );
}
