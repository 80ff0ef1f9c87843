import type { ProgrammeFile, ProgrammeFilePairing, ProgrammeLoadReport } from '../../../common/api/programmes.ts';
import { type ErrorDetail, fieldError, invalid } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange, type UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { dateString } from '../../kernel/dates.ts';
import { createProgrammeIn, patchProgrammeIn, programmeOfFile } from '../programmes/programmes.service.ts';
import { regionCatalogue } from '../regions/region-catalogue.ts';
import { knownRegionCodes } from '../regions/regions.service.ts';
import { regionsOutsideParent, sidesKey, uniqueCodes } from './pairing-sides.ts';
import { insertPairing, programmePairings, replaceSides, updatePairingRow } from './pairings.repository.ts';
import { defaultName } from './pairings.service.ts';

/** Every entry of the file, parents before their children, with its path as the refusals name it. */
interface Entry {
  path: string;
  pairing: ProgrammeFilePairing;
  parent: Entry | null;
  a: string[];
  b: string[];
  key: string;
}

function entriesOf(file: ProgrammeFile): Entry[] {
  const out: Entry[] = [];
  const walk = (list: ProgrammeFilePairing[], prefix: string, parent: Entry | null) =>
    list.forEach((pairing, i) => {
      const a = uniqueCodes(pairing.a);
      const b = uniqueCodes(pairing.b);
      const entry = { path: `${prefix}[${i}]`, pairing, parent, a, b, key: sidesKey(a, b) };
      out.push(entry);
      walk(pairing.children ?? [], `${entry.path}.children`, entry);
    });
  walk(file.pairings, 'pairings', null);
  return out;
}

/**
 * Every refusal of a file at once, each naming its entry (`pairings[3].children[1].b[0]`): an unknown GB/T 2260
 * code, two sides sharing a region, the same two sides twice, a child region outside its parent's sides.
 */
export function fileRefusals(entries: Entry[], known: Set<string>, parentOf: (code: string) => string | null) {
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, string>();
  for (const e of entries) {
    const { a, b } = e.pairing;
    let unknown = false;
    for (const [side, codes] of [
      ['a', a],
      ['b', b],
    ] as const)
      codes.forEach((code, i) => {
        if (known.has(code)) return;
        unknown = true;
        problems.push(fieldError(`${e.path}.${side}[${i}]`, 'unknown_region', { code }));
      });
    const shared = e.a.filter((c) => e.b.includes(c));
    if (shared.length)
      problems.push(fieldError(`${e.path}.b`, e.a.length === 1 && e.b.length === 1 ? 'same_region' : 'sides_overlap'));
    const first = seen.get(e.key);
    if (first) problems.push(fieldError(e.path, 'duplicate_in_file', { first }));
    else seen.set(e.key, e.path);
    if (e.parent && !unknown) {
      const outside = regionsOutsideParent(e.pairing, { sideA: e.parent.a, sideB: e.parent.b }, parentOf);
      for (const o of outside)
        problems.push(
          fieldError(`${e.path}.${o.side === 'sideA' ? 'a' : 'b'}[${o.index}]`, 'outside_parent', { code: o.code }),
        );
    }
  }
  return problems;
}

/**
 * Loads a programme and its pairings from a file, all or nothing, as the actor (the national office, or the
 * system user of `duikou programme load`). The programme is the one with the file's document number (else its
 * name); pairings are matched by their two sides. Loading the same file again changes nothing and writes no
 * audit row; a changed file updates what changed, and the report names every pairing added or updated.
 * Pairings the file no longer names are kept (projects and reports hang off them) and listed.
 */
export async function loadProgrammeFile(ctx: AuthedContext, file: ProgrammeFile): Promise<ProgrammeLoadReport> {
  const entries = entriesOf(file);
  return auditedChange(ctx, async (work) => {
    const codes = entries.flatMap((e) => [...e.pairing.a, ...e.pairing.b]);
    const known = await knownRegionCodes(work, [...new Set(codes)]);
    const parents = new Map(regionCatalogue().records.map((r) => [r.code, r.parentCode]));
    const problems = fileRefusals(entries, known, (code) => parents.get(code) ?? null);
    if (problems.length) throw invalid(...problems);

    const p = file.programme;
    const found = await programmeOfFile(work, ctx.actor, p.docNo, p.name);
    if (found === 'not_granted') throw invalid(fieldError('programme.docNo', 'programme_not_granted'));
    const programmeId = found ? found.id : await createProgrammeIn(work, ctx.actor, p);
    const programmeChanges = found ? await patchProgrammeIn(work, found, p) : [];
    const pairingChanges = await applyPairings(work, programmeId, entries);
    const report: ProgrammeLoadReport = {
      programmeId,
      programmeName: p.name,
      programmeCreated: !found,
      programmeChanges,
      unchanged: !!found && !programmeChanges.length && !pairingChanges.added.length && !pairingChanges.updated.length,
      ...pairingChanges,
    };
    if (!report.unchanged)
      work.audit({
        action: 'programme.load',
        result: 'success',
        objectType: 'programme',
        objectId: programmeId,
        details: { ...report, pairings: entries.length },
      });
    return report;
  });
}

const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((c, i) => c === y[i]);

async function applyPairings(work: UnitOfWork, programmeId: string, entries: Entry[]) {
  const { tx } = work;
  const existing = new Map((await programmePairings(tx, programmeId)).map((r) => [r.sidesKey, r]));
  const idOf = new Map<Entry, string>();
  const added: string[] = [];
  const updated: string[] = [];
  let unchangedCount = 0;
  // One transaction gives every row the same now(); distinct creation times keep the file's order in lists.
  const base = Date.now();
  for (const [order, e] of entries.entries()) {
    const parentId = e.parent ? idOf.get(e.parent)! : null;
    const wanted = {
      parentId,
      level: e.pairing.level,
      theme: e.pairing.theme ?? null,
      startedOn: e.pairing.since ?? null,
      name: e.pairing.name || defaultName(e.a, e.b),
    };
    const row = existing.get(e.key);
    if (!row) {
      const id = await insertPairing(tx, {
        ...wanted,
        programmeId,
        status: 'active',
        sidesKey: e.key,
        createdAt: new Date(base + order),
      });
      await replaceSides(tx, id, e.a, e.b);
      idOf.set(e, id);
      added.push(wanted.name);
      continue;
    }
    idOf.set(e, row.id);
    existing.delete(e.key);
    const patch = Object.fromEntries(
      Object.entries(wanted).filter(([k, v]) => {
        const current = (row as Record<string, unknown>)[k];
        return (k === 'startedOn' ? dateString(current) : current) !== v;
      }),
    );
    const sidesMoved = !same(row.sideA, e.a) || !same(row.sideB, e.b);
    if (!Object.keys(patch).length && !sidesMoved) {
      unchangedCount++;
      continue;
    }
    if (Object.keys(patch).length) await updatePairingRow(tx, row.id, row.version, patch);
    if (sidesMoved) await replaceSides(tx, row.id, e.a, e.b);
    updated.push(wanted.name);
  }
  return { added, updated, unchangedCount, notInFile: [...existing.values()].map((r) => r.name) };
}
