// The always read-only fields, pinned through the deciders: whatever the roles say (one of them
// opens every field explicitly), a portal user sending one of them on create or edit is refused
// with field_read_only naming it. The list is written here from the security model, not read back
// from @portal/acl. On create a type's own account and contact links are the exception: they are
// checked against the user's own account and contact instead (link_not_allowed), so any other
// value is refused too.
import { mergeRoles, type AclUser, type PortalContext, type RoleDefinition } from '@portal/acl';
import fc from 'fast-check';
import { CASE_ENTITY_TYPE } from '../entity-type/built-in-entity-types';
import type { RecordEvent } from './record.events';
import { decideCreateRecordAsPortalUser, decideUpdateRecordAsPortalUser } from './record.portal-user.decide';
import { given, refusal } from './testing/record.scenario';

const ALWAYS_READ_ONLY = [
  'assignedUserId',
  'teamIds',
  'id',
  'entityType',
  'createdAt',
  'createdBy',
  'modifiedAt',
  'modifiedBy',
  'createdByPortalUserId',
  'modifiedByPortalUserId',
  'deleted',
  'isInternal',
  'version',
  'accountId',
  'accountIds',
  'contactId',
  'contactIds',
  'portalIds',
];
/** Case's own ownership links: on create they are held to the user's own ids instead. */
const CASE_OWN_LINKS = ['accountId', 'contactId'];

const PORTAL = 'a0000000-0000-4000-8000-000000000001';
const ACME = 'd0000000-0000-4000-8000-000000000001';
const GLOBEX = 'd0000000-0000-4000-8000-000000000003';
const CASE_ID = 'f0000000-0000-4000-8000-000000000001';

const ctx: PortalContext = { portalId: PORTAL, tabList: ['Case'], recordCriteria: {} };
const user: AclUser = {
  portalUserId: 'b0000000-0000-4000-8000-000000000001',
  portalId: PORTAL,
  contactId: 'c0000000-0000-4000-8000-000000000001',
  accountIds: [ACME],
};

const caseRole = (
  id: string,
  read: 'own' | 'account' | 'all',
  edit: 'own' | 'account' | 'all',
): RoleDefinition => ({
  id,
  name: id,
  scopes: { Case: { create: 'yes', read, edit } },
  fields: {},
});
/** Opens every protected field outright: it must change nothing. */
const opensEverything: RoleDefinition = {
  ...caseRole('opens-everything', 'all', 'all'),
  fields: { Case: Object.fromEntries(ALWAYS_READ_ONLY.map((f) => [f, { read: 'yes', edit: 'yes' }])) },
};
const rolesArb = fc.constantFrom<RoleDefinition[]>(
  [caseRole('account-editors', 'account', 'account')],
  [caseRole('all-editors', 'all', 'all')],
  [opensEverything],
  [caseRole('account-editors', 'account', 'account'), opensEverything],
);
const valueArb = fc.oneof(
  fc.constantFrom(null, true, false, 0, '', 'x', ACME, GLOBEX, PORTAL, CASE_ID),
  fc.array(fc.constantFrom(ACME, GLOBEX, PORTAL), { maxLength: 2 }),
);

const acmeCase: RecordEvent = {
  type: 'RecordCreated',
  data: { id: CASE_ID, entityType: 'Case', fields: { name: 'Outage', status: 'New', accountId: ACME } },
};

describe('always read-only fields sent by a portal user', () => {
  it('on edit, every one is refused for every role, with field_read_only naming it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALWAYS_READ_ONLY), rolesArb, valueArb, (field, roles, value) => {
        const error = refusal(() =>
          decideUpdateRecordAsPortalUser(
            {
              type: 'UpdateRecordAsPortalUser',
              entityType: 'Case',
              fields: { name: 'Renamed', [field]: value },
            },
            given(acmeCase),
            CASE_ENTITY_TYPE,
            { ctx, perms: mergeRoles(roles), user },
          ),
        );
        expect([error.code, error.errors.map((e) => e.path)]).toEqual(['field_read_only', [field]]);
      }),
      { numRuns: 150 },
    );
  });

  it('on create, every one but the own links is refused for every role, with field_read_only naming it', () => {
    const refusedOnCreate = ALWAYS_READ_ONLY.filter((f) => !CASE_OWN_LINKS.includes(f));
    fc.assert(
      fc.property(fc.constantFrom(...refusedOnCreate), rolesArb, valueArb, (field, roles, value) => {
        const error = refusal(() =>
          decideCreateRecordAsPortalUser(
            {
              type: 'CreateRecordAsPortalUser',
              recordId: CASE_ID,
              entityType: 'Case',
              fields: { name: 'New', [field]: value },
              defaultCaseAssigneeId: null,
            },
            given(),
            CASE_ENTITY_TYPE,
            { ctx, perms: mergeRoles(roles), user },
          ),
        );
        expect([error.code, error.errors.map((e) => e.path)]).toEqual(['field_read_only', [field]]);
      }),
      { numRuns: 150 },
    );
  });

  it('on create, the own links take only the user’s own account and contact', () => {
    for (const roles of [[opensEverything], [caseRole('all-editors', 'all', 'all')]]) {
      const error = refusal(() =>
        decideCreateRecordAsPortalUser(
          {
            type: 'CreateRecordAsPortalUser',
            recordId: CASE_ID,
            entityType: 'Case',
            fields: { name: 'New', accountId: GLOBEX },
            defaultCaseAssigneeId: null,
          },
          given(),
          CASE_ENTITY_TYPE,
          { ctx, perms: mergeRoles(roles), user },
        ),
      );
      expect([error.code, error.errors.map((e) => e.path)]).toEqual(['link_not_allowed', ['accountId']]);
    }
  });
});

describe('own links on a portal user’s new case', () => {
  const create = (fields: Record<string, unknown>) =>
    decideCreateRecordAsPortalUser(
      {
        type: 'CreateRecordAsPortalUser',
        recordId: CASE_ID,
        entityType: 'Case',
        fields,
        defaultCaseAssigneeId: null,
      },
      given(),
      CASE_ENTITY_TYPE,
      { ctx, perms: mergeRoles([caseRole('account-editors', 'account', 'account')]), user },
    );

  it('given the user’s own account and contact, then the case keeps them', () => {
    const [event] = create({ name: 'New', accountId: ACME, contactId: user.contactId });
    expect(event.data.fields).toMatchObject({ accountId: ACME, contactId: user.contactId });
  });

  it('given null links, then they count as unset and the case is linked to the user', () => {
    const [event] = create({ name: 'New', accountId: null, contactId: null });
    expect(event.data.fields).toMatchObject({ accountId: ACME, contactId: user.contactId });
  });

  it('given a refused field, then the problem names it and says it cannot be set', () => {
    const error = refusal(() => create({ name: 'New', version: 3, teamIds: [] }));
    expect(error.message).toBe('These fields cannot be set: version, teamIds');
    expect(error.errors).toEqual([
      { path: 'version', message: 'cannot be set' },
      { path: 'teamIds', message: 'cannot be set' },
    ]);
  });
});
