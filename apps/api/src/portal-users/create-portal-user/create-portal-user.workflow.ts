import type { CommandContext, StreamCommands } from '@portal/commands';
import {
  decideCreatePortalUser,
  decideRestrictProcessing,
  DomainError,
  evolvePortalUser,
  initialPortalUserState,
  isDomainError,
  portalUserStream,
  type CreatePortalUser,
  type PortalUserState,
  type ProcessingRestricted,
} from '@portal/domain';
import type { LiveRoles } from '../../portal-roles/live-roles';
import type { PortalSeats } from '../../shared-streams/portal-seats';
import type { UniqueValues } from '../../shared-streams/unique-values';
import type { ContactSnapshots } from '../contact-snapshots';
import type { ExistingPortalUsers } from '../existing-portal-users';
import type { InvitationIssuer } from '../invitation-issuer';
import type { SubjectRestrictions } from '../subject-restrictions';
import type { CreatePortalUserBody } from '../portal-user.schemas';

/** What the workflow works on: the write path, the shared streams, and the lookups it decides with. */
export interface CreatePortalUserPorts {
  commands: StreamCommands;
  uniques: Pick<UniqueValues, 'reserve' | 'release'>;
  seats: Pick<PortalSeats, 'assertAvailable' | 'take' | 'release'>;
  contacts: Pick<ContactSnapshots, 'of'>;
  existing: Pick<ExistingPortalUsers, 'forContact'>;
  roles: Pick<LiveRoles, 'assertLive'>;
  invitations: Pick<InvitationIssuer, 'decide' | 'remember'>;
  restrictions: Pick<SubjectRestrictions, 'holds'>;
  staffEmailDomains: () => Promise<readonly string[]>;
}

/**
 * Pure checks first (contact, email rules, roles, portals, free seats), so a refused user leaves
 * no trace; then the email reservation (409; for a contact whose user exists,
 * already_portal_user), a seat on each portal, and PortalUserCreated (+ InvitationSent per portal
 * when asked; ProcessingRestricted when the contact's processing is restricted, so a restriction of
 * the subject covers the users made for them afterwards). If a later step fails, the seats and
 * the email taken so far are given back.
 */
export async function createPortalUser(
  ports: CreatePortalUserPorts,
  body: CreatePortalUserBody,
  ctx: CommandContext,
  portalUserId: string,
): Promise<{ id: string }> {
  const staffEmailDomains = [...(await ports.staffEmailDomains())];
  const source = await sourceOf(ports, body);
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
  await ports.roles.assertLive(body.roleIds ?? [], '/roleIds');
  await assertSeatsAvailable(ports, portalIds, portalUserId);

  await reserveEmail(ports, email, portalUserId, source, ctx);
  const seated: string[] = [];
  try {
    for (const portalId of portalIds) {
      await ports.seats.take(portalId, portalUserId, ctx);
      seated.push(portalId);
    }
    await ports.commands.handle(
      {
        stream: portalUserStream(portalUserId),
        evolve: evolvePortalUser,
        initialState: initialPortalUserState,
        expected: 'no-stream',
        decide: async () => {
          const state = created.reduce(evolvePortalUser, initialPortalUserState);
          const restricted = await restrictionOf(ports, source, state);
          // A restricted subject is sent nothing: no invitation (an admin sends one once it is lifted).
          const invited =
            body.sendInvitation === true && restricted.length === 0
              ? ports.invitations.decide(state, portalIds, { ctx, staffEmailDomains, contactDeleted: false })
              : [];
          await ports.invitations.remember(portalUserId, invited);
          return [...created, ...restricted, ...invited];
        },
      },
      ctx,
    );
  } catch (error) {
    for (const portalId of seated)
      await ports.seats.release(portalId, portalUserId, ctx).catch(() => undefined);
    await ports.uniques.release('portalUserEmail', email, portalUserId, ctx).catch(() => undefined);
    throw error;
  }
  return { id: portalUserId };
}

/** ProcessingRestricted for a user made from a contact whose processing is restricted; none otherwise. */
async function restrictionOf(
  ports: CreatePortalUserPorts,
  source: CreatePortalUser['source'],
  state: PortalUserState,
): Promise<ProcessingRestricted[]> {
  if (source.kind !== 'contact') return [];
  const subjectId = source.contact.contactId;
  if (!(await ports.restrictions.holds(subjectId))) return [];
  return decideRestrictProcessing({ type: 'RestrictProcessing', subjectId }, state);
}

async function sourceOf(
  ports: CreatePortalUserPorts,
  body: CreatePortalUserBody,
): Promise<CreatePortalUser['source']> {
  if (body.contactId === undefined) {
    return {
      kind: 'new',
      email: body.email ?? '',
      firstName: body.firstName ?? '',
      lastName: body.lastName ?? '',
    };
  }
  const contact = await ports.contacts.of(body.contactId);
  if (contact === null) {
    throw new DomainError('contact_not_found', 'No such contact.', 'invalid', [
      { path: '/contactId', message: 'no such contact' },
    ]);
  }
  if (!contact.deleted && (await ports.existing.forContact(contact.contactId, contact.email)) !== null) {
    throw alreadyPortalUser();
  }
  return { kind: 'contact', contact };
}

async function assertSeatsAvailable(
  ports: CreatePortalUserPorts,
  portalIds: readonly string[],
  portalUserId: string,
): Promise<void> {
  const errors: { path: string; message: string }[] = [];
  for (const [i, portalId] of portalIds.entries()) {
    try {
      await ports.seats.assertAvailable(portalId, portalUserId);
    } catch (error) {
      if (!isDomainError(error, 'portal_not_found')) throw error;
      errors.push({ path: `/portalIds/${i}`, message: 'no such portal' });
    }
  }
  if (errors.length > 0)
    throw new DomainError('portal_not_found', 'Some portals do not exist.', 'invalid', errors);
}

async function reserveEmail(
  ports: CreatePortalUserPorts,
  email: string,
  portalUserId: string,
  source: CreatePortalUser['source'],
  ctx: CommandContext,
): Promise<void> {
  try {
    await ports.uniques.reserve('portalUserEmail', email, portalUserId, ctx);
  } catch (error) {
    // Two creations from one contact race on its email: the loser is told what happened.
    const sameContact =
      isDomainError(error, 'email_taken') &&
      source.kind === 'contact' &&
      (await ports.existing.forContact(source.contact.contactId, email)) !== null;
    throw sameContact ? alreadyPortalUser() : error;
  }
}

function alreadyPortalUser(): DomainError {
  return new DomainError('already_portal_user', 'This contact already is a portal user.', 'conflict', [
    { path: '/contactId', message: 'already a portal user' },
  ]);
}
