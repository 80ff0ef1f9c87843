import fs from 'node:fs';
import type { AuthedContext } from '../http/context.ts';
import { repoPath } from '../repo-path.ts';
import { parsePlanWithSource } from '../modules/plans/parser/parse-plan.ts';
import { planRegions } from '../modules/plans/plan-preview.service.ts';
import { currentVersion, pairingOfSides, programmeOfPlan } from '../modules/plans/plan-owner.service.ts';
import { importInputFromParsed } from '../modules/plans/plan-import-input.ts';
import { importPlan } from '../modules/plans/plan-import.service.ts';

interface ManifestDocument {
  file: string;
  role: 'programme' | 'pairingPlan';
}

/**
 * Imports the shipped plans on first start, through the same import as users: the national plan against the
 * programme, each pairing plan against its pairing. Sub-pairs are not created here: the programme seed made them.
 * A plan already imported is left alone, so a database seeded before plans existed gets them on its next start.
 */
export async function seedPlans(ctx: AuthedContext): Promise<string | null> {
  const manifest = JSON.parse(fs.readFileSync(repoPath('resources/seeds/manifest.json'), 'utf8')) as {
    documents: ManifestDocument[];
  };
  const loaded: string[] = [];
  for (const doc of manifest.documents) {
    const { plan, normalised } = parsePlanWithSource(fs.readFileSync(repoPath('resources/seeds', doc.file), 'utf8'), {
      regions: planRegions(),
    });
    let owner: { pairingId: string | null; programmeId: string };
    if (doc.role === 'programme') {
      const programme = await programmeOfPlan(ctx, plan, undefined);
      if (!programme) return null;
      owner = { pairingId: null, programmeId: programme.id };
    } else {
      const pairing = await pairingOfSides(ctx, plan.sides);
      if (!pairing) throw new Error(`seed: no pairing for the plan ${doc.file}`);
      owner = { pairingId: pairing.id, programmeId: pairing.programmeId };
    }
    if (await currentVersion(ctx, { ...owner, title: plan.title })) continue;
    const created = await importPlan(ctx, importInputFromParsed(plan, normalised.text, doc.file, owner));
    loaded.push(`${plan.title} ${created.taskCount}`);
  }
  return loaded.length ? `plans: ${loaded.join(', ')} tasks` : null;
}
