import type { FastifyRequest } from 'fastify';

/** Who is knocking, as recorded in login events and used by rate limits. */
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

const MAX_USER_AGENT = 512;

export function clientInfoOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return {
    ip: request.ip ?? 'unknown',
    userAgent: typeof agent === 'string' ? agent.slice(0, MAX_USER_AGENT) : '',
  };
}
