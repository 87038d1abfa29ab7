import { Writable } from 'node:stream';
import pino from 'pino';
import { lazyRequestLogger } from './lazy-request-logger';

function capture(level: string): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino({ level, base: { service: 's' }, timestamp: false }, stream);
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines };
}

describe('lazyRequestLogger', () => {
  it('writes what the eager child writes, with the request id, at every enabled level', () => {
    const eager = capture('trace');
    const lazy = capture('trace');
    const child = eager.logger.child({ reqId: 'r1' });
    const request = lazyRequestLogger(lazy.logger, { reqId: 'r1' }, {});
    for (const write of [child, request]) {
      write.info({ route: '/x', status: 200 }, 'request completed');
      write.error(new Error('boom'), 'failed');
      write.warn('plain %s', 'words');
      write.debug({ a: 1 });
      write.trace('t');
      write.fatal('f');
      write.child({ sub: 1 }).info('from a child');
    }
    const strip = (lines: Record<string, unknown>[]) =>
      lines.map((line) => ({ ...line, pid: 0, hostname: '', err: line.err ? 'error' : undefined }));
    expect(lazy.lines()).toHaveLength(7);
    expect(strip(lazy.lines())).toEqual(strip(eager.lines()));
    expect(lazy.lines()[0]).toMatchObject({ reqId: 'r1', route: '/x', msg: 'request completed' });
  });

  it("writes nothing below the service's level and still writes what is above it", () => {
    const { logger, lines } = capture('error');
    const request = lazyRequestLogger(logger, { reqId: 'r2' }, {});
    request.info({ status: 200 }, 'request completed');
    request.warn('not this');
    expect(lines()).toEqual([]);
    expect(request.level).toBe('error');
    request.error('this');
    expect(lines()).toEqual([expect.objectContaining({ reqId: 'r2', msg: 'this', level: 50 })]);
  });

  it("follows a level set on the request's logger", () => {
    const { logger, lines } = capture('error');
    const request = lazyRequestLogger(logger, { reqId: 'r3' }, {});
    request.level = 'info';
    request.info('now written');
    expect(lines()).toEqual([expect.objectContaining({ reqId: 'r3', msg: 'now written' })]);
    expect(logger.level).toBe('error');
  });
});
