import type { ItemDetail, ItemSummary } from '../../../common/api/tracking.ts';
import { presentAttachment } from '../../kernel/attachments/attachments.presenter.ts';
import { dateString } from '../../kernel/dates.ts';
import type { ItemDetailRows, ItemSummaryRow, OwnerRow } from './tracking.repository.ts';

const presentOwner = (o: OwnerRow) => ({ organisationId: o.organisationId, name: o.name, side: o.side, role: o.role });

export function presentItemSummary(r: ItemSummaryRow, owners: readonly OwnerRow[]): ItemSummary {
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    source: r.source,
    sourceId: r.sourceId,
    sourceTitle: r.sourceTitle,
    seq: r.seq,
    text: r.text,
    deadline: dateString(r.deadline)!,
    status: r.status,
    owners: owners.filter((o) => o.itemId === r.id).map(presentOwner),
    closedOn: r.closedAt ? r.closedAt.toISOString().slice(0, 10) : null,
    isDemo: r.isDemo,
  };
}

export function presentItemPage(page: {
  items: ItemSummaryRow[];
  owners: OwnerRow[];
  total: number;
  counts: Record<'not_started' | 'in_progress' | 'closed' | 'overdue', number>;
  page: number;
  pageSize: number;
}) {
  // Each item gets only its own owners (one pass, not every owner row scanned for every item of a 100-row page).
  const ownersByItem = new Map<string, OwnerRow[]>();
  for (const o of page.owners) ownersByItem.set(o.itemId, [...(ownersByItem.get(o.itemId) ?? []), o]);
  return {
    items: page.items.map((i) => presentItemSummary(i, ownersByItem.get(i.id) ?? [])),
    total: page.total,
    counts: page.counts,
    page: page.page,
    pageSize: page.pageSize,
  };
}

export function presentItemDetail(d: ItemDetailRows & { can: ItemDetail['can'] }): ItemDetail {
  return {
    ...presentItemSummary(d.summary, d.owners),
    taskIds: d.summary.taskIds,
    projectIds: d.summary.projectIds,
    linkedTasks: d.linkedTasks,
    linkedProjects: d.linkedProjects,
    notes: d.notes.map((n) => ({
      id: n.id,
      kind: n.kind,
      note: n.note,
      percent: n.percent,
      link: n.link,
      actorName: n.actorName,
      organisationName: n.organisationName,
      at: n.at.toISOString(),
    })),
    attachments: d.files.map(presentAttachment),
    can: d.can,
    version: d.summary.version,
  };
}
