import { Inject, Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  evolvePortal,
  initialPortalState,
  portalStream,
  type PortalEvent,
  type PortalState,
} from '@portal/domain';
import { READ_MODELS, ReadModelNames, RecordDoc } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { AggregateRepository } from '../../commands/aggregate-repository';
import type { CommandContext } from '../../commands/command-context';
import { ProblemException } from '../../http/problem';
import { READ_STORE } from '../../infrastructure/tokens';
import { ReadModelCatchUp } from '../../portals/read-model-catch-up';
import { CreatePortalUserCommand } from '../create-portal-user/create-portal-user.command';
import { bulkInvitationReason } from './bulk-invitation-reason';
import { BulkInviteCommand, type BulkInvitationResult } from './bulk-invite.command';

/** Progress is logged every this many contacts: a large batch is a long job. */
const PROGRESS_EVERY = 50;
const PAGE = 500;

/**
 * For each contact, in order: create its portal user in this portal and send the invitation,
 * exactly as POST /v1/portal-users would; a contact's failure is its result and never stops the
 * others. `accountId` invites the account's contacts (records read model, deleted ones left out).
 */
@CommandHandler(BulkInviteCommand)
export class BulkInviteHandler implements ICommandHandler<BulkInviteCommand> {
  private readonly logger = new Logger('BulkInvitations');

  constructor(
    private readonly commands: CommandBus,
    private readonly repo: AggregateRepository,
    private readonly catchUp: ReadModelCatchUp,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ portalId, body, ctx }: BulkInviteCommand): Promise<{ results: BulkInvitationResult[] }> {
    await this.assertPortalExists(portalId);
    const contactIds = [...new Set(body.contactIds ?? (await this.contactsOfAccount(body.accountId ?? '')))];
    const results: BulkInvitationResult[] = [];
    for (const [i, contactId] of contactIds.entries()) {
      results.push(await this.inviteOne(contactId, portalId, ctx));
      if ((i + 1) % PROGRESS_EVERY === 0 && i + 1 < contactIds.length) {
        this.logger.log(`portal ${portalId}: ${i + 1} of ${contactIds.length} contacts done`);
      }
    }
    const invited = results.filter((r) => r.status === 'invited').length;
    this.logger.log(`portal ${portalId}: ${invited} of ${contactIds.length} contacts invited`);
    return { results };
  }

  private async inviteOne(
    contactId: string,
    portalId: string,
    ctx: CommandContext,
  ): Promise<BulkInvitationResult> {
    try {
      await this.commands.execute(
        new CreatePortalUserCommand({ contactId, portalIds: [portalId], sendInvitation: true }, ctx),
      );
      return { contactId, status: 'invited' };
    } catch (error) {
      const reason = bulkInvitationReason(error);
      if (reason !== undefined) return { contactId, status: 'failed', reason };
      // Ids only: the error may quote personal data.
      this.logger.error(
        `portal ${portalId}, contact ${contactId}: ${error instanceof Error ? error.name : 'error'}`,
      );
      return { contactId, status: 'failed', reason: 'internal_error' };
    }
  }

  private async assertPortalExists(portalId: string): Promise<void> {
    const { state } = await this.repo.load<PortalState, PortalEvent>(
      portalStream(portalId),
      evolvePortal,
      initialPortalState,
    );
    if (!state.exists) throw ProblemException.of(404, 'portal_not_found', 'Portal not found.');
  }

  private async contactsOfAccount(accountId: string): Promise<string[]> {
    await this.catchUp.untilHead();
    const collection = await this.names.collection(READ_MODELS.records);
    const ids: string[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const { items } = await this.readStore.find<RecordDoc & { [key: string]: unknown }>(collection, {
        filter: {
          kind: 'and',
          filters: [
            { kind: 'eq', path: 'entityType', value: 'Contact' },
            { kind: 'eq', path: 'deleted', value: false },
            { kind: 'overlaps', path: 'accountIds', values: [accountId] },
          ],
        },
        sort: [{ path: 'createdAt', direction: 'asc' }],
        offset,
        limit: PAGE,
      });
      ids.push(...items.map((doc) => doc.id));
      if (items.length < PAGE) return ids;
    }
  }
}
