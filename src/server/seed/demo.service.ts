import type { DemoFillInput, DemoJob } from '../../common/api/demo.ts';
import type { AuthedContext } from '../http/context.ts';
import { notFound } from '../http/app-error.ts';
import { getJob, startJob } from '../kernel/jobs/job-store.ts';
import { visiblePairing } from '../modules/pairings/pairings.service.ts';
import { demoFillableSides, fillDemo } from './demo-data.ts';
import { pairingsWithDemoData } from './demo-data.repository.ts';

type Counts = Record<string, number>;

/**
 * Starts filling a pairing in the background, as the signed-in user. A pairing out of scope is a 404, one that has
 * demo data already a 409 and one naming a single side a 400, all at once rather than in the job.
 */
export async function startDemoFill(ctx: AuthedContext, input: DemoFillInput): Promise<DemoJob> {
  const pairing = await visiblePairing({ tx: ctx.db }, ctx.actor, input.pairingId);
  if (!pairing) throw notFound();
  await demoFillableSides(ctx, pairing.id);
  return startJob<Counts>(ctx.db, 'demo_fill', ctx.actor.userId, async () => ({
    result: { ...(await fillDemo(ctx, pairing.id, input.seed)) },
    errors: [],
    error: null,
  }));
}

/** The fill job as its owner polls it (`wait`: once it has ended); another user's job is a 404. */
export async function demoFillJob(ctx: AuthedContext, id: string, wait: boolean): Promise<DemoJob> {
  const job = await getJob<Counts>(ctx.db, ctx.actor.userId, id, wait);
  if (!job) throw notFound();
  return job;
}

/** The pairings holding demo data now, for the national office's page. */
export async function demoStatusOf(ctx: AuthedContext) {
  return { pairings: await pairingsWithDemoData(ctx.db) };
}
