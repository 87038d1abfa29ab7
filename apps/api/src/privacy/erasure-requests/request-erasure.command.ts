import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { ErasureRequestView } from './erasure-request-views';

/** A portal user asks for their own data subject to be erased. */
export class RequestErasureCommand extends Command<ErasureRequestView> {
  constructor(
    readonly portalUserId: string,
    readonly portalId: string,
    readonly reason: string | null,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** An admin approves (and so performs the erasure) or refuses a pending request. */
export class DecideErasureRequestCommand extends Command<ErasureRequestView> {
  constructor(
    readonly requestId: string,
    readonly decision: { approve: true } | { approve: false; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
