import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  dataSubjectStream,
  decideApproveErasureRequest,
  decideRefuseErasureRequest,
  evolveErasureRequests,
  initialErasureRequestsState,
  type ErasureRequestApproved,
  type ErasureRequestRefused,
} from '@portal/domain';
import { EraseDataSubjectCommand } from '../erase-data-subject/erase-data-subject.command';
import { ErasureRequestLog } from './erasure-request-log';
import type { ErasureRequestView } from './erasure-request-views';
import { DecideErasureRequestCommand } from './request-erasure.command';

/**
 * Approval is recorded first, then the erasure runs as POST …/erase does (carrying the request's id);
 * should it fail half-way, the admin repeats it with POST /v1/data-subjects/{id}/erase, which is
 * safe to repeat.
 */
@CommandHandler(DecideErasureRequestCommand)
export class DecideErasureRequestHandler implements ICommandHandler<DecideErasureRequestCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly commandBus: CommandBus,
    private readonly log: ErasureRequestLog,
  ) {}

  async execute({ requestId, decision, ctx }: DecideErasureRequestCommand): Promise<ErasureRequestView> {
    const request = await this.log.get(requestId);
    await this.commands.handle(
      {
        stream: dataSubjectStream(request.subjectId),
        evolve: evolveErasureRequests,
        initialState: initialErasureRequestsState,
        decide: (state): (ErasureRequestApproved | ErasureRequestRefused)[] =>
          decision.approve
            ? decideApproveErasureRequest({ requestId }, state)
            : decideRefuseErasureRequest({ requestId, reason: decision.reason }, state),
      },
      ctx,
    );
    if (decision.approve) {
      await this.commandBus.execute(
        new EraseDataSubjectCommand(request.subjectId, `erasure request ${requestId}`, requestId, ctx),
      );
    }
    return this.log.get(requestId);
  }
}
