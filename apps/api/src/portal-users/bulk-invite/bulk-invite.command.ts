import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { BulkInvitationBody } from '../portal-user.schemas';

export interface BulkInvitationResult {
  contactId: string;
  status: 'invited' | 'failed';
  reason?: string;
}

export class BulkInviteCommand extends Command<{ results: BulkInvitationResult[] }> {
  constructor(
    readonly portalId: string,
    readonly body: BulkInvitationBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
