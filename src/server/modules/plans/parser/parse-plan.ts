import { readHeader } from './header.ts';
import { normalisePlanText, type NormalisedText } from './normalise.ts';
import { RegionMatcher } from './region-mentions.ts';
import { buildSkeleton, type SkeletonSection } from './structure.ts';
import { findUnits } from './units.ts';
import { findSubPairs, type PairContext } from './sub-pairs.ts';
import { extractTargets } from './targets.ts';
import type { ParsedPlan, ParsePlanDeps, PlanSection, RegionRef, SubPair } from './types.ts';

export interface ParsedPlanWithSource {
  plan: ParsedPlan;
  /** The normalised text the plan's line numbers refer to, with each line's source lines. */
  normalised: NormalisedText;
}

/**
 * The two sides named in the title, north-eastern side first: "吉林省与浙江省对口合作实施方案", "2026年吉林省与浙江省对口合作
 * 工作要点", "长春市与天津市2026年对口合作工作要点", "吉林省、浙江省对口合作…", "长春—天津对口合作工作方案".
 */
function readSides(title: string, matcher: RegionMatcher): RegionRef[] {
  const head = /^(.+?)(?:对口合作|结对|合作|对口)/.exec(title.replace(/\d{4}年度?|（[^）]*）|\([^)]*\)/g, ''))?.[1];
  if (!head) return [];
  let parts = head.split(/与|和|同|、|—|－|-|·/).filter(Boolean);
  if (parts.length === 1) {
    // 长春市天津市: two names with nothing between them.
    const ms = matcher.find(head);
    if (ms.length === 2 && ms[0].start === 0 && ms[0].end === ms[1].start && ms[1].end === head.length)
      parts = [head.slice(0, ms[0].end), head.slice(ms[1].start)];
  }
  if (parts.length !== 2) return [];
  const resolve = (name: string) => {
    const hits = matcher.find(name);
    const rec =
      hits.length === 1 && hits[0].start === 0 && hits[0].end === name.length
        ? hits[0].record
        : matcher.byShortName(name);
    return { ref: { name, code: rec?.code ?? null }, ne: rec ? matcher.isNorthEast(rec) : null };
  };
  const [a, b] = parts.map(resolve);
  return a.ne === false && b.ne === true ? [b.ref, a.ref] : [a.ref, b.ref];
}

function mapSection(s: SkeletonSection, ctx: PairContext): PlanSection {
  const tasks = s.tasks.map((t) => ({
    no: t.no,
    title: t.title,
    text: t.text,
    line: t.line,
    endLine: t.endLine,
    targets: extractTargets(t.text, ctx.matcher.find(t.text)),
    subPairs: findSubPairs(t.text, ctx),
    units: findUnits(t.text, ctx),
  }));
  const subPairs = s.body.flatMap((t) => findSubPairs(t, ctx));
  const head = { no: s.no, title: s.title, level: s.level, line: s.line, subPairs };
  // Key order follows the documented shape: …, subPairs, children?, tasks.
  return s.children.length > 0
    ? { ...head, children: s.children.map((c) => mapSection(c, ctx)), tasks }
    : { ...head, tasks };
}

export function parsePlanWithSource(text: string, deps: ParsePlanDeps): ParsedPlanWithSource {
  const normalised = normalisePlanText(text);
  const skeleton = buildSkeleton(normalised.lines);
  const header = readHeader(normalised.lines, skeleton.bodyStart);
  const matcher = new RegionMatcher(deps.regions);
  const sides = header.kind === 'national' ? [] : readSides(header.title, matcher);
  const ctx: PairContext = {
    matcher,
    sideCodes: sides.length === 2 ? [sides[0].code, sides[1].code] : null,
  };
  const plan: ParsedPlan = {
    title: header.title,
    docNo: header.docNo,
    kind: header.kind,
    sides,
    subPairs: [...header.preamble, ...skeleton.preamble].flatMap((t) => findSubPairs(t, ctx)),
    sections: skeleton.sections.map((s) => mapSection(s, ctx)),
    measures: skeleton.measures,
  };
  return { plan, normalised };
}

/** Parses the text of a plan (实施方案, 工作方案, 年度工作计划 …) into its title, sides, sections, tasks and measures. */
export function parsePlan(text: string, deps: ParsePlanDeps): ParsedPlan {
  return parsePlanWithSource(text, deps).plan;
}

/**
 * Every sub-pair of a plan, wherever the text names it, in document order, with the line of the section or task
 * that names it (null for the preamble's).
 */
export function locatedSubPairs(plan: ParsedPlan): { pair: SubPair; line: number | null }[] {
  const out: { pair: SubPair; line: number | null }[] = plan.subPairs.map((pair) => ({ pair, line: null }));
  const walk = (s: PlanSection) => {
    for (const pair of s.subPairs) out.push({ pair, line: s.line });
    for (const t of s.tasks) for (const pair of t.subPairs) out.push({ pair, line: t.line });
    for (const c of s.children ?? []) walk(c);
  };
  plan.sections.forEach(walk);
  return out;
}

export function allSubPairs(plan: ParsedPlan): SubPair[] {
  return locatedSubPairs(plan).map((l) => l.pair);
}

/** Every task of a plan in document order. */
export function allTasks(plan: ParsedPlan): PlanSection['tasks'] {
  const out: PlanSection['tasks'] = [];
  const walk = (s: PlanSection) => {
    out.push(...s.tasks);
    for (const c of s.children ?? []) walk(c);
  };
  plan.sections.forEach(walk);
  return out;
}
