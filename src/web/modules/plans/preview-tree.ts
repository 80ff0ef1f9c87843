import type { ImportKind, Side, UnitRole } from '../../../common/api/enums.ts';
import type { ImportPlanBody, ParsedSubPair, PlanPreview, SubPairSuggestion } from '../../../common/api/plans.ts';
import type { TargetBody } from '../../../common/api/tasks.ts';
import type { EditableTarget } from './TargetEditor.tsx';

/*
 * The preview's section tree, typed: the shared schema spells the nesting out to a fixed depth, which its inferred
 * type cannot follow (src/common/api/plans.ts).
 */
export interface ParsedTask {
  no: number;
  code: string;
  title: string;
  text: string;
  line: number;
  endLine: number;
  targets: (EditableTarget & { source: string })[];
  subPairs: ParsedSubPair[];
  units: {
    name: string;
    role: UnitRole;
    side: Side | null;
    source: string;
    organisationId?: string | null;
  }[];
}

export interface ParsedSection {
  no: string;
  title: string;
  level: number;
  line: number;
  subPairs: ParsedSubPair[];
  tasks: ParsedTask[];
  children?: ParsedSection[];
}

export type FieldPath = (string | number)[];

/** A task where it stands in the form: its field path (sections.3.children.0.tasks.1) and its parsed values. */
export interface LocatedTask {
  key: string;
  path: FieldPath;
  task: ParsedTask;
}

export function sectionsOf(preview: PlanPreview): ParsedSection[] {
  return preview.plan.sections as ParsedSection[];
}

/** Every task of the tree in document order, with its form path; the path joined with dots is its key. */
export function locateTasks(sections: ParsedSection[]): LocatedTask[] {
  const out: LocatedTask[] = [];
  const walk = (list: ParsedSection[], prefix: FieldPath) =>
    list.forEach((s, i) => {
      const at = [...prefix, i];
      s.tasks.forEach((task, k) => {
        const path = [...at, 'tasks', k];
        out.push({ key: path.join('.'), path, task });
      });
      walk(s.children ?? [], [...at, 'children']);
    });
  walk(sections, ['sections']);
  return out;
}

export interface PreviewValues {
  title: string;
  docNo?: string | null;
  kind: ImportKind;
  pairingId?: string | null;
  sections: ParsedSection[];
}

/** What the office decided about one sub-pair the file names; `sideA`/`sideB` as read or as corrected. */
export interface SubPairDecision {
  decision: 'accept' | 'reject' | null;
  sideA: string[];
  sideB: string[];
  corrected: boolean;
  editing: boolean;
}

/** Nothing decided yet: each sub-pair starts with the codes the parser resolved. */
export function initialDecisions(preview: PlanPreview): SubPairDecision[] {
  return preview.subPairs.map((p) => ({
    decision: null,
    sideA: p.sideA,
    sideB: p.sideB,
    corrected: false,
    editing: false,
  }));
}

/** Indices of the sub-pairs to create: accepted, complete, and not already a pairing. */
export function acceptedSubPairs(preview: PlanPreview, decisions: SubPairDecision[]): number[] {
  return decisions.flatMap((d, i) =>
    d.decision === 'accept' && !preview.subPairs[i]?.exists && d.sideA.length > 0 && d.sideB.length > 0 ? [i] : [],
  );
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const figure = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? null : String(v);

function cleanTarget(t: EditableTarget): TargetBody {
  return {
    min: figure(t.min),
    max: figure(t.max),
    unit: t.unit.trim(),
    perYear: !!t.perYear,
    comparison: t.comparison,
    source: blank(t.source ?? null),
  };
}

/** The corrected tree as the confirmation takes it: only the fields its strict schema knows. */
function cleanSection(s: ParsedSection): Record<string, unknown> {
  return {
    no: s.no,
    title: s.title,
    level: s.level,
    line: s.line,
    tasks: s.tasks.map((t) => ({
      no: Number(t.no),
      title: (t.title ?? '').trim(),
      text: t.text,
      line: t.line,
      endLine: t.endLine,
      targets: (t.targets ?? []).map(cleanTarget),
      units: (t.units ?? []).map((u) => ({
        name: u.name.trim(),
        role: u.role,
        side: u.side,
        organisationId: u.organisationId ?? null,
      })),
    })),
    ...(s.children?.length ? { children: s.children.map(cleanSection) } : {}),
  };
}

/** The body of POST /api/plans for the preview as the user corrected it. */
export function confirmInput(
  preview: PlanPreview,
  values: PreviewValues,
  decisions: SubPairDecision[] = [],
): ImportPlanBody {
  const national = values.kind === 'national';
  const chosen: SubPairSuggestion[] = acceptedSubPairs(preview, decisions).map((i) => ({
    ...preview.subPairs[i]!,
    sideA: decisions[i]!.sideA,
    sideB: decisions[i]!.sideB,
  }));
  return {
    kind: values.kind,
    pairingId: national ? null : (values.pairingId ?? preview.pairing?.id ?? null),
    ...(national && preview.programmeId ? { programmeId: preview.programmeId } : {}),
    title: values.title.trim(),
    docNo: blank(values.docNo),
    fileName: preview.fileName,
    sourceText: preview.sourceText,
    sections: values.sections.map(cleanSection),
    measures: preview.plan.measures.map((m) => ({ no: m.no, title: m.title, text: m.text, line: m.line })),
    subPairs: chosen.map((p) => ({ sideA: p.sideA, sideB: p.sideB, theme: p.theme, line: p.line, quote: p.quote })),
  };
}

/** The kind an import starts with: what the parser found, as a kind a document import may create. */
export function initialKind(preview: PlanPreview): ImportKind {
  const kind = preview.plan.kind;
  if (kind === 'national') return preview.pairing ? 'implementation' : 'national';
  return kind === 'special' || kind === 'division' ? kind : 'implementation';
}
