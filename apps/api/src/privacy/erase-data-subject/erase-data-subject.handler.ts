import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import {
  dataSubjectStream,
  decideEraseDataSubject,
  evolveDataSubject,
  initialDataSubjectState,
} from '@portal/domain';
import { ChangePortalUserCommand } from '../../portal-users/change-portal-user/change-portal-user.command';
import { PortalUserSessions } from '../../portal-users/portal-user-sessions';
import { AttachmentBlobEraser } from '../blob-erasure/attachment-blob-eraser';
import { DataKeys } from '../data-keys';
import { DataSubjects } from '../data-subjects';
import { PendingEmailsOfSubject } from '../pending-emails-of-subject';
import type { ErasureAnswer } from '../privacy.schemas';
import { EraseDataSubjectCommand } from './erase-data-subject.command';
import { UniqueValues } from '../../shared-streams/unique-values';

/** What every read path shows once a value's key is gone. */
const ERASED = '[erased]';

/**
 * Erasure by crypto-shredding, in an order that is safe to repeat after a crash: the portal users
 * are deactivated and their sessions ended (nobody acts as them meanwhile), the keys are destroyed
 * (from here every read path shows "[erased]"), then DataSubjectErased is appended (the projector
 * patches the read models; every process forgets the keys), then queued emails and uploaded blobs go.
 */
@CommandHandler(EraseDataSubjectCommand)
export class EraseDataSubjectHandler implements ICommandHandler<EraseDataSubjectCommand> {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly commands: StreamCommands,
    private readonly subjects: DataSubjects,
    private readonly keys: DataKeys,
    private readonly sessions: PortalUserSessions,
    private readonly pendingEmails: PendingEmailsOfSubject,
    private readonly blobs: AttachmentBlobEraser,
    private readonly uniques: UniqueValues,
  ) {}

  async execute({ subjectId, reason, requestId, ctx }: EraseDataSubjectCommand): Promise<ErasureAnswer> {
    const subject = await this.subjects.resolve(subjectId);
    for (const userId of subject.portalUserIds) {
      await this.commandBus.execute(
        new ChangePortalUserCommand(userId, { type: 'DeactivatePortalUser' }, ctx),
      );
      await this.sessions.endAll(userId);
    }
    // The address is free again (the released value is encrypted, and erased a moment later).
    for (const { portalUserId, email } of subject.emails) {
      if (email !== ERASED) await this.uniques.release('portalUserEmail', email, portalUserId, ctx);
    }
    await this.keys.erase(subject.owners);
    await this.commands.handle(
      {
        stream: dataSubjectStream(subject.id),
        evolve: evolveDataSubject,
        initialState: initialDataSubjectState,
        decide: (state) =>
          decideEraseDataSubject({ subjectId: subject.id, owners: subject.owners, reason, requestId }, state),
      },
      ctx,
    );
    const droppedEmails = await this.pendingEmails.drop(subject.portalUserIds);
    const deletedFiles = await this.blobs.eraseUploadsOf(subject.portalUserIds);
    return {
      subjectId: subject.id,
      contactId: subject.contactId,
      portalUserIds: subject.portalUserIds,
      droppedEmails,
      deletedFiles,
    };
  }
}
