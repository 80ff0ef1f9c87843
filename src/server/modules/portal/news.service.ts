import type { CreateNewsInput, NewsListQuery, UpdateNewsInput } from '../../../common/api/portal.ts';
import { conflict, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { editPatch } from '../../kernel/edit-patch.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { inPairingScope } from '../../kernel/pairing-scope.repository.ts';
import { attachmentsOf } from '../../kernel/attachments/attachments.repository.ts';
import { findNews, findNewsDetail, insertNews, listNews, pairingExists, updateNewsRow } from './news.repository.ts';

export async function newsPage(ctx: AuthedContext, q: NewsListQuery) {
  const page = await listNews(ctx.db, ctx.actor, q, q.page, q.pageSize);
  return { ...page, page: q.page, pageSize: q.pageSize };
}

/** An item with its photos, in the actor's scope (another region's answers 404). */
export async function newsDetail(ctx: AuthedContext, id: string) {
  const found = await findNewsDetail(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  const photos = await attachmentsOf(ctx.db, { kind: 'news_item', id });
  return { ...found, photos };
}

/** A news item is never dated ahead: the portal reports what happened. */
function dateProblem(newsDate: string | undefined) {
  return newsDate && newsDate > chinaToday() ? [fieldError('newsDate', 'date_in_future')] : [];
}

/** Writes a draft for one of the office's pairings; `demo` marks an example (演示), removed by demo clear. */
export async function createNews(ctx: AuthedContext, input: CreateNewsInput, opts: { demo?: boolean } = {}) {
  const problems = dateProblem(input.newsDate);
  if (!inPairingScope(ctx.actor, input.pairingId)) problems.push(fieldError('pairingId', 'unknown_pairing'));
  if (problems.length) throw invalid(...problems);
  return auditedChange(ctx, async ({ tx, audit }) => {
    if (!(await pairingExists(tx, input.pairingId))) throw invalid(fieldError('pairingId', 'unknown_pairing'));
    const id = await insertNews(tx, {
      ...input,
      isDemo: !!opts.demo,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
    });
    audit({
      action: 'news.create',
      result: 'success',
      objectType: 'news_item',
      objectId: id,
      details: { after: input },
    });
    return id;
  });
}

const EDITABLE = ['title', 'newsDate', 'body'] as const;

/** Edits an item, draft or published (a published item shows the correction at once). */
export async function updateNews(ctx: AuthedContext, id: string, input: UpdateNewsInput) {
  const problems = dateProblem(input.newsDate);
  if (problems.length) throw invalid(...problems);
  await auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findNews(tx, ctx.actor, id);
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    const { patch, before, after } = editPatch(EDITABLE, input, current);
    if (!(await updateNewsRow(tx, id, input.version, patch))) throw conflict();
    audit({
      action: 'news.update',
      result: 'success',
      objectType: 'news_item',
      objectId: id,
      details: { before, after },
    });
  });
}

/** Publishes a draft (it appears on the portal) or takes a published item back (a draft again). */
export async function setNewsPublished(ctx: AuthedContext, id: string, version: number, publish: boolean) {
  await auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findNews(tx, ctx.actor, id);
    if (!current) throw notFound();
    if (current.version !== version) throw conflict();
    if (publish === !!current.publishedAt)
      throw invalid(fieldError('version', publish ? 'news_already_published' : 'news_not_published'));
    if (!(await updateNewsRow(tx, id, version, { publishedAt: publish ? new Date() : null }))) throw conflict();
    audit({
      action: publish ? 'news.publish' : 'news.unpublish',
      result: 'success',
      objectType: 'news_item',
      objectId: id,
      details: { title: current.title },
    });
  });
}
