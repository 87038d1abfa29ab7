import type { Actor } from '@portal/domain';
import { CommandContext } from '@portal/commands';

/**
 * A command context for events whose actor is not the request's principal (a login is made by the
 * user it logs in, before any token exists). Same correlation; its own command id, so its event ids
 * never collide with the request's; its position flows back to the request for X-Consistency-Token.
 */
export function actingAs(request: CommandContext, actor: Actor, now: Date = new Date(request.now)) {
  const ctx = new CommandContext(actor, { correlationId: request.correlationId, now });
  return {
    ctx,
    /** Call after appending: the request answers with the furthest position reached. */
    report: () => {
      if (ctx.position !== undefined) request.recordPosition(ctx.position);
    },
  };
}
