import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import {
  closeItemInput,
  itemDetail,
  itemListQuery,
  itemListResponse,
  progressInput,
  reopenItemInput,
  updateItemInput,
} from '../../../common/api/tracking.ts';
import { moduleRoutes } from '../../http/route.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { sendXlsx } from '../../xlsx/list-workbook.ts';
import { buildItemLedger } from './item-ledger-export.ts';
import { presentItemDetail, presentItemPage, presentItemSummary } from './tracking.presenter.ts';
import {
  addProgress,
  closeItem,
  itemDetail as loadItemDetail,
  itemLedgerRows,
  listItemPage,
  reopenItem,
  updateItem,
} from './tracking.service.ts';
import { exportTexts } from '../../kernel/list-export.ts';

export function registerTrackingRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'tracked-items');
  r.get(
    '/api/tracked-items',
    { access: 'item.read', query: itemListQuery, response: itemListResponse, cacheable: true },
    async ({ ctx, query }) => presentItemPage(await listItemPage(ctx, query)),
  );
  r.get(
    '/api/tracked-items/ledger.xlsx',
    { access: 'item.read', query: itemListQuery },
    async ({ ctx, query, reply }) => {
      const items = await itemLedgerRows(ctx, query);
      const today = chinaToday();
      const { locale, t } = exportTexts(ctx);
      const file = await buildItemLedger(
        items.map((i) => presentItemSummary(i, i.owners)),
        ctx.actor.displayName,
        today,
        locale,
      );
      return sendXlsx(reply, `${t('ui.tracking.ledgerSheet')}-${today}.xlsx`, file);
    },
  );
  r.get(
    '/api/tracked-items/:id',
    { access: 'item.read', params: idParams, response: itemDetail },
    async ({ ctx, params }) => presentItemDetail(await loadItemDetail(ctx, params.id)),
  );
  r.patch(
    '/api/tracked-items/:id',
    { access: 'item.manage', params: idParams, body: updateItemInput, response: itemDetail },
    async ({ ctx, params, body }) => {
      await updateItem(ctx, params.id, body);
      return presentItemDetail(await loadItemDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/tracked-items/:id/progress',
    { access: 'item.progress', params: idParams, body: progressInput, response: itemDetail, status: 201 },
    async ({ ctx, params, body }) => {
      await addProgress(ctx, params.id, body);
      return presentItemDetail(await loadItemDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/tracked-items/:id/close',
    { access: 'item.manage', params: idParams, body: closeItemInput, response: itemDetail },
    async ({ ctx, params, body }) => {
      await closeItem(ctx, params.id, body);
      return presentItemDetail(await loadItemDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/tracked-items/:id/reopen',
    { access: 'item.manage', params: idParams, body: reopenItemInput, response: itemDetail },
    async ({ ctx, params, body }) => {
      await reopenItem(ctx, params.id, body);
      return presentItemDetail(await loadItemDetail(ctx, params.id));
    },
  );
}
