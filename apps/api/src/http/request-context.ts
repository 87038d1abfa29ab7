import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SYSTEM_ACTOR } from '@portal/domain';
import { CommandContext } from '@portal/commands';
import { Principal, principalToActor } from '../auth/principal';

export type PortalRequest = FastifyRequest & { user?: Principal; commandContext?: CommandContext };

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The command context of this request, created once: actor from the principal, correlation from the header. */
export function commandContextOf(request: PortalRequest): CommandContext {
  if (!request.commandContext) {
    const header = request.headers[CORRELATION_HEADER];
    const correlationId = typeof header === 'string' && SAFE_ID.test(header) ? header : undefined;
    request.commandContext = new CommandContext(
      request.user ? principalToActor(request.user) : SYSTEM_ACTOR,
      {
        correlationId,
      },
    );
  }
  return request.commandContext;
}

/** `@Ctx() ctx: CommandContext` in a controller method. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  commandContextOf(context.switchToHttp().getRequest<PortalRequest>()),
);

/** `@CurrentPrincipal() principal: Principal` in a controller method (after an auth guard). */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<PortalRequest>().user,
);
