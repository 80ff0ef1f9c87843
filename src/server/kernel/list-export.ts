import type { AuthedContext, RequestContext } from '../http/context.ts';
import { type Locale, translate } from '../../common/i18n/messages.ts';
import { auditStandalone } from './audit/audit-writer.ts';

/** An export past this many rows should be filtered first; its subtitle says so. */
export const EXPORT_ROW_LIMIT = 20_000;
/** The largest page a list route serves (pageQuery's maximum). */
const PAGE = 500;

/**
 * Every row of a list as its own paged use case loads it — the same filters and the same scope as on screen —
 * page after page, up to the export limit.
 */
export async function allPages<T>(
  load: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
  limit = EXPORT_ROW_LIMIT,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const got = await load(page, PAGE);
    items.push(...got.items);
    if (items.length >= limit) return { items: items.slice(0, limit), truncated: got.total > limit };
    if (got.items.length < PAGE || items.length >= got.total) return { items, truncated: false };
  }
}

/** A catalogue text in the language of one export. */
export type ExportText = (key: string, params?: Record<string, string | number>) => string;

/** The language a request's export is written in (the user's interface language), and its texts. */
export function exportTexts(ctx: RequestContext): { locale: Locale; t: ExportText } {
  const locale = ctx.locale ?? 'zh-CN';
  return { locale, t: (key, params = {}) => translate(locale, key, params) };
}

/** Now in China Standard Time, "YYYY-MM-DD HH:mm". */
export function exportedAt(now: Date = new Date()): string {
  return now.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
}

/** The line under an export's title: who exported it, from which unit, when, how many rows (and a limit reached). */
export function exportSubtitle(ctx: AuthedContext, rows: number, truncated = false): string {
  const { t } = exportTexts(ctx);
  const line = t('ui.output.exportedLine', {
    name: ctx.actor.displayName,
    organisation: ctx.actor.organisationName,
    at: exportedAt(),
    rows,
  });
  return truncated ? `${line}　${t('ui.output.truncated', { limit: EXPORT_ROW_LIMIT })}` : line;
}

/** The audit row of an export: what was exported, with which filters, how many rows. */
export async function auditExport(
  ctx: AuthedContext,
  objectType: string,
  filter: Record<string, unknown>,
  rows: number,
  objectId?: string,
): Promise<void> {
  await auditStandalone(ctx, {
    action: `${objectType}.export`,
    result: 'success',
    objectType,
    objectId,
    details: { filter, rows },
  });
}
