import type { OrganisationItem } from '../../../common/api/organisations.ts';
import type { OrganisationRow } from './organisations.repository.ts';

export function presentOrganisation(o: OrganisationRow): OrganisationItem {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    regionCode: o.regionCode,
    regionName: o.regionName,
    active: o.active,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
