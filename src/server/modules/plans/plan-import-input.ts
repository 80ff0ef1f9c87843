import type { ImportPlanInput, PlanSectionInput } from '../../../common/api/plans.ts';
import type { ParsedPlan, PlanSection } from './parser/types.ts';
import { IMPORT_KINDS } from '../../../common/api/plans.ts';

/** A parsed plan as the confirmation the preview page would send unchanged (used by first start and the CLI). */
export function importInputFromParsed(
  plan: ParsedPlan,
  sourceText: string,
  fileName: string,
  owner: { pairingId: string | null; programmeId: string },
): ImportPlanInput {
  const section = (s: PlanSection): PlanSectionInput => ({
    no: s.no,
    title: s.title,
    level: s.level,
    line: s.line,
    tasks: s.tasks.map((t) => ({
      no: t.no,
      title: t.title,
      text: t.text,
      line: t.line,
      endLine: t.endLine,
      targets: t.targets.map((g) => ({
        min: g.min === null ? null : String(g.min),
        max: g.max === null ? null : String(g.max),
        unit: g.unit,
        perYear: g.perYear,
        comparison: g.comparison,
        source: g.source,
      })),
      // Without a person to choose, a unit whose name does not tell its side is left for the office to assign.
      units: t.units.flatMap((u) => (u.side ? [{ name: u.name, side: u.side, role: u.role }] : [])),
    })),
    ...(s.children?.length ? { children: s.children.map(section) } : {}),
  });
  // An annual plan read from a document, or an unclassified one, is imported as the pairing's plan it most resembles.
  const kind = (IMPORT_KINDS as readonly string[]).includes(plan.kind)
    ? (plan.kind as ImportPlanInput['kind'])
    : 'implementation';
  return {
    kind: owner.pairingId ? (kind === 'national' ? 'implementation' : kind) : 'national',
    pairingId: owner.pairingId,
    programmeId: owner.programmeId,
    title: plan.title,
    docNo: plan.docNo,
    fileName,
    sourceText,
    sections: plan.sections.map(section),
    measures: plan.measures.map((m) => ({ no: m.no, title: m.title, text: m.text, line: m.line })),
    subPairs: [],
  };
}
