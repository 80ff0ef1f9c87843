/** The page that shows an object of the trail, for the types that have one (users and organisations have none). */
const OBJECT_PAGES: Record<string, string> = {
  pairing: '/pairings',
  plan: '/plans',
  task: '/tasks',
  project: '/projects',
  park: '/parks',
  event: '/events',
  meeting: '/meetings',
  tracked_item: '/tracking',
  reporting_cycle: '/reporting/cycles',
};

export function auditObjectPath(objectType: string | null, objectId: string | null): string | null {
  const base = objectType ? OBJECT_PAGES[objectType] : undefined;
  return base && objectId ? `${base}/${encodeURIComponent(objectId)}` : null;
}
