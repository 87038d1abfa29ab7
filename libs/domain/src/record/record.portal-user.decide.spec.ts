import { mergeRoles, type AclUser, type PortalContext, type RoleDefinition } from '@portal/acl';
import { CASE_ENTITY_TYPE, DOCUMENT_ENTITY_TYPE } from '../entity-type/built-in-entity-types';
import type { EntityTypeDefinition } from '../entity-type/entity-type.definition';
import type { PortalUserAccess } from './record.commands';
import type { RecordEvent } from './record.events';
import {
  decideCreateRecordAsPortalUser,
  decideDeleteRecordAsPortalUser,
  decidePostCommentAsPortalUser,
  decideUpdateRecordAsPortalUser,
} from './record.portal-user.decide';
import { given, problem, refusal } from './testing/record.scenario';

const PORTAL = 'a0000000-0000-4000-8000-000000000001';
const OTHER_PORTAL = 'a0000000-0000-4000-8000-000000000002';
const USER = 'b0000000-0000-4000-8000-000000000001';
const OTHER_USER = 'b0000000-0000-4000-8000-000000000002';
const CONTACT_ID = 'c0000000-0000-4000-8000-000000000001';
const OTHER_CONTACT = 'c0000000-0000-4000-8000-000000000002';
const ACME = 'd0000000-0000-4000-8000-000000000001';
const ACME_EU = 'd0000000-0000-4000-8000-000000000002';
const GLOBEX = 'd0000000-0000-4000-8000-000000000003';
const ASSIGNEE = 'e0000000-0000-4000-8000-000000000001';
const CASE_ID = 'f0000000-0000-4000-8000-000000000001';
const DOC_ID = 'f0000000-0000-4000-8000-000000000002';
const COMMENT_ID = 'f0000000-0000-4000-8000-000000000003';

/** EspoCRM's example portal role (seed 000), with the API's field restrictions. */
const customerSupport: RoleDefinition = {
  id: 'role-support',
  name: 'Customer support',
  scopes: {
    Case: { create: 'yes', read: 'account', edit: 'no', delete: 'no', stream: 'account' },
    KnowledgeBaseArticle: { create: 'no', read: 'account', edit: 'no', delete: 'no' },
  },
  fields: { Case: { internalNotes: { read: 'no', edit: 'no' }, status: { read: 'yes', edit: 'no' } } },
};

const editors: RoleDefinition = {
  id: 'role-editors',
  name: 'Editors',
  scopes: {
    Case: { create: 'yes', read: 'account', edit: 'account', delete: 'own', stream: 'account' },
    Document: { create: 'yes', read: 'account', edit: 'own', delete: 'own' },
    Ticket: { create: 'yes', read: 'own', edit: 'own' },
  },
  fields: { Case: { internalNotes: { read: 'no', edit: 'no' } } },
};

const ctx: PortalContext = {
  portalId: PORTAL,
  tabList: ['Case', 'KnowledgeBaseArticle', 'Document', 'Ticket'],
  recordCriteria: { Case: [{ field: 'status', op: 'notIn', value: ['Internal review'] }] },
};
const user: AclUser = {
  portalUserId: USER,
  portalId: PORTAL,
  contactId: CONTACT_ID,
  accountIds: [ACME, ACME_EU],
};

function access(roles: RoleDefinition[], overrides: Partial<PortalUserAccess> = {}): PortalUserAccess {
  return { ctx, perms: mergeRoles(roles), user, ...overrides };
}
const support = access([customerSupport]);
const editor = access([editors]);

function staffCase(fields: Record<string, unknown>): RecordEvent {
  return {
    type: 'RecordCreated',
    data: {
      id: CASE_ID,
      entityType: 'Case',
      fields: { name: 'Outage', status: 'New', isInternal: false, ...fields },
    },
  };
}
const acmeCase = staffCase({ accountId: ACME });
const globexCase = staffCase({ accountId: GLOBEX });
const deleted: RecordEvent = { type: 'RecordDeleted', data: { entityType: 'Case' } };

const newCase = (fields: Record<string, unknown>, defaultCaseAssigneeId: string | null = ASSIGNEE) =>
  ({
    type: 'CreateRecordAsPortalUser',
    recordId: CASE_ID,
    entityType: 'Case',
    fields,
    defaultCaseAssigneeId,
  }) as const;

describe('CreateRecordAsPortalUser: a case (CaseCreatedByPortalUser)', () => {
  it('links the user’s contact and first account, the default assignee, status New, not internal', () => {
    expect(
      decideCreateRecordAsPortalUser(
        newCase({ name: 'Broken', priority: 'High' }),
        given(),
        CASE_ENTITY_TYPE,
        support,
      ),
    ).toEqual([
      {
        type: 'CaseCreatedByPortalUser',
        data: {
          id: CASE_ID,
          entityType: 'Case',
          portalId: PORTAL,
          portalUserId: USER,
          fields: {
            name: 'Broken',
            priority: 'High',
            status: 'New',
            isInternal: false,
            assignedUserId: ASSIGNEE,
            accountId: ACME,
            contactId: CONTACT_ID,
          },
        },
      },
    ]);
  });

  it('then the state remembers the portal user who created it, in which portal', () => {
    const state = given(
      ...decideCreateRecordAsPortalUser(newCase({ name: 'Broken' }), given(), CASE_ENTITY_TYPE, support),
    );
    expect([state.createdByPortalUserId, state.createdInPortalId]).toEqual([USER, PORTAL]);
  });

  it('uses the account the user named when it is one of theirs', () => {
    const [event] = decideCreateRecordAsPortalUser(
      newCase({ name: 'B', accountId: ACME_EU }),
      given(),
      CASE_ENTITY_TYPE,
      support,
    );
    expect(event.data.fields.accountId).toBe(ACME_EU);
  });

  it('leaves the assignee unset when the portal has no default assignee', () => {
    const [event] = decideCreateRecordAsPortalUser(
      newCase({ name: 'B' }, null),
      given(),
      CASE_ENTITY_TYPE,
      support,
    );
    expect(event.data.fields).not.toHaveProperty('assignedUserId');
  });

  it('links nothing for a user without contact and accounts', () => {
    const loner = access([customerSupport], { user: { ...user, contactId: null, accountIds: [] } });
    const [event] = decideCreateRecordAsPortalUser(newCase({ name: 'B' }), given(), CASE_ENTITY_TYPE, loner);
    expect(event.data.fields).not.toHaveProperty('accountId');
    expect(event.data.fields).not.toHaveProperty('contactId');
  });

  it.each([
    [{ accountId: GLOBEX }, 'accountId'],
    [{ contactId: OTHER_CONTACT }, 'contactId'],
  ])('refuses links to someone else’s account or contact %j: link_not_allowed', (fields, path) => {
    const error = refusal(() =>
      decideCreateRecordAsPortalUser(newCase({ name: 'B', ...fields }), given(), CASE_ENTITY_TYPE, support),
    );
    expect([error.code, error.kind, error.errors.map((e) => e.path)]).toEqual([
      'link_not_allowed',
      'forbidden',
      [path],
    ]);
  });

  it.each([
    [{ assignedUserId: ASSIGNEE }, ['assignedUserId']],
    [{ teamIds: [ASSIGNEE] }, ['teamIds']],
    [{ isInternal: true }, ['isInternal']],
    [{ status: 'Closed', internalNotes: 'x' }, ['status', 'internalNotes']],
  ])('refuses fields the user may not set %j: field_read_only', (fields, paths) => {
    const error = refusal(() =>
      decideCreateRecordAsPortalUser(newCase({ name: 'B', ...fields }), given(), CASE_ENTITY_TYPE, support),
    );
    expect([error.code, error.kind, error.errors.map((e) => e.path)]).toEqual([
      'field_read_only',
      'forbidden',
      paths,
    ]);
  });

  it('never lets a portal user set the assignee, even where roles leave the field open', () => {
    const error = refusal(() =>
      decideCreateRecordAsPortalUser(
        newCase({ name: 'B', assignedUserId: ASSIGNEE }),
        given(),
        CASE_ENTITY_TYPE,
        editor,
      ),
    );
    expect(error.code).toBe('field_read_only');
  });

  it('refuses invalid values after the access checks: record_invalid', () => {
    const error = refusal(() =>
      decideCreateRecordAsPortalUser(
        newCase({ priority: 'Meh', color: 'red' }),
        given(),
        CASE_ENTITY_TYPE,
        support,
      ),
    );
    expect([error.code, error.kind, error.errors.map((e) => e.path)]).toEqual([
      'record_invalid',
      'invalid',
      ['priority', 'color'],
    ]);
  });

  it.each([
    [
      'no role grants create',
      access([{ ...customerSupport, scopes: { Case: { create: 'no', read: 'all' } } }]),
    ],
    ['the portal does not show cases', access([customerSupport], { ctx: { ...ctx, tabList: ['Document'] } })],
    [
      'the session belongs to another portal',
      access([customerSupport], { user: { ...user, portalId: OTHER_PORTAL } }),
    ],
  ])('refuses when %s: record_create_forbidden', (_why, who) => {
    const error = refusal(() =>
      decideCreateRecordAsPortalUser(newCase({ name: 'B' }), given(), CASE_ENTITY_TYPE, who),
    );
    expect([error.code, error.kind]).toEqual(['record_create_forbidden', 'forbidden']);
  });

  it('given the record exists, refuses: record_exists', () => {
    const error = refusal(() =>
      decideCreateRecordAsPortalUser(newCase({ name: 'B' }), given(acmeCase), CASE_ENTITY_TYPE, support),
    );
    expect([error.code, error.kind]).toEqual(['record_exists', 'conflict']);
  });
});

describe('CreateRecordAsPortalUser: a role that may create but not read (EspoCRM semantics)', () => {
  const dropBox: RoleDefinition = {
    id: 'role-drop-box',
    name: 'Files cases it cannot read',
    scopes: { Case: { create: 'yes', read: 'no', edit: 'no', delete: 'no' } },
    fields: { Case: { status: { read: 'yes', edit: 'no' }, internalNotes: { read: 'no', edit: 'no' } } },
  };
  const filer = access([dropBox]);

  it('files the case with the fields the field-level permissions leave settable', () => {
    const [created] = decideCreateRecordAsPortalUser(
      newCase({ name: 'Printer on fire', priority: 'High', description: 'Smoke' }),
      given(),
      CASE_ENTITY_TYPE,
      filer,
    );
    expect(created).toMatchObject({
      type: 'CaseCreatedByPortalUser',
      data: { fields: { name: 'Printer on fire', priority: 'High', description: 'Smoke', status: 'New' } },
    });
  });

  it('still refuses fields a field-level entry hides or makes read-only: field_read_only', () => {
    for (const field of [{ status: 'Closed' }, { internalNotes: 'x' }, { assignedUserId: ASSIGNEE }]) {
      const error = refusal(() =>
        decideCreateRecordAsPortalUser(newCase({ name: 'B', ...field }), given(), CASE_ENTITY_TYPE, filer),
      );
      expect(error.code).toBe('field_read_only');
    }
  });
});

describe('CreateRecordAsPortalUser: other types (RecordCreatedByPortalUser)', () => {
  const newDoc = (fields: Record<string, unknown>) =>
    ({
      type: 'CreateRecordAsPortalUser',
      recordId: DOC_ID,
      entityType: 'Document',
      fields,
      defaultCaseAssigneeId: ASSIGNEE,
    }) as const;

  it('links the user’s primary account, applies defaults and ignores the case assignee', () => {
    expect(
      decideCreateRecordAsPortalUser(newDoc({ name: 'Contract.pdf' }), given(), DOCUMENT_ENTITY_TYPE, editor),
    ).toEqual([
      {
        type: 'RecordCreatedByPortalUser',
        data: {
          id: DOC_ID,
          entityType: 'Document',
          portalId: PORTAL,
          portalUserId: USER,
          fields: { name: 'Contract.pdf', status: 'Active', accountIds: [ACME] },
        },
      },
    ]);
  });

  it('keeps the user’s own accounts when named', () => {
    const [event] = decideCreateRecordAsPortalUser(
      newDoc({ name: 'D', accountIds: [ACME_EU, ACME] }),
      given(),
      DOCUMENT_ENTITY_TYPE,
      editor,
    );
    expect(event.data.fields.accountIds).toEqual([ACME_EU, ACME]);
  });

  it('refuses publishing to portals: field_read_only', () => {
    const error = refusal(() =>
      decideCreateRecordAsPortalUser(
        newDoc({ name: 'D', portalIds: [PORTAL] }),
        given(),
        DOCUMENT_ENTITY_TYPE,
        editor,
      ),
    );
    expect([error.code, error.errors.map((e) => e.path)]).toEqual(['field_read_only', ['portalIds']]);
  });

  it('refuses accounts that are not all the user’s: link_not_allowed', () => {
    const error = refusal(() =>
      decideCreateRecordAsPortalUser(
        newDoc({ name: 'D', accountIds: [ACME, GLOBEX] }),
        given(),
        DOCUMENT_ENTITY_TYPE,
        editor,
      ),
    );
    expect(error.code).toBe('link_not_allowed');
  });
});

describe('a custom type whose account link is not called account', () => {
  const ticket: EntityTypeDefinition = {
    name: 'Ticket',
    builtIn: false,
    fields: [{ name: 'subject', type: 'string', required: true }],
    links: [{ name: 'company', entityType: 'Account' }],
    accountLinks: ['company'],
    contactLinks: [],
  };
  const TICKET_ID = 'f0000000-0000-4000-8000-000000000009';
  const newTicket = (fields: Record<string, unknown>) =>
    ({
      type: 'CreateRecordAsPortalUser',
      recordId: TICKET_ID,
      entityType: 'Ticket',
      fields,
      defaultCaseAssigneeId: null,
    }) as const;

  it('links the new record through that link', () => {
    const [event] = decideCreateRecordAsPortalUser(newTicket({ subject: 'Hi' }), given(), ticket, editor);
    expect(event).toEqual({
      type: 'RecordCreatedByPortalUser',
      data: {
        id: TICKET_ID,
        entityType: 'Ticket',
        portalId: PORTAL,
        portalUserId: USER,
        fields: { subject: 'Hi', companyId: ACME },
      },
    });
  });

  it('refuses another customer’s account on create: link_not_allowed', () => {
    const error = refusal(() =>
      decideCreateRecordAsPortalUser(
        newTicket({ subject: 'Hi', companyId: GLOBEX }),
        given(),
        ticket,
        editor,
      ),
    );
    expect(error.code).toBe('link_not_allowed');
  });

  it('refuses a portal link under any name, and leaves other links to the roles', () => {
    const published: EntityTypeDefinition = {
      ...ticket,
      links: [
        ...ticket.links,
        { name: 'audiences', entityType: 'Portal', many: true },
        { name: 'product', entityType: 'Account' },
      ],
    };
    const state = given(
      ...decideCreateRecordAsPortalUser(newTicket({ subject: 'Hi' }), given(), published, editor),
    );
    const update = (fields: Record<string, unknown>) => () =>
      decideUpdateRecordAsPortalUser(
        { type: 'UpdateRecordAsPortalUser', entityType: 'Ticket', fields },
        state,
        published,
        editor,
      );
    const error = refusal(update({ audienceIds: [PORTAL] }));
    expect([error.code, error.errors.map((e) => e.path)]).toEqual(['field_read_only', ['audienceIds']]);
    expect(update({ productId: GLOBEX })()).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ changes: expect.anything() }) }),
    ]);
  });

  it('refuses moving the record to another account later: field_read_only', () => {
    const state = given(
      ...decideCreateRecordAsPortalUser(newTicket({ subject: 'Hi' }), given(), ticket, editor),
    );
    const error = refusal(() =>
      decideUpdateRecordAsPortalUser(
        { type: 'UpdateRecordAsPortalUser', entityType: 'Ticket', fields: { companyId: ACME_EU } },
        state,
        ticket,
        editor,
      ),
    );
    expect([error.code, error.errors.map((e) => e.path)]).toEqual(['field_read_only', ['companyId']]);
  });
});

describe('UpdateRecordAsPortalUser', () => {
  const update = (fields: Record<string, unknown>) =>
    ({ type: 'UpdateRecordAsPortalUser', entityType: 'Case', fields }) as const;

  it('within the edit scope, emits the changed fields', () => {
    expect(
      decideUpdateRecordAsPortalUser(
        update({ description: 'more detail', name: 'Outage' }),
        given(acmeCase),
        CASE_ENTITY_TYPE,
        editor,
      ),
    ).toEqual([
      {
        type: 'RecordUpdated',
        data: { entityType: 'Case', changes: { description: { from: null, to: 'more detail' } } },
      },
    ]);
  });

  it('emits a status change as CaseStatusChanged where a role lets the user edit the status', () => {
    expect(
      decideUpdateRecordAsPortalUser(update({ status: 'Closed' }), given(acmeCase), CASE_ENTITY_TYPE, editor),
    ).toEqual([{ type: 'CaseStatusChanged', data: { entityType: 'Case', from: 'New', to: 'Closed' } }]);
  });

  it('emits nothing when nothing changed', () => {
    expect(
      decideUpdateRecordAsPortalUser(update({ name: 'Outage' }), given(acmeCase), CASE_ENTITY_TYPE, editor),
    ).toEqual([]);
  });

  it('readable but not editable: record_edit_forbidden', () => {
    const error = refusal(() =>
      decideUpdateRecordAsPortalUser(
        update({ description: 'x' }),
        given(acmeCase),
        CASE_ENTITY_TYPE,
        support,
      ),
    );
    expect([error.code, error.kind]).toEqual(['record_edit_forbidden', 'forbidden']);
  });

  // The histories are folded inside the test, so mutation testing attributes the fold to it.
  it.each<[string, RecordEvent[]]>([
    ['another customer’s case', [globexCase]],
    ['an internal case of their own account', [staffCase({ accountId: ACME, isInternal: true })]],
    ['a case the portal’s criteria hide', [staffCase({ accountId: ACME, status: 'Internal review' })]],
    ['a deleted case', [acmeCase, deleted]],
    ['no case at all', []],
  ])('%s: record_not_found, whatever was sent', (_what, history) => {
    const error = refusal(() =>
      decideUpdateRecordAsPortalUser(
        update({ assignedUserId: ASSIGNEE, bogus: 1 }),
        given(...history),
        CASE_ENTITY_TYPE,
        editor,
      ),
    );
    expect([error.code, error.kind, error.errors]).toEqual(['record_not_found', 'not-found', []]);
  });

  it.each([
    [{ internalNotes: 'x' }, ['internalNotes']],
    [{ accountId: ACME_EU, contactId: CONTACT_ID }, ['accountId', 'contactId']],
    [
      { assignedUserId: ASSIGNEE, teamIds: [], isInternal: false },
      ['assignedUserId', 'teamIds', 'isInternal'],
    ],
  ])('refuses fields that are hidden or read-only %j: field_read_only', (fields, paths) => {
    const error = refusal(() =>
      decideUpdateRecordAsPortalUser(update(fields), given(acmeCase), CASE_ENTITY_TYPE, editor),
    );
    expect([error.code, error.kind, error.errors.map((e) => e.path)]).toEqual([
      'field_read_only',
      'forbidden',
      paths,
    ]);
  });

  it('refuses invalid values last: record_invalid', () => {
    const error = refusal(() =>
      decideUpdateRecordAsPortalUser(update({ priority: 'Meh' }), given(acmeCase), CASE_ENTITY_TYPE, editor),
    );
    expect([error.code, error.kind]).toEqual(['record_invalid', 'invalid']);
  });

  it('reaches a case the user created under the own level', () => {
    const ownOnly = access([{ ...editors, scopes: { Case: { create: 'yes', read: 'own', edit: 'own' } } }]);
    const mine = given(
      ...decideCreateRecordAsPortalUser(newCase({ name: 'Mine' }), given(), CASE_ENTITY_TYPE, ownOnly),
    );
    expect(
      decideUpdateRecordAsPortalUser(update({ description: 'd' }), mine, CASE_ENTITY_TYPE, ownOnly),
    ).toHaveLength(1);
    const someoneElse = access(
      [{ ...editors, scopes: { Case: { create: 'yes', read: 'own', edit: 'own' } } }],
      {
        user: { ...user, portalUserId: OTHER_USER },
      },
    );
    expect(
      refusal(() =>
        decideUpdateRecordAsPortalUser(update({ description: 'd' }), mine, CASE_ENTITY_TYPE, someoneElse),
      ).code,
    ).toBe('record_not_found');
  });
});

describe('DeleteRecordAsPortalUser', () => {
  const del = { type: 'DeleteRecordAsPortalUser', entityType: 'Case' } as const;

  it('within the delete scope, deletes', () => {
    const mine = given(
      ...decideCreateRecordAsPortalUser(newCase({ name: 'Mine' }), given(), CASE_ENTITY_TYPE, editor),
    );
    expect(decideDeleteRecordAsPortalUser(del, mine, CASE_ENTITY_TYPE, editor)).toEqual([deleted]);
  });

  it('readable but outside the delete scope: record_delete_forbidden', () => {
    const error = refusal(() =>
      decideDeleteRecordAsPortalUser(del, given(acmeCase), CASE_ENTITY_TYPE, editor),
    );
    expect([error.code, error.kind]).toEqual(['record_delete_forbidden', 'forbidden']);
  });

  it('not readable: record_not_found', () => {
    expect(
      refusal(() => decideDeleteRecordAsPortalUser(del, given(globexCase), CASE_ENTITY_TYPE, editor)).code,
    ).toBe('record_not_found');
  });

  it('already deleted: record_not_found', () => {
    const mine = given(
      ...decideCreateRecordAsPortalUser(newCase({ name: 'Mine' }), given(), CASE_ENTITY_TYPE, editor),
      deleted,
    );
    expect(refusal(() => decideDeleteRecordAsPortalUser(del, mine, CASE_ENTITY_TYPE, editor)).code).toBe(
      'record_not_found',
    );
  });
});

describe('PostCommentAsPortalUser', () => {
  const comment = {
    type: 'PostCommentAsPortalUser',
    entityType: 'Case',
    commentId: COMMENT_ID,
    text: 'Any news?',
  } as const;

  it('within the stream scope, posts a public comment', () => {
    expect(decidePostCommentAsPortalUser(comment, given(acmeCase), CASE_ENTITY_TYPE, support)).toEqual([
      {
        type: 'CommentPosted',
        data: { entityType: 'Case', commentId: COMMENT_ID, text: 'Any news?', isInternal: false },
      },
    ]);
  });

  it('given the comment was posted, changes nothing', () => {
    const posted = decidePostCommentAsPortalUser(comment, given(acmeCase), CASE_ENTITY_TYPE, support);
    expect(
      decidePostCommentAsPortalUser(comment, given(acmeCase, ...posted), CASE_ENTITY_TYPE, support),
    ).toEqual([]);
  });

  it('readable but no stream access: record_stream_forbidden', () => {
    const noStream = access([{ ...customerSupport, scopes: { Case: { read: 'account' } } }]);
    const error = refusal(() =>
      decidePostCommentAsPortalUser(comment, given(acmeCase), CASE_ENTITY_TYPE, noStream),
    );
    expect([error.code, error.kind]).toEqual(['record_stream_forbidden', 'forbidden']);
  });

  it('not readable: record_not_found', () => {
    expect(
      refusal(() => decidePostCommentAsPortalUser(comment, given(globexCase), CASE_ENTITY_TYPE, support))
        .code,
    ).toBe('record_not_found');
  });

  it('blank text: comment_empty', () => {
    const error = refusal(() =>
      decidePostCommentAsPortalUser({ ...comment, text: '' }, given(acmeCase), CASE_ENTITY_TYPE, support),
    );
    expect([error.code, error.kind]).toEqual(['comment_empty', 'invalid']);
  });
});

describe('portal-user record refusals: what each tells', () => {
  const forbidden = (code: string, message: string, errors: { path: string; message: string }[] = []) => ({
    code,
    kind: 'forbidden',
    message,
    errors,
  });

  it('tells which type may not be created, and that a new record links only the user’s own account', () => {
    const noCreate = access([{ ...customerSupport, scopes: { Case: { create: 'no', read: 'all' } } }]);
    expect(
      problem(() =>
        decideCreateRecordAsPortalUser(newCase({ name: 'B' }), given(), CASE_ENTITY_TYPE, noCreate),
      ),
    ).toEqual(forbidden('record_create_forbidden', 'You may not create Case records'));
    const foreign = problem(() =>
      decideCreateRecordAsPortalUser(
        newCase({ name: 'B', accountId: GLOBEX }),
        given(),
        CASE_ENTITY_TYPE,
        support,
      ),
    );
    expect([foreign.code, foreign.message]).toEqual([
      'link_not_allowed',
      'A new record may only be linked to your own account and contact',
    ]);
  });

  it('tells which action on the record is not allowed', () => {
    expect(
      problem(() =>
        decideUpdateRecordAsPortalUser(
          { type: 'UpdateRecordAsPortalUser', entityType: 'Case', fields: { description: 'x' } },
          given(acmeCase),
          CASE_ENTITY_TYPE,
          support,
        ),
      ),
    ).toEqual(forbidden('record_edit_forbidden', 'You may not edit this record'));
    expect(
      problem(() =>
        decideDeleteRecordAsPortalUser(
          { type: 'DeleteRecordAsPortalUser', entityType: 'Case' },
          given(acmeCase),
          CASE_ENTITY_TYPE,
          editor,
        ),
      ),
    ).toEqual(forbidden('record_delete_forbidden', 'You may not delete this record'));
    const noStream = access([{ ...customerSupport, scopes: { Case: { read: 'account' } } }]);
    expect(
      problem(() =>
        decidePostCommentAsPortalUser(
          { type: 'PostCommentAsPortalUser', entityType: 'Case', commentId: COMMENT_ID, text: 'Hi' },
          given(acmeCase),
          CASE_ENTITY_TYPE,
          noStream,
        ),
      ),
    ).toEqual(forbidden('record_stream_forbidden', 'You may not comment on this record'));
  });
});
