import type { EsdbRead } from './esdb-client';

/**
 * All events of one finite read. An error listener stays attached for the stream's whole life: the client
 * may still emit an error after iteration ended, which would otherwise crash the process.
 */
export async function readFully<E>(read: EsdbRead<E>): Promise<E[]> {
  read.on('error', () => undefined);
  const events: E[] = [];
  for await (const event of read) events.push(event);
  return events;
}
