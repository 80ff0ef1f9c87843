import { inArray } from 'drizzle-orm';
import type { AuthedContext } from '../../http/context.ts';
import { notFound } from '../../http/app-error.ts';
import { auditStandalone } from '../../kernel/audit/audit-writer.ts';
import { tasks } from '../tasks/tasks.tables.ts';
import { targetsOf, milestonesOf } from '../tasks/tasks.repository.ts';
import { targetText } from '../tasks/target-text.ts';
import { findPlan } from './plans.repository.ts';
import { presentPlanDetail } from './plans.presenter.ts';
import { buildLedger, type LedgerExtras } from './ledger-export.ts';
import type { PlanDetail } from '../../../common/api/plans.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { dateString } from '../../kernel/dates.ts';

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
export async function exportLedger(ctx: AuthedContext, planId: string): Promise<{ fileName: string; buffer: Buffer }> {
  const today = chinaToday();
  const row = await findPlan(ctx.db, ctx.actor, planId, today);
  if (!row) throw notFound();
  const plan = await presentPlanDetail(ctx.db, ctx.actor, row, today);
  const ids = visibleTaskIds(plan);
  const [texts, targets, milestones] = await Promise.all([
    ids.length
      ? ctx.db
          .select({ id: tasks.id, text: tasks.text, progressNote: tasks.progressNote })
          .from(tasks)
          .where(inArray(tasks.id, ids))
      : Promise.resolve([]),
    targetsOf(ctx.db, ids),
    milestonesOf(ctx.db, ids),
  ]);
  const extras: LedgerExtras = { texts: new Map(), targets: new Map(), progress: new Map() };
  for (const t of targets) extras.targets.set(t.taskId, [...(extras.targets.get(t.taskId) ?? []), targetText(t)]);
  for (const t of texts) {
    extras.texts.set(t.id, t.text);
    extras.progress.set(
      t.id,
      progressText(
        t.progressNote,
        milestones.filter((m) => m.taskId === t.id),
      ),
    );
  }
  const buffer = await buildLedger(plan, extras, today);
  await auditStandalone(ctx, {
    action: 'plan.ledger_export',
    result: 'success',
    objectType: 'plan',
    objectId: planId,
    details: { title: plan.title, versionNo: plan.versionNo, tasks: ids.length },
  });
  return { fileName: `${plan.title}任务台账.xlsx`, buffer };
}
