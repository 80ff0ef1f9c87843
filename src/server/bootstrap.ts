import type { AppDeps } from './http/context.ts';
import { seedRegions } from './seed/region-seed.ts';
import { seedProgramme } from './seed/programme-seed.ts';
import { seedPlans } from './seed/plan-seed.ts';
import { systemContext } from './http/system-actor.ts';
import { seedBuiltInIndicators } from './modules/indicators/indicators.service.ts';

/** Reference data and the real programme, loaded once into an empty database. Returns what it loaded. */
export async function bootstrapData(deps: AppDeps): Promise<string[]> {
  const loaded: string[] = [];
  const regionCount = await seedRegions(deps.db);
  if (regionCount) loaded.push(`${regionCount} regions`);
  // The built-in indicators are reference data: codes new in this release are added at every start.
  const indicatorCount = await seedBuiltInIndicators(systemContext(deps, 'bootstrap'));
  if (indicatorCount) loaded.push(`${indicatorCount} indicators`);
  if (deps.config.seedProgramme) {
    const programme = await seedProgramme(systemContext(deps, 'bootstrap'));
    if (programme) loaded.push(programme);
    const plans = await seedPlans(systemContext(deps, 'bootstrap'));
    if (plans) loaded.push(plans);
  }
  return loaded;
}
