import { Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { StreamCommands, type CommandContext } from '@portal/commands';
import {
  dataSubjectStream,
  decideLiftDataSubjectRestriction,
  decideRestrictDataSubject,
  evolveDataSubject,
  initialDataSubjectState,
  type DataSubjectEvent,
  type DataSubjectState,
  type PortalUserCommand,
} from '@portal/domain';
import { StaffAuth } from '../../auth/auth.decorators';
import { Ctx } from '../../http/request-context';
import { UuidParam } from '../../http/validated.decorators';
import { named } from '../../openapi/api-schemas';
import { Answers, Refuses } from '../../openapi/answers.decorators';
import { ChangePortalUserCommand } from '../../portal-users/change-portal-user/change-portal-user.command';
import { PortalUserSessions } from '../../portal-users/portal-user-sessions';
import { DataSubjects, type DataSubject } from '../data-subjects';

export const restrictionSchema = named(
  'DataSubjectRestriction',
  z.object({
    subjectId: z.uuid(),
    portalUserIds: z.array(z.uuid()),
    restricted: z.boolean(),
  }),
);
type RestrictionAnswer = z.infer<typeof restrictionSchema>;

/**
 * Restriction of processing: the subject gets DataSubjectRestricted on `dataSubject-<id>` (so a
 * portal user created for them later starts restricted), and each portal user of theirs gets
 * ProcessingRestricted on their own stream (what every login and request folds, and what the mailer
 * checks before each send), so they cannot log in (401 processing_restricted) and are sent nothing
 * until it is lifted.
 */
@ApiTags('privacy')
@Controller('v1/data-subjects')
export class RestrictionHttp {
  constructor(
    private readonly commands: CommandBus,
    private readonly streams: StreamCommands,
    private readonly subjects: DataSubjects,
    private readonly sessions: PortalUserSessions,
  ) {}

  @Post(':id/restriction')
  @HttpCode(200)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Restrict processing of a data subject (no login, no email)' })
  @Answers(200, 'Restricted (again: 200); their sessions end at once.', restrictionSchema)
  @Refuses({ 404: '`data_subject_not_found`.' })
  async restrict(@UuidParam('id') id: string, @Ctx() ctx: CommandContext): Promise<RestrictionAnswer> {
    const named = await this.subjects.resolve(id);
    await this.record(named, (state) => decideRestrictDataSubject(named.id, state), ctx);
    // Their users as the read models know them now: one created before the record is among them.
    const subject = await this.subjects.resolve(named.id);
    await this.change(subject, { type: 'RestrictProcessing', subjectId: subject.id }, ctx);
    for (const userId of subject.portalUserIds) await this.sessions.endAll(userId);
    return { subjectId: subject.id, portalUserIds: subject.portalUserIds, restricted: true };
  }

  @Delete(':id/restriction')
  @HttpCode(200)
  @StaffAuth('admin')
  @ApiOperation({ summary: 'Lift the restriction of processing of a data subject' })
  @Answers(200, 'Lifted (again: 200): logins and emails are possible again.', restrictionSchema)
  @Refuses({ 404: '`data_subject_not_found`.' })
  async lift(@UuidParam('id') id: string, @Ctx() ctx: CommandContext): Promise<RestrictionAnswer> {
    const subject = await this.subjects.resolve(id);
    await this.record(subject, (state) => decideLiftDataSubjectRestriction(subject.id, state), ctx);
    await this.change(subject, { type: 'LiftProcessingRestriction', subjectId: subject.id }, ctx);
    return { subjectId: subject.id, portalUserIds: subject.portalUserIds, restricted: false };
  }

  /** The subject's own record first: a user created meanwhile finds it there. */
  private async record(
    subject: DataSubject,
    decide: (state: DataSubjectState) => DataSubjectEvent[],
    ctx: CommandContext,
  ): Promise<void> {
    await this.streams.handle(
      {
        stream: dataSubjectStream(subject.id),
        evolve: evolveDataSubject,
        initialState: initialDataSubjectState,
        decide,
      },
      ctx,
    );
  }

  private async change(subject: DataSubject, command: PortalUserCommand, ctx: CommandContext) {
    for (const userId of subject.portalUserIds) {
      await this.commands.execute(new ChangePortalUserCommand(userId, command, ctx));
    }
  }
}
