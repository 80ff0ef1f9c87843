import type { DbOrTx } from '../../../db/database.ts';
import { createRegionResolver, loadRegionRecords, type RegionResolver } from '../../regions/region-resolver.ts';
import { sideOfRegions } from '../../pairings/pairings.service.ts';
import { pairingSideRoots, parksByName } from '../projects.repository.ts';
import type { RowLookups } from './project-row-validator.ts';

let resolver: RegionResolver | undefined;
const regionResolver = () => (resolver ??= createRegionResolver(loadRegionRecords()));

/**
 * What the row validator needs, loaded once per import for the chosen pairing: region names resolved inside
 * the pairing's sides first (so 朝阳区 in a 辽宁 pairing is 朝阳市's, not 北京's), the side of each region, and
 * the pairing's parks by name.
 */
export async function importLookups(db: DbOrTx, pairingId: string, today: string): Promise<RowLookups> {
  const [sides, roots, parks] = await Promise.all([
    sideOfRegions({ tx: db }, pairingId),
    pairingSideRoots(db, pairingId),
    parksByName(db, pairingId),
  ]);
  const r = regionResolver();
  return {
    today,
    sideOf: (code) => sides.get(code) ?? null,
    resolvePark: (text) => {
      const id = parks.get(text.trim());
      return id ? { id } : null;
    },
    resolveRegion(text) {
      const t = text.trim();
      if (/^\d{6}$|^Z\d{8}$/.test(t)) return r.byCode(t) ? { code: t } : { error: 'unknown_region' };
      const inside = new Set<string>();
      for (const root of roots) {
        const hit = r.resolve(t, { within: root.code, prefer: ['city', 'county', 'province', 'zone'] });
        if (hit && sides.has(hit.code)) inside.add(hit.code);
      }
      if (inside.size === 1) return { code: [...inside][0]! };
      if (inside.size > 1) return { error: 'ambiguous_region' };
      const any = r.resolve(t, { prefer: ['province', 'city', 'county', 'zone'] });
      return any ? { code: any.code } : { error: 'unknown_region' };
    },
  };
}
