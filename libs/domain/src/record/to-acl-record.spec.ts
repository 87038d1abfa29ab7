import { matchesRecordFilter, mergeRoles, scopeFilter, type AclUser, type PortalContext } from '@portal/acl';
import {
  ACCOUNT_ENTITY_TYPE,
  CASE_ENTITY_TYPE,
  CONTACT_ENTITY_TYPE,
  DOCUMENT_ENTITY_TYPE,
  KNOWLEDGE_BASE_ARTICLE_ENTITY_TYPE,
} from '../entity-type/built-in-entity-types';
import { fold } from '../shared/decider';
import type { RecordEvent } from './record.events';
import { evolveRecord } from './record.evolve';
import { initialRecordState } from './record.state';
import { toAclRecord } from './to-acl-record';

const ID = '10000000-0000-4000-8000-000000000001';
const A1 = '20000000-0000-4000-8000-000000000001';
const A2 = '20000000-0000-4000-8000-000000000002';
const C1 = '30000000-0000-4000-8000-000000000001';
const PORTAL = '40000000-0000-4000-8000-000000000001';
const USER = '50000000-0000-4000-8000-000000000001';

const given = (...events: RecordEvent[]) => fold(evolveRecord, initialRecordState, events);
const created = (entityType: string, fields: Record<string, unknown>): RecordEvent => ({
  type: 'RecordCreated',
  data: { id: ID, entityType, fields },
});

describe('toAclRecord', () => {
  it('normalises a case’s account and contact links', () => {
    expect(
      toAclRecord(
        given(created('Case', { name: 'x', accountId: A1, contactId: C1, isInternal: false })),
        CASE_ENTITY_TYPE,
      ),
    ).toEqual({
      id: ID,
      entityType: 'Case',
      fields: { name: 'x', accountId: A1, contactId: C1, isInternal: false },
      createdByPortalUserId: null,
      contactIds: [C1],
      accountIds: [A1],
      isInternal: false,
      deleted: false,
    });
  });

  it('merges a contact’s accountId and accountIds without repeats, and puts the contact in its own contactIds', () => {
    const record = toAclRecord(
      given(created('Contact', { lastName: 'Doe', accountId: A1, accountIds: [A2, A1] })),
      CONTACT_ENTITY_TYPE,
    );
    expect(record.accountIds).toEqual([A1, A2]);
    expect(record.contactIds).toEqual([ID]);
  });

  it('puts an account in its own accountIds', () => {
    expect(toAclRecord(given(created('Account', { name: 'Acme' })), ACCOUNT_ENTITY_TYPE).accountIds).toEqual([
      ID,
    ]);
  });

  it('gives articles and documents their portalIds, an empty list when unset', () => {
    const article = toAclRecord(
      given(created('KnowledgeBaseArticle', { name: 'x', portalIds: [PORTAL] })),
      KNOWLEDGE_BASE_ARTICLE_ENTITY_TYPE,
    );
    expect([article.portalIds, article.accountIds]).toEqual([[PORTAL], []]);
    expect(toAclRecord(given(created('Document', { name: 'x' })), DOCUMENT_ENTITY_TYPE).portalIds).toEqual(
      [],
    );
    expect(toAclRecord(given(created('Case', { name: 'x' })), CASE_ENTITY_TYPE)).not.toHaveProperty(
      'portalIds',
    );
  });

  it('follows updates, cleared links and deletion', () => {
    const state = given(
      created('Case', { name: 'x', accountId: A1, isInternal: true }),
      {
        type: 'RecordUpdated',
        data: {
          entityType: 'Case',
          changes: { accountId: { from: A1, to: null }, isInternal: { from: true, to: false } },
        },
      },
      { type: 'RecordDeleted', data: { entityType: 'Case' } },
    );
    const record = toAclRecord(state, CASE_ENTITY_TYPE);
    expect([record.accountIds, record.isInternal, record.deleted]).toEqual([[], false, true]);
  });

  it('carries the creating portal user', () => {
    const state = given({
      type: 'CaseCreatedByPortalUser',
      data: { id: ID, entityType: 'Case', fields: { name: 'x' }, portalId: PORTAL, portalUserId: USER },
    });
    expect(toAclRecord(state, CASE_ENTITY_TYPE).createdByPortalUserId).toBe(USER);
  });

  it('is what the list filter matches: the same document passes the scope filter a single check uses', () => {
    const ctx: PortalContext = { portalId: PORTAL, tabList: ['Contact'], recordCriteria: {} };
    const user: AclUser = { portalUserId: USER, portalId: PORTAL, contactId: null, accountIds: [A2] };
    const perms = mergeRoles([{ id: 'r', name: 'r', scopes: { Contact: { read: 'account' } }, fields: {} }]);
    const filter = scopeFilter(ctx, perms, user, 'Contact', 'read');
    const viaMany = toAclRecord(
      given(created('Contact', { lastName: 'Doe', accountIds: [A2] })),
      CONTACT_ENTITY_TYPE,
    );
    const elsewhere = toAclRecord(
      given(created('Contact', { lastName: 'Doe', accountId: A1 })),
      CONTACT_ENTITY_TYPE,
    );
    expect([matchesRecordFilter(viaMany, filter), matchesRecordFilter(elsewhere, filter)]).toEqual([
      true,
      false,
    ]);
  });

  it('refuses a record that was never created', () => {
    expect(() => toAclRecord(given(), CASE_ENTITY_TYPE)).toThrow('toAclRecord needs a created record');
  });
});
