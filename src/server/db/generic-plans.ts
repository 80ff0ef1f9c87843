import { BroadcastChannel } from 'node:worker_threads';

/**
 * Statements PGlite runs with a generic plan. A named prepared statement is planned again on every run for as long
 * as PostgreSQL's plan cache (plan_cache_mode=auto) estimates its generic plan dearer than its custom plans, which
 * for the app's frequent statements — parameters it cannot see through, such as a scope's pairing-id array — is
 * always: on PGlite, whose planner runs in WebAssembly, that planning took 2–10× the statement's execution
 * (docs/BENCHMARKS.md §0). Forcing generic plans for every statement was risky (some plan much worse without their
 * values), so a statement gets one only where its generic plan has been shown as good as its custom plans for the
 * values the app sends: its repository names its text here.
 *
 * The texts go to the PGlite worker (pglite-worker.mjs), which runs a batch with plan_cache_mode=force_generic_plan
 * when every statement it binds is a named statement of such a text. A worker started later asks for the texts named
 * before it. PostgreSQL's planning of the same statements takes a fraction of their execution, and a setting per
 * statement would cost it a round trip: they are planned there as before.
 */
export const GENERIC_PLANS_CHANNEL = 'duikou:generic-plans';

const texts = new Set<string>();
let channel: BroadcastChannel | null = null;

function open(): BroadcastChannel {
  if (channel) return channel;
  channel = new BroadcastChannel(GENERIC_PLANS_CHANNEL);
  // A listener for workers that start later; it must not keep the process alive.
  channel.unref();
  const ch = channel;
  ch.onmessage = (event) => {
    if ((event as { data?: { type?: string } }).data?.type === 'hello')
      ch.postMessage({ type: 'texts', texts: [...texts] });
  };
  return ch;
}

/** Runs statements of this text (the SQL as sent, placeholders and all) with a generic plan on PGlite. */
export function planGenerically(text: string) {
  const ch = open();
  if (texts.has(text)) return;
  texts.add(text);
  ch.postMessage({ type: 'texts', texts: [text] });
}

/** A Drizzle prepared statement whose runs get a generic plan on PGlite (planGenerically). */
export function withGenericPlan<Q extends { getQuery(): { sql: string } }>(prepared: Q): Q {
  planGenerically(prepared.getQuery().sql);
  return prepared;
}
