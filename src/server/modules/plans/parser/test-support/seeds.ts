import fs from 'node:fs';
import { repoPath } from '../../../../repo-path.ts';
import { createRegionResolver, loadRegionRecords } from '../../../regions/region-resolver.ts';

export const SEED_FILES = {
  national: 'national-2017-22.txt',
  jilinZhejiang: 'jilin-zhejiang.txt',
  liaoningJiangsu: 'liaoning-jiangsu.txt',
} as const;

export type SeedName = keyof typeof SEED_FILES;

export function seedText(name: SeedName): string {
  return fs.readFileSync(repoPath('resources', 'seeds', SEED_FILES[name]), 'utf8');
}

let resolver: ReturnType<typeof createRegionResolver> | null = null;
/** The real region data, loaded once per test file. */
export function regions() {
  resolver ??= createRegionResolver(loadRegionRecords());
  return resolver;
}
