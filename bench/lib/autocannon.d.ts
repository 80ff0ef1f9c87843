// autocannon 9 ships no types; only what bench/lib/load.ts uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    warmup?: { connections?: number; duration?: number };
    /** Seconds before a request counts as timed out (default 10). */
    timeout?: number;
    /** Requests each connection cycles through; setupRequest may rewrite each one before it is sent. */
    requests?: { method?: string; path?: string; setupRequest?: (req: Request) => Request }[];
  }
  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
  }
  interface Stat {
    average: number;
    total: number;
  }
  interface Result {
    requests: Stat;
    throughput: Stat;
    non2xx: number;
    errors: number;
    timeouts: number;
  }
  type Instance = EventEmitter & PromiseLike<Result>;
  function autocannon(opts: Options): Instance;
  export default autocannon;
}
