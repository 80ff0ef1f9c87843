import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { lazyRequestLogger, RequestLogger } from './request-logger.ts';

/** The lines an app writes for a few requests, with the time taken out and the request ids numbered in order. */
async function linesOf(level: string, lazy: boolean): Promise<unknown[]> {
  const lines: string[] = [];
  let n = 0;
  const app = Fastify({
    logger: { level, stream: { write: (line: string) => lines.push(line) } },
    genReqId: () => `r${++n}`,
    ...(lazy ? { childLoggerFactory: lazyRequestLogger } : {}),
  });
  app.get('/quiet', async () => 'ok');
  app.get('/speaks', async (req) => {
    req.log.trace('trace line');
    req.log.debug({ step: 1 }, 'debug line');
    req.log.info('info line %s', 'formatted');
    req.log.warn({ field: 'x' }, 'warn line');
    req.log.error(new Error('boom'));
    req.log.child({ part: 'inner' }).warn('from a child');
    return { level: req.log.level };
  });
  app.get('/own-level', { logLevel: 'debug' }, async (req) => {
    req.log.debug('debug on a debug route');
    return { level: req.log.level };
  });
  app.get('/fails', async () => {
    throw new Error('handler failed');
  });
  const answers = [];
  for (const url of ['/quiet', '/speaks', '/own-level', '/fails', '/none'])
    answers.push((await app.inject({ method: 'GET', url })).body);
  await app.close();
  return [
    answers,
    lines.map((line) => {
      const { time: _time, pid: _pid, hostname: _host, responseTime: _rt, err, ...rest } = JSON.parse(line);
      return { ...rest, err: err && { type: err.type, message: err.message } };
    }),
  ];
}

describe('request logger', () => {
  it.each(['warn', 'info', 'debug', 'error', 'silent'])(
    'writes the same lines as pinos own child at level %s',
    async (level) => {
      const lazy = await linesOf(level, true);
      expect(lazy).toEqual(await linesOf(level, false));
      if (level === 'warn')
        expect((lazy[1] as { msg: string; reqId: string }[]).map((l) => `${l.reqId} ${l.msg}`)).toEqual([
          'r2 warn line',
          'r2 boom',
          'r2 from a child',
          'r3 incoming request',
          'r3 debug on a debug route',
          'r3 request completed',
          'r4 handler failed',
        ]);
    },
  );

  it('makes the child only when a line is written at an enabled level', () => {
    let made = 0;
    const written: string[] = [];
    const child = { warn: (m: string) => written.push(m), level: 'warn' };
    const parent = {
      level: 'warn',
      isLevelEnabled: (l: string) => l === 'warn' || l === 'error' || l === 'fatal',
      child: () => {
        made++;
        return child;
      },
    } as unknown as ConstructorParameters<typeof RequestLogger>[0];
    const log = new RequestLogger(parent, { reqId: 'a' }, {});
    log.info('not written');
    log.debug('not written');
    expect(made).toBe(0);
    expect(log.level).toBe('warn');
    log.warn('written');
    log.warn('again');
    expect([made, written]).toEqual([1, ['written', 'again']]);
  });
});
