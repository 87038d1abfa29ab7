// The example role from EspoCRM's portal documentation: customers raise cases, see their
// account's cases and read the knowledge base.
import {
  canCreate,
  canDelete,
  canEdit,
  canRead,
  canStream,
  checkWritableFields,
  explain,
  mergeRoles,
  projectReadable,
  scopeFilter,
  matchesRecordFilter,
  type AclRecord,
  type EffectivePermissions,
  type AclUser,
  type PortalContext,
  type RoleDefinition,
} from './index';

const supportRole: RoleDefinition = {
  id: 'role-support',
  name: 'Customer support',
  scopes: {
    Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' },
    KnowledgeBaseArticle: { create: 'no', read: 'account', edit: 'no', delete: 'no' },
  },
  fields: { Case: { internalNotes: { read: 'no', edit: 'no' }, status: { read: 'yes', edit: 'no' } } },
};

const portal: PortalContext = {
  portalId: 'portal-1',
  tabList: ['Case', 'KnowledgeBaseArticle'],
  recordCriteria: { Case: [{ field: 'status', op: 'notIn', value: ['Internal review'] }] },
};

const alice: AclUser = {
  portalUserId: 'pu-alice',
  portalId: 'portal-1',
  contactId: 'c-alice',
  accountIds: ['a-acme'],
};

function aCase(overrides: Partial<AclRecord> = {}): AclRecord {
  return {
    id: 'case-1',
    entityType: 'Case',
    fields: { name: 'Printer on fire', status: 'New', internalNotes: 'VIP', assignedUserId: 'staff-1' },
    createdByPortalUserId: null,
    contactIds: ['c-bob'],
    accountIds: ['a-acme'],
    isInternal: false,
    deleted: false,
    ...overrides,
  };
}

function anArticle(overrides: Partial<AclRecord> = {}): AclRecord {
  return {
    id: 'kb-1',
    entityType: 'KnowledgeBaseArticle',
    fields: { name: 'How to reset', status: 'Published' },
    createdByPortalUserId: null,
    contactIds: [],
    accountIds: [],
    isInternal: false,
    deleted: false,
    portalIds: ['portal-1'],
    ...overrides,
  };
}

describe('EspoCRM example role: Customer support', () => {
  // Merged inside each test, so mutation testing attributes mergeRoles to the tests that use it.
  let perms: EffectivePermissions;
  beforeEach(() => {
    perms = mergeRoles([supportRole]);
  });

  describe('given a case of the user’s account raised by a colleague', () => {
    const record = aCase();
    it('then the user can read and comment on it but not edit or delete it', () => {
      expect(canRead(portal, perms, alice, record)).toBe(true);
      expect(canStream(portal, perms, alice, record)).toBe(true);
      expect(canEdit(portal, perms, alice, record)).toBe(false);
      expect(canDelete(portal, perms, alice, record)).toBe(false);
    });

    it('then explain names the role granting read and says why edit is refused', () => {
      const explanation = explain(portal, perms, alice, record, 'Case');
      expect(explanation.actions.read).toEqual({
        allowed: true,
        level: 'account',
        grantedBy: [{ id: 'role-support', name: 'Customer support' }],
      });
      expect(explanation.actions.edit).toMatchObject({ allowed: false, level: 'no', reason: 'no_access' });
      expect(explanation.actions.create).toMatchObject({ allowed: true, level: 'yes' });
      expect(explanation.fields.hidden).toEqual(['internalNotes']);
      expect(explanation.fields.readOnly).toEqual(['status']);
    });

    it('then the internal notes are stripped and status is shown', () => {
      expect(projectReadable(perms, 'Case', record.fields)).toEqual({
        name: 'Printer on fire',
        status: 'New',
        assignedUserId: 'staff-1',
      });
    });
  });

  describe('given a case of another account', () => {
    const record = aCase({ accountIds: ['a-other'], contactIds: ['c-other'] });
    it('then nothing is allowed and explain says the level is too narrow', () => {
      expect(canRead(portal, perms, alice, record)).toBe(false);
      expect(canStream(portal, perms, alice, record)).toBe(false);
      const explanation = explain(portal, perms, alice, record, 'Case');
      expect(explanation.actions.read.reason).toBe('level_too_narrow');
      expect(explanation.actions.stream.reason).toBe('not_readable');
    });
  });

  describe('given a case the user raised that has no links', () => {
    it('then the user still reads it (own is inside account)', () => {
      const record = aCase({ accountIds: [], contactIds: [], createdByPortalUserId: 'pu-alice' });
      expect(canRead(portal, perms, alice, record)).toBe(true);
    });
  });

  describe.each([
    ['an internal', aCase({ isInternal: true }), 'internal'],
    ['a deleted', aCase({ deleted: true }), 'deleted'],
    ['a criteria-excluded', aCase({ fields: { status: 'Internal review' } }), 'record_criteria'],
  ])('given %s case of the user’s account', (_label, record, reason) => {
    it('then it is invisible, for every action', () => {
      expect(canRead(portal, perms, alice, record)).toBe(false);
      expect(canStream(portal, perms, alice, record)).toBe(false);
      const explanation = explain(portal, perms, alice, record, 'Case');
      expect(explanation.actions.read.reason).toBe(reason);
      expect(explanation.actions.stream.reason).toBe(reason);
    });
  });

  describe('when the user sends fields to write', () => {
    it('then hidden, read-only and always read-only fields are refused', () => {
      expect(
        checkWritableFields(perms, 'Case', [
          'name',
          'description',
          'status',
          'internalNotes',
          'assignedUserId',
          'teamIds',
        ]),
      ).toEqual(['status', 'internalNotes', 'assignedUserId', 'teamIds']);
    });
  });

  describe('creating', () => {
    it('then cases can be created, articles cannot, and nothing outside the tab list', () => {
      expect(canCreate(portal, perms, 'Case')).toBe(true);
      expect(canCreate(portal, perms, 'KnowledgeBaseArticle')).toBe(false);
      expect(canCreate({ ...portal, tabList: ['KnowledgeBaseArticle'] }, perms, 'Case')).toBe(false);
    });
  });

  describe('knowledge base', () => {
    it('given a published portal-wide article, then it is readable', () => {
      expect(canRead(portal, perms, alice, anArticle())).toBe(true);
      expect(canEdit(portal, perms, alice, anArticle())).toBe(false);
    });

    it('given an article for the user’s account, then it is readable; for another account, not', () => {
      expect(canRead(portal, perms, alice, anArticle({ accountIds: ['a-acme'] }))).toBe(true);
      expect(canRead(portal, perms, alice, anArticle({ accountIds: ['a-other'] }))).toBe(false);
    });

    it('given a draft or an article of another portal, then it is not readable', () => {
      const draft = anArticle({ fields: { status: 'Draft' } });
      const elsewhere = anArticle({ portalIds: ['portal-2'] });
      expect(canRead(portal, perms, alice, draft)).toBe(false);
      expect(canRead(portal, perms, alice, elsewhere)).toBe(false);
      expect(explain(portal, perms, alice, draft, 'KnowledgeBaseArticle').actions.read.reason).toBe(
        'not_published',
      );
      expect(explain(portal, perms, alice, elsewhere, 'KnowledgeBaseArticle').actions.read.reason).toBe(
        'not_in_portal',
      );
    });
  });

  describe('listing', () => {
    it('then the scope filter selects exactly the records single checks accept', () => {
      const records = [
        aCase(),
        aCase({ id: 'case-2', accountIds: ['a-other'], contactIds: [] }),
        aCase({ id: 'case-3', isInternal: true }),
        aCase({ id: 'case-4', contactIds: ['c-alice'], accountIds: [] }),
        anArticle(),
      ];
      const filter = scopeFilter(portal, perms, alice, 'Case');
      expect(records.filter((r) => matchesRecordFilter(r, filter)).map((r) => r.id)).toEqual([
        'case-1',
        'case-4',
      ]);
    });
  });

  describe('given a user signed in to another portal', () => {
    it('then nothing is readable and explain says so', () => {
      const visitor = { ...alice, portalId: 'portal-2' };
      expect(canRead(portal, perms, visitor, aCase())).toBe(false);
      expect(scopeFilter(portal, perms, visitor, 'Case')).toEqual({ kind: 'none' });
      expect(explain(portal, perms, visitor, aCase(), 'Case').actions.read.reason).toBe('wrong_portal');
    });
  });
});
