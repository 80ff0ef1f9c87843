import { parsePlanWithSource, type ParsedPlanWithSource } from '../../src/server/modules/plans/parser/index.ts';
import type { PlanSection } from '../../src/server/modules/plans/parser/types.ts';
import { planRegions } from '../../src/server/modules/plans/plan-preview.service.ts';
import { seedText } from '../../src/server/modules/plans/parser/test-support/seeds.ts';

const DIGITS = '零一二三四五六七八九';

/** 1–99 as a section numeral (一, 十二, 六十八). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error(`no numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens > 1 ? DIGITS[tens] : '') + (tens ? '十' : '') + (ones ? DIGITS[ones] : '');
}

/** The 吉林—浙江 seed plan as the parser reads it: its lines, its task section and its safeguards section. */
function seedShape() {
  const { plan, normalised } = parsePlanWithSource(seedText('jilinZhejiang'), { regions: planRegions() });
  const lines = normalised.lines.map((l) => l.text);
  const taskSection = plan.sections.find((s) => (s.children ?? []).some((c) => c.tasks.length));
  const measuresSection = plan.sections.at(-1);
  if (!taskSection?.children || !measuresSection || measuresSection === taskSection)
    throw new Error('the 吉林—浙江 seed plan no longer has the shape the generator expects');
  const tasks = taskSection.children.flatMap((c: PlanSection) =>
    c.tasks.map((t) => ({ section: c.title, text: t.text })),
  );
  return {
    title: plan.title,
    lines,
    taskSection,
    firstChildLine: taskSection.children[0]!.line,
    measuresLine: measuresSection.line,
    tasks,
  };
}

let shape: ReturnType<typeof seedShape> | undefined;

/**
 * A plan of `tasks` numbered tasks with the real 吉林—浙江 plan's wording: its preamble, its liaison section naming
 * the city sub-pairs, then its 39 clauses (with their targets and sub-pairs) repeated under their own sub-section
 * titles and numbered on (from 1 again in each top-level section beyond 300 tasks), two rounds per top-level section
 * (重点任务, 重点任务（续一）, …), then its safeguards.
 * The parser must find exactly `tasks` tasks in it, or this throws.
 */
export function generatedPlan(opts: { title: string; tasks: number }): { text: string; parsed: ParsedPlanWithSource } {
  shape ??= seedShape();
  const s = shape;
  const perTop = 2 * s.tasks.length;
  const out = s.lines.slice(0, s.taskSection.line).map((l) => (l === s.title ? opts.title : l));
  if (!out.includes(opts.title)) throw new Error('the seed plan has no title line to replace');
  out.push(...s.lines.slice(s.taskSection.line, s.firstChildLine - 1));
  let top =
    Number(/^(\d+)/.exec(String(s.taskSection.no))?.[1] ?? 0) ||
    s.lines.slice(0, s.taskSection.line).filter((l) => /^[一二三四五六七八九十]+、/.test(l)).length;
  // The parser reads at most 300 as a task number (markers.ts); a longer plan numbers its tasks again from 1 in each
  // top-level section, as the national plan restarts in each of its sections, and its task codes carry the section path.
  const restart = opts.tasks > 300;
  let sub = 0;
  let lastKey = '';
  for (let i = 0; i < opts.tasks; i++) {
    if (i > 0 && i % perTop === 0) {
      top++;
      out.push(`${chineseNumeral(top)}、${s.taskSection.title}（续${chineseNumeral(i / perTop)}）`);
      sub = 0;
      lastKey = '';
    }
    const seed = s.tasks[i % s.tasks.length]!;
    const key = `${Math.floor(i / s.tasks.length)}|${seed.section}`;
    if (key !== lastKey) {
      out.push(`（${chineseNumeral(++sub)}）${seed.section}`);
      lastKey = key;
    }
    out.push(`${restart ? (i % perTop) + 1 : i + 1}．${seed.text}`);
  }
  const tail = s.lines.slice(s.measuresLine - 1);
  out.push(tail[0]!.replace(/^[一二三四五六七八九十]+、/, `${chineseNumeral(top + 1)}、`), ...tail.slice(1));
  const text = out.join('\n');
  const parsed = parsePlanWithSource(text, { regions: planRegions() });
  let found = 0;
  const count = (x: PlanSection) => {
    found += x.tasks.length;
    (x.children ?? []).forEach(count);
  };
  parsed.plan.sections.forEach(count);
  if (found !== opts.tasks || parsed.plan.title !== opts.title) {
    throw new Error(
      `generated plan parsed to ${found} tasks titled ${parsed.plan.title}, expected ${opts.tasks} titled ${opts.title}`,
    );
  }
  return { text, parsed };
}
