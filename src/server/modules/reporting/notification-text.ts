import type { NotificationKind } from '../../../common/api/reporting.ts';

type Params = Record<string, string | number>;

/**
 * The words of a notice in both languages, made when it is read (not stored), so a wording change reaches old
 * notices too; the facts are stored with the notice.
 */
const TEXTS: Record<NotificationKind, (p: Params) => [string, string]> = {
  due_soon: (p) => [
    `${p.periodLabel}任务 ${p.taskCode}「${p.taskTitle}」的进展报告将于 ${p.dueOn} 截止，还剩 ${p.daysLeft} 天，请按时填报。`,
    `Progress report for task ${p.taskCode} "${p.taskTitle}" (${p.periodLabelEn}) is due on ${p.dueOn}, in ${p.daysLeft} day(s).`,
  ],
  overdue: (p) => [
    `${p.periodLabel}任务 ${p.taskCode}「${p.taskTitle}」的进展报告已逾期 ${p.daysOverdue} 天（截止 ${p.dueOn}），请尽快填报。`,
    `Progress report for task ${p.taskCode} "${p.taskTitle}" (${p.periodLabelEn}) is ${p.daysOverdue} day(s) overdue (due ${p.dueOn}).`,
  ],
  returned: (p) => [
    `${p.periodLabel}任务 ${p.taskCode}「${p.taskTitle}」的进展报告被退回：${p.comment}。请修改后重新提交。`,
    `Progress report for task ${p.taskCode} "${p.taskTitle}" (${p.periodLabelEn}) was returned: ${p.comment}. Correct it and submit again.`,
  ],
};

export function notificationText(kind: NotificationKind, params: Params): { zh: string; en: string } {
  const [zh, en] = TEXTS[kind](params);
  return { zh, en };
}
