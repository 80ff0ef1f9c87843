import type { AuthedContext } from '../../http/context.ts';
import { namedOffices, nationalOfficeOrganisation } from './first-run.repository.ts';

/**
 * The national office as the national plan names it: 国家发展改革委 receives the pairings' plans and reports and
 * evaluates the work (resources/seeds/national-2017-22.txt: "及时将年度工作计划和工作总结报送国家发展改革委和中央组织部",
 * "国家发展改革委要定期组织开展对口合作工作成效评估"). The national region code of regions.json.
 */
export const NATIONAL_OFFICE = { name: '国家发展改革委', regionCode: '000000' } as const;

/**
 * What a fresh installation still lacks before anyone sees data: the national office, the pairing offices the
 * plans name (offered by name, one click each), and users in each. Read-only: creating goes through the
 * organisations and users routes as any other creation.
 */
export async function firstRunChecklist(ctx: AuthedContext) {
  const [national, offices] = await Promise.all([
    nationalOfficeOrganisation(ctx.db, NATIONAL_OFFICE.regionCode),
    namedOffices(ctx.db),
  ]);
  return { national, offices };
}
export type FirstRunRows = Awaited<ReturnType<typeof firstRunChecklist>>;
