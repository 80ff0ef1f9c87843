import fs from 'node:fs';
import type { AuthedContext } from '../http/context.ts';
import { repoPath } from '../repo-path.ts';
import { auditedChange } from '../kernel/audit/audit-writer.ts';
import { pairingLevel, regionCatalogue } from '../modules/regions/region-catalogue.ts';
import type { RegionResolver } from '../modules/regions/region-resolver.ts';
import { locatedSubPairs, parsePlanWithSource } from '../modules/plans/parser/parse-plan.ts';
import type { SubPair } from '../modules/plans/parser/types.ts';
import type { ProgrammeSides } from '../../common/api/programmes.ts';
import type { PairingLevel } from '../../common/api/enums.ts';
import {
  addProgramme,
  hasProgramme,
  keepSourceDocument,
  nameProgrammeSides,
  programmeValues,
} from '../modules/programmes/programmes.service.ts';
import { insertPairing, replaceSides, replaceOffices } from '../modules/pairings/pairings.repository.ts';
import { sidesKey } from '../modules/pairings/pairing-sides.ts';
import { defaultName } from '../modules/pairings/pairings.service.ts';

interface ManifestDocument {
  file: string;
  role: 'programme' | 'pairingPlan';
  title: string;
  docNo: string | null;
  issuer: string | null;
  issuedOn: string | null;
}
interface Manifest {
  documents: ManifestDocument[];
  programme: {
    document: string;
    name: string;
    shortName: string;
    periodStart: number;
    periodEnd: number;
    sides: ProgrammeSides;
    levels: PairingLevel[];
    ownerOffice: string;
    ownerOfficeQuote: string;
    goalsQuote: string;
  };
  offices: {
    document: string;
    pairing: [string, string];
    side: 'a' | 'b';
    leadingGroup: string;
    officeName: string;
    hostUnit: string | null;
    note?: string;
    quote: string;
  }[];
}

const docOfManifest = (m: Manifest) => m.documents.find((d) => d.file === m.programme.document)?.docNo ?? null;

/** Quotes are checked against the document with line breaks and spaces removed, as PDF extraction scatters them. */
const squash = (s: string) => s.replace(/\s+/g, '');

function requireQuote(doc: { file: string; body: string }, quote: string) {
  if (!squash(doc.body).includes(squash(quote)))
    throw new Error(`seed manifest: quote not found in ${doc.file}: ${quote.slice(0, 40)}…`);
}

/** Sub-pairs with the line of the stored (raw) document where their clause starts (the first, for the preamble's). */
function subPairsOfDocument(text: string, regions: RegionResolver) {
  const { plan, normalised } = parsePlanWithSource(text, { regions });
  const rawLine = (n: number) => normalised.lines[n - 1]?.sourceLines[0] ?? n;
  return { plan, pairs: locatedSubPairs(plan).map(({ pair, line }) => ({ pair, line: rawLine(line ?? 1) })) };
}

const codesOf = (refs: { code: string | null }[]) => refs.map((r) => r.code).filter((c): c is string => !!c);

/**
 * Loads the real programme from the shipped official documents on first start: the national plan gives the
 * programme and its pairings, each pairing plan its sub-pairs, the manifest the offices with their quotes.
 * Returns a line describing what it loaded, or null when a programme already exists.
 */
export async function seedProgramme(ctx: AuthedContext): Promise<string | null> {
  const manifest = JSON.parse(fs.readFileSync(repoPath('resources/seeds/manifest.json'), 'utf8')) as Manifest;
  const sides = programmeValues({ sides: manifest.programme.sides, levels: manifest.programme.levels });
  if (await hasProgramme(ctx)) {
    // Loaded before programmes named their sides: the built-in one gets its names (东北地区/东部地区) once.
    const named = await nameProgrammeSides(ctx, docOfManifest(manifest), sides);
    return named ? `programme sides named: ${manifest.programme.name}` : null;
  }
  const regions = regionCatalogue().resolver;
  const docs = manifest.documents.map((d) => ({
    ...d,
    body: fs.readFileSync(repoPath('resources/seeds', d.file), 'utf8'),
  }));
  const docOf = (file: string) => docs.find((d) => d.file === file)!;
  requireQuote(docOf(manifest.programme.document), manifest.programme.goalsQuote);
  requireQuote(docOf(manifest.programme.document), manifest.programme.ownerOfficeQuote);
  for (const o of manifest.offices) requireQuote(docOf(o.document), o.quote);

  return auditedChange(ctx, async (work) => {
    const { tx } = work;
    const docIds = new Map<string, string>();
    for (const d of docs) {
      docIds.set(
        d.file,
        await keepSourceDocument(work, {
          title: d.title,
          docNo: d.docNo,
          issuer: d.issuer,
          issuedOn: d.issuedOn,
          fileName: d.file,
          body: d.body,
        }),
      );
    }
    const national = docOf(manifest.programme.document);
    const p = manifest.programme;
    const programmeId = await addProgramme(work, {
      name: p.name,
      shortName: p.shortName,
      docNo: national.docNo,
      issuer: national.issuer,
      issuedOn: national.issuedOn,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      goals: p.goalsQuote,
      ownerOffice: p.ownerOffice,
      sourceDocumentId: docIds.get(national.file),
      ...sides,
    });
    // The programme is new, so every pairing of it is made here: its sides keys are all in this map.
    const pairingOfKey = new Map<string, string>();
    let top = 0;
    let sub = 0;
    // One transaction gives every row the same now(); distinct creation times keep document order in lists.
    const base = Date.now();
    let order = 0;
    const create = async (
      pair: SubPair,
      line: number,
      docFile: string,
      parentId: string | null,
      startedOn: string | null,
    ) => {
      const a = codesOf(pair.a);
      const b = codesOf(pair.b);
      if (!a.length || a.length !== pair.a.length || b.length !== pair.b.length) return null;
      // Park-to-park cooperation named in task text belongs to the parks register, not the pairing tree.
      if (pairingLevel(a) === 'zone') return null;
      const key = sidesKey(a, b);
      if (pairingOfKey.has(key)) return null;
      const id = await insertPairing(tx, {
        programmeId,
        parentId,
        name: defaultName(a, b),
        level: pairingLevel(a),
        status: pair.exploratory ? 'exploratory' : 'active',
        theme: pair.theme || null,
        note: pair.note ?? null,
        startedOn,
        sidesKey: key,
        createdAt: new Date(base + order++),
        sourceDocumentId: docIds.get(docFile),
        sourceLine: line,
        sourceQuote: pair.source,
      });
      await replaceSides(tx, id, a, b);
      pairingOfKey.set(key, id);
      return id;
    };
    for (const { pair, line } of subPairsOfDocument(national.body, regions).pairs)
      if (await create(pair, line, national.file, null, national.issuedOn)) top++;

    for (const d of docs.filter((x) => x.role === 'pairingPlan')) {
      const { plan, pairs } = subPairsOfDocument(d.body, regions);
      const sides = codesOf(plan.sides);
      if (sides.length !== 2) throw new Error(`seed: cannot tell the two sides of ${d.file}`);
      const parentId = pairingOfKey.get(sidesKey([sides[0]!], [sides[1]!]));
      if (!parentId) throw new Error(`seed: no pairing ${sides.join('—')} for ${d.file}`);
      for (const { pair, line } of pairs) if (await create(pair, line, d.file, parentId, null)) sub++;
    }
    const officesOf = new Map<string, Parameters<typeof replaceOffices>[2]>();
    for (const o of manifest.offices) {
      const pairingId = pairingOfKey.get(sidesKey([o.pairing[0]], [o.pairing[1]]));
      if (!pairingId) throw new Error(`seed: no pairing ${o.pairing.join('—')} for an office`);
      officesOf.set(pairingId, [
        ...(officesOf.get(pairingId) ?? []),
        {
          side: o.side,
          leadingGroup: o.leadingGroup,
          officeName: o.officeName,
          hostUnit: o.hostUnit,
          note: o.note ?? null,
          sourceDocumentId: docIds.get(o.document),
          sourceQuote: o.quote,
        },
      ]);
    }
    for (const [pairingId, offices] of officesOf) await replaceOffices(tx, pairingId, offices);
    work.audit({
      action: 'programme.seed',
      result: 'success',
      objectType: 'programme',
      objectId: programmeId,
      details: { pairings: top, subPairs: sub },
    });
    return `${p.name}（${national.docNo}）: ${top} pairings, ${sub} sub-pairs`;
  });
}
