import { Inject, Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands, type CommandContext } from '@portal/commands';
import { evolvePortal, initialPortalState, portalStream } from '@portal/domain';
import { READ_MODELS, ReadModelNames, RecordDoc } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { ProblemException } from '../../http/problem';
import { READ_STORE } from '../../infrastructure/tokens';
import { ReadModelCatchUp } from '../../infrastructure/read-model-catch-up';
import { CreatePortalUserCommand } from '../create-portal-user/create-portal-user.command';
import { BulkInviteCommand, type BulkInvitationResult } from './bulk-invite.command';
import { bulkInvite, type BulkInvitePorts } from './bulk-invite.workflow';

const PAGE = 500;

/**
 * The bulk invitation (bulk-invite.workflow.ts) of the contacts named, or with `accountId` of the
 * account's contacts (records read model, deleted ones left out).
 */
@CommandHandler(BulkInviteCommand)
export class BulkInviteHandler implements ICommandHandler<BulkInviteCommand> {
  private readonly logger = new Logger('BulkInvitations');

  constructor(
    private readonly commands: CommandBus,
    private readonly streams: StreamCommands,
    private readonly catchUp: ReadModelCatchUp,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  async execute({ portalId, body, ctx }: BulkInviteCommand): Promise<{ results: BulkInvitationResult[] }> {
    await this.assertPortalExists(portalId);
    const contactIds = [...new Set(body.contactIds ?? (await this.contactsOfAccount(body.accountId ?? '')))];
    return { results: await bulkInvite(this.ports(), portalId, contactIds, ctx) };
  }

  private ports(): BulkInvitePorts {
    return {
      createPortalUser: (body, ctx: CommandContext) =>
        this.commands.execute(new CreatePortalUserCommand(body, ctx)),
      log: (line) => this.logger.log(line),
      logError: (line) => this.logger.error(line),
    };
  }

  private async assertPortalExists(portalId: string): Promise<void> {
    const { state } = await this.streams.read(portalStream(portalId), {
      evolve: evolvePortal,
      initialState: initialPortalState,
    });
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
