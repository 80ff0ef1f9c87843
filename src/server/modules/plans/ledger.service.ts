import { type Locale, translate } from '../../../common/i18n/messages.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { ledgerColumnsOf } from '../tasks/plan-tasks.service.ts';
import { planDetail } from './plans.service.ts';
import { presentPlanDetail } from './plans.presenter.ts';
import { buildLedger, type LedgerExtras } from './ledger-export.ts';
import type { PlanDetail } from '../../../common/api/plans.ts';
import { chinaToday, dateString } from '../../kernel/dates.ts';

function visibleTaskIds(plan: PlanDetail): string[] {
  const ids = plan.tasks.map((t) => t.id);
  const walk = (s: PlanDetail['sections'][number]) => {
    ids.push(...s.tasks.map((t) => t.id));
    s.children.forEach(walk);
  };
  plan.sections.forEach(walk);
  return ids;
}

/** Progress as the ledger shows it: the office's note, then each milestone with its date. */
function progressText(note: string | null, milestones: { title: string; dueOn: unknown; doneOn: unknown }[]): string {
  const lines = note ? [note] : [];
  for (const m of milestones) {
    const done = dateString(m.doneOn);
    lines.push(
      done ? `✓ ${m.title}（${done} 完成）` : `○ ${m.title}${m.dueOn ? `（计划 ${dateString(m.dueOn)}）` : ''}`,
    );
  }
  return lines.join('\n');
}

/** The 任务台账 of a plan the actor may see, with the tasks it may see; the download is audited. */
export async function exportLedger(
  ctx: AuthedContext,
  planId: string,
  locale: Locale = 'zh-CN',
): Promise<{ fileName: string; buffer: Buffer }> {
  const today = chinaToday();
  const plan = presentPlanDetail(await planDetail(ctx, planId));
  const ids = visibleTaskIds(plan);
  const extras: LedgerExtras = { texts: new Map(), targets: new Map(), progress: new Map() };
  for (const [id, c] of await ledgerColumnsOf(ctx, ids)) {
    extras.texts.set(id, c.text);
    extras.targets.set(id, c.targets);
    extras.progress.set(id, progressText(c.progressNote, c.milestones));
  }
  const buffer = await buildLedger(plan, extras, today, locale);
  await auditStandalone(ctx, {
    action: 'plan.ledger_export',
    result: 'success',
    objectType: 'plan',
    objectId: planId,
    details: { title: plan.title, versionNo: plan.versionNo, tasks: ids.length },
  });
  return { fileName: `${translate(locale, 'ui.output.taskLedger.file', { plan: plan.title })}.xlsx`, buffer };
}
