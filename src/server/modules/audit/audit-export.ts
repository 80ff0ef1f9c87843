import type { AuditExportQuery, AuditItem } from '../../../common/api/audit.ts';
import { auditActionText, auditObjectText } from '../../../common/i18n/audit-text.ts';
import type { Locale } from '../../../common/i18n/messages.ts';
import type { AuthedContext } from '../../http/context.ts';
import { chinaToday } from '../../kernel/dates.ts';
import {
  allPages,
  auditExport,
  type ExportText,
  exportSubtitle,
  exportTexts,
  exportedAt,
} from '../../kernel/list-export.ts';
import { buildListWorkbook, type ListColumn } from '../../xlsx/list-workbook.ts';
import { presentAuditItem } from './audit.presenter.ts';
import { auditPage } from './audit.service.ts';

const columns = (t: ExportText, locale: Locale): ListColumn<AuditItem>[] => [
  { header: t('ui.audit.at'), width: 17, value: (r) => exportedAt(new Date(r.at)) },
  { header: t('ui.audit.actor'), width: 14, value: (r) => r.actorName },
  { header: t('ui.audit.action'), width: 26, value: (r) => auditActionText(locale, r.action) },
  {
    header: t('ui.audit.objectType'),
    width: 14,
    value: (r) => (r.objectType ? auditObjectText(locale, r.objectType) : null),
  },
  { header: t('ui.audit.object'), width: 30, value: (r) => r.objectName },
  { header: t('ui.audit.objectId'), width: 38, value: (r) => r.objectId },
  { header: t('ui.audit.result'), width: 8, value: (r) => t(`domain.auditResults.${r.result}`) },
  { header: t('ui.audit.ip'), width: 16, value: (r) => r.ip },
  { header: t('ui.audit.requestId'), width: 38, value: (r) => r.requestId },
];

/**
 * 审计日志 as filtered on screen, newest first, in words (actions and object types from the catalogue, objects by
 * their current name); the export writes its own audit row (audit.export) with the filters it used.
 */
export async function exportAuditLog(
  ctx: AuthedContext,
  filter: AuditExportQuery,
): Promise<{ fileName: string; file: Buffer }> {
  const { t, locale } = exportTexts(ctx);
  const { items, truncated } = await allPages(async (page, pageSize) => {
    const got = await auditPage(ctx, { ...filter, page, pageSize });
    return { total: got.total, items: got.items.map((row) => presentAuditItem(row, got.names)) };
  });
  const file = await buildListWorkbook({
    name: t('ui.audit.exportSheet'),
    title: t('ui.audit.exportTitle'),
    subtitle: exportSubtitle(ctx, items.length, truncated),
    columns: columns(t, locale),
    rows: items,
  });
  await auditExport(ctx, 'audit', filter, items.length);
  return { fileName: `${t('ui.audit.exportFile')}-${chinaToday()}.xlsx`, file };
}
