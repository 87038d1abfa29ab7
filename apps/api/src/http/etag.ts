import type { FastifyReply } from 'fastify';
import type { PortalRequest } from './request-context';
import { ProblemException } from './problem';

/** `ETag: "<revision>"` on single-record GETs: the stream revision the document reflects. */
export function setEtag(reply: FastifyReply, revision: number): void {
  void reply.header('etag', `"${revision}"`);
}

/**
 * The revision an `If-Match` header asks for, or undefined without one. A stale revision must be
 * answered 412 and passed to the append (StreamCommands does both) as the expected revision, so a
 * concurrent writer between the check and the append still loses.
 */
export function ifMatchRevision(request: PortalRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header) : null;
  if (!match)
    throw ProblemException.of(
      400,
      'invalid_if_match',
      'If-Match must be an ETag returned by a GET, e.g. "3".',
    );
  return Number(match[1]);
}
