import { DomainError } from '../shared/domain-error';
import type { ChangePortalUserAccounts, CreatePortalUser } from './portal-user.commands';
import { assertUsableEmail } from './portal-user.email';
import type { PortalUserAccountsChanged, PortalUserCreated } from './portal-user.events';
import { assertPortalUserExists } from './portal-user.preconditions';
import type { PortalUserState } from './portal-user.state';

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

export function decideCreatePortalUser(
  command: CreatePortalUser,
  state: PortalUserState,
): PortalUserCreated[] {
  if (state.exists) {
    throw new DomainError('portal_user_exists', 'This portal user already exists.', 'conflict');
  }
  const { source } = command;
  if (source.kind === 'contact' && source.contact.deleted) {
    throw new DomainError('record_deleted', 'The contact was deleted.');
  }
  const raw = source.kind === 'contact' ? source.contact : source;
  const email = assertUsableEmail(raw.email, command.staffEmailDomains);
  const firstName = raw.firstName.trim();
  const lastName = raw.lastName.trim();
  if (firstName === '' && lastName === '') {
    throw new DomainError('name_required', 'A portal user needs a name.', 'invalid', [
      { path: 'lastName', message: 'required when firstName is empty' },
    ]);
  }
  return [
    {
      type: 'PortalUserCreated',
      data: {
        portalUserId: command.portalUserId,
        email,
        firstName,
        lastName,
        contactId: source.kind === 'contact' ? source.contact.contactId : null,
        accountIds: source.kind === 'contact' ? unique(source.contact.accountIds) : [],
        portalIds: unique(command.portalIds),
        roleIds: unique(command.roleIds),
      },
    },
  ];
}

export function decideChangePortalUserAccounts(
  command: ChangePortalUserAccounts,
  state: PortalUserState,
): PortalUserAccountsChanged[] {
  assertPortalUserExists(state);
  const to = unique(command.accountIds);
  const same = to.length === state.accountIds.length && to.every((id) => state.accountIds.includes(id));
  return same ? [] : [{ type: 'PortalUserAccountsChanged', data: { from: [...state.accountIds], to } }];
}
