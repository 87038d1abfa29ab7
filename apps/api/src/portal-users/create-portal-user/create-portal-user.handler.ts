import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideCreatePortalUser,
  DomainError,
  evolvePortalUser,
  initialPortalUserState,
  portalUserStream,
  type CreatePortalUser,
} from '@portal/domain';
import { AggregateRepository } from '../../commands/aggregate-repository';
import type { CommandContext } from '../../commands/command-context';
import { LiveRoles } from '../../portal-roles/live-roles';
import { PortalSeats } from '../../portals/portal-seats';
import { UniqueValues } from '../../portals/unique-values';
import { ContactSnapshots } from '../contact-snapshots';
import { ExistingPortalUsers } from '../existing-portal-users';
import { InvitationIssuer } from '../invitation-issuer';
import type { CreatePortalUserBody } from '../portal-user.schemas';
import { StaffEmailDomains } from '../staff-email-domains';
import { CreatePortalUserCommand } from './create-portal-user.command';

/**
 * Pure checks first (contact, email rules, roles, portals, free seats), so a refused user leaves
 * no trace; then the email reservation (409; for a contact whose user exists,
 * already_portal_user), a seat on each portal, and PortalUserCreated (+ InvitationSent per portal
 * when asked). If a later step fails, the seats and the email taken so far are given back.
 */
@CommandHandler(CreatePortalUserCommand)
export class CreatePortalUserHandler implements ICommandHandler<CreatePortalUserCommand> {
  constructor(
    private readonly repo: AggregateRepository,
    private readonly contacts: ContactSnapshots,
    private readonly existing: ExistingPortalUsers,
    private readonly staffDomains: StaffEmailDomains,
    private readonly roles: LiveRoles,
    private readonly seats: PortalSeats,
    private readonly uniques: UniqueValues,
    private readonly invitations: InvitationIssuer,
  ) {}

  async execute({ body, ctx }: CreatePortalUserCommand): Promise<{ id: string }> {
    const portalUserId = randomUUID();
    const staffEmailDomains = await this.staffDomains.current();
    const source = await this.sourceOf(body);
    const created = decideCreatePortalUser(
      {
        type: 'CreatePortalUser',
        portalUserId,
        source,
        portalIds: body.portalIds,
        roleIds: body.roleIds ?? [],
        staffEmailDomains,
      },
      initialPortalUserState,
    );
    const { email, portalIds } = created[0].data;
    await this.roles.assertLive(body.roleIds ?? [], '/roleIds');
    await this.assertSeatsAvailable(portalIds, portalUserId);

    await this.reserveEmail(email, portalUserId, source, ctx);
    const seated: string[] = [];
    try {
      for (const portalId of portalIds) {
        await this.seats.take(portalId, portalUserId, ctx);
        seated.push(portalId);
      }
      const state = created.reduce(evolvePortalUser, initialPortalUserState);
      const invited =
        body.sendInvitation === true
          ? this.invitations.decide(state, portalIds, { ctx, staffEmailDomains, contactDeleted: false })
          : [];
      await this.invitations.remember(portalUserId, invited);
      await this.repo.append(portalUserStream(portalUserId), [...created, ...invited], 'no-stream', ctx);
    } catch (error) {
      for (const portalId of seated)
        await this.seats.release(portalId, portalUserId, ctx).catch(() => undefined);
      await this.uniques.release('portalUserEmail', email, portalUserId, ctx).catch(() => undefined);
      throw error;
    }
    return { id: portalUserId };
  }

  private async sourceOf(body: CreatePortalUserBody): Promise<CreatePortalUser['source']> {
    if (body.contactId === undefined) {
      return {
        kind: 'new',
        email: body.email ?? '',
        firstName: body.firstName ?? '',
        lastName: body.lastName ?? '',
      };
    }
    const contact = await this.contacts.of(body.contactId);
    if (contact === null) {
      throw new DomainError('contact_not_found', 'No such contact.', 'invalid', [
        { path: '/contactId', message: 'no such contact' },
      ]);
    }
    if (!contact.deleted && (await this.existing.forContact(contact.contactId, contact.email)) !== null) {
      throw alreadyPortalUser();
    }
    return { kind: 'contact', contact };
  }

  private async assertSeatsAvailable(portalIds: readonly string[], portalUserId: string): Promise<void> {
    const errors: { path: string; message: string }[] = [];
    for (const [i, portalId] of portalIds.entries()) {
      try {
        await this.seats.assertAvailable(portalId, portalUserId);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'portal_not_found') throw error;
        errors.push({ path: `/portalIds/${i}`, message: 'no such portal' });
      }
    }
    if (errors.length > 0)
      throw new DomainError('portal_not_found', 'Some portals do not exist.', 'invalid', errors);
  }

  private async reserveEmail(
    email: string,
    portalUserId: string,
    source: CreatePortalUser['source'],
    ctx: CommandContext,
  ): Promise<void> {
    try {
      await this.uniques.reserve('portalUserEmail', email, portalUserId, ctx);
    } catch (error) {
      // Two creations from one contact race on its email: the loser is told what happened.
      const sameContact =
        error instanceof DomainError &&
        error.code === 'email_taken' &&
        source.kind === 'contact' &&
        (await this.existing.forContact(source.contact.contactId, email)) !== null;
      throw sameContact ? alreadyPortalUser() : error;
    }
  }
}

function alreadyPortalUser(): DomainError {
  return new DomainError('already_portal_user', 'This contact already is a portal user.', 'conflict', [
    { path: '/contactId', message: 'already a portal user' },
  ]);
}
