import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  dataSubjectStream,
  decideRequestErasure,
  evolveErasureRequests,
  initialErasureRequestsState,
} from '@portal/domain';
import { DataSubjects } from '../data-subjects';
import { ErasureRequestLog } from './erasure-request-log';
import type { ErasureRequestView } from './erasure-request-views';
import { RequestErasureCommand } from './request-erasure.command';

@CommandHandler(RequestErasureCommand)
export class RequestErasureHandler implements ICommandHandler<RequestErasureCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly subjects: DataSubjects,
    private readonly log: ErasureRequestLog,
  ) {}

  async execute({ portalUserId, portalId, reason, ctx }: RequestErasureCommand): Promise<ErasureRequestView> {
    const subject = await this.subjects.resolve(portalUserId);
    const requestId = randomUUID();
    await this.commands.handle(
      {
        stream: dataSubjectStream(subject.id),
        evolve: evolveErasureRequests,
        initialState: initialErasureRequestsState,
        decide: (state) =>
          decideRequestErasure({ requestId, subjectId: subject.id, portalUserId, portalId, reason }, state),
      },
      ctx,
    );
    return (await this.log.latestOf(subject.id))!;
  }
}
