import { allTasks } from '../parse-plan.ts';
import type { ParsedPlan } from '../types.ts';

/** What must not change when the same plan arrives wrapped, paginated or typeset differently: all but line numbers. */
export function planContent(plan: ParsedPlan) {
  const sections = (list: ParsedPlan['sections']): unknown[] =>
    list.map((s) => ({
      no: s.no,
      title: s.title,
      level: s.level,
      subPairs: s.subPairs,
      children: sections(s.children ?? []),
    }));
  return {
    title: plan.title,
    docNo: plan.docNo,
    kind: plan.kind,
    sides: plan.sides,
    subPairs: plan.subPairs,
    sections: sections(plan.sections),
    tasks: allTasks(plan).map(({ no, title, text, targets, subPairs }) => ({ no, title, text, targets, subPairs })),
    measures: plan.measures.map(({ no, title, text }) => ({ no, title, text })),
  };
}
