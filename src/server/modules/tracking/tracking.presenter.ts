import type { ItemDetail, ItemSummary } from '../../../common/api/tracking.ts';
import { presentAttachment } from '../../kernel/attachments/attachments.presenter.ts';
import { chinaToday, dateString } from '../../kernel/dates.ts';
import type { ItemDetailRows, ItemSummaryRow, OwnerRow } from './tracking.repository.ts';

type OwnerFields = Pick<OwnerRow, 'organisationId' | 'name' | 'side' | 'role'>;
type SummaryFields = Omit<ItemSummaryRow, 'owners'>;

const presentOwner = (o: OwnerFields) => ({
  organisationId: o.organisationId,
  name: o.name,
  side: o.side,
  role: o.role,
});

/** An item as listed; `owners` are this item's own (a list's rows carry theirs, a detail reads them apart). */
export function presentItemSummary(r: SummaryFields, owners: readonly OwnerFields[]): ItemSummary {
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
    owners: owners.map(presentOwner),
    // The day in China, as its deadline and the on-time measure (closed_at AT TIME ZONE 'Asia/Shanghai') reckon it.
    closedOn: r.closedAt ? chinaToday(r.closedAt) : null,
    isDemo: r.isDemo,
  };
}

export function presentItemPage(page: {
  items: ItemSummaryRow[];
  total: number;
  counts: Record<'not_started' | 'in_progress' | 'closed' | 'overdue', number>;
  page: number;
  pageSize: number;
}) {
  return {
    items: page.items.map((i) => presentItemSummary(i, i.owners)),
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
