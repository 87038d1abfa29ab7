import { CASE_ENTITY_TYPE, CONTACT_ENTITY_TYPE } from '../entity-type/built-in-entity-types';
import {
  decideCreateRecord,
  decideDeleteRecord,
  decidePostComment,
  decideUpdateRecord,
} from './record.decide';
import type { RecordEvent } from './record.events';
import { given, refusal } from './testing/record.scenario';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const ACCOUNT_ID = '22222222-2222-4222-8222-222222222222';
const STAFF_ID = '33333333-3333-4333-8333-333333333333';
const COMMENT_ID = '44444444-4444-4444-8444-444444444444';

const caseCreated: RecordEvent = {
  type: 'RecordCreated',
  data: {
    id: CASE_ID,
    entityType: 'Case',
    fields: {
      name: 'Printer on fire',
      status: 'New',
      priority: 'Normal',
      isInternal: false,
      accountId: ACCOUNT_ID,
    },
  },
};
const caseDeleted: RecordEvent = { type: 'RecordDeleted', data: { entityType: 'Case' } };

describe('CreateRecord (staff)', () => {
  it('given nothing, creates the record with the type defaults filled in', () => {
    expect(
      decideCreateRecord(
        {
          type: 'CreateRecord',
          recordId: CASE_ID,
          entityType: 'Case',
          fields: { name: 'Printer on fire', accountId: ACCOUNT_ID, description: undefined },
        },
        given(),
        CASE_ENTITY_TYPE,
      ),
    ).toEqual([caseCreated]);
  });

  it('lets staff set internal flags, notes and the assignee', () => {
    const fields = {
      name: 'Audit',
      status: 'Internal review',
      priority: 'Urgent',
      isInternal: true,
      internalNotes: 'do not tell',
      assignedUserId: STAFF_ID,
    };
    const [event] = decideCreateRecord(
      { type: 'CreateRecord', recordId: CASE_ID, entityType: 'Case', fields },
      given(),
      CASE_ENTITY_TYPE,
    );
    expect(event.data.fields).toEqual(fields);
  });

  it('refuses invalid fields: record_invalid with every path', () => {
    const error = refusal(() =>
      decideCreateRecord(
        { type: 'CreateRecord', recordId: CASE_ID, entityType: 'Case', fields: { status: 'Open', nope: 1 } },
        given(),
        CASE_ENTITY_TYPE,
      ),
    );
    expect([error.code, error.kind]).toEqual(['record_invalid', 'invalid']);
    expect(error.errors.map((e) => e.path)).toEqual(['status', 'nope']);
  });

  it('refuses a missing required field: record_invalid', () => {
    const error = refusal(() =>
      decideCreateRecord(
        { type: 'CreateRecord', recordId: CASE_ID, entityType: 'Contact', fields: { firstName: 'A' } },
        given(),
        CONTACT_ENTITY_TYPE,
      ),
    );
    expect(error.code).toBe('record_invalid');
    expect(error.errors).toEqual([{ path: 'lastName', message: 'is required' }]);
  });

  it('given the record exists, refuses: record_exists', () => {
    const error = refusal(() =>
      decideCreateRecord(
        { type: 'CreateRecord', recordId: CASE_ID, entityType: 'Case', fields: { name: 'x' } },
        given(caseCreated),
        CASE_ENTITY_TYPE,
      ),
    );
    expect([error.code, error.kind]).toEqual(['record_exists', 'conflict']);
  });

  it('throws a plain error when handed another type’s definition (a handler bug)', () => {
    expect(() =>
      decideCreateRecord(
        { type: 'CreateRecord', recordId: CASE_ID, entityType: 'Case', fields: { name: 'x' } },
        given(),
        CONTACT_ENTITY_TYPE,
      ),
    ).toThrow('Definition Contact given for Case');
  });
});

describe('UpdateRecord (staff)', () => {
  it('emits only the fields that changed, with from and to', () => {
    expect(
      decideUpdateRecord(
        {
          type: 'UpdateRecord',
          entityType: 'Case',
          fields: { name: 'Printer on fire', priority: 'High', description: 'smoke' },
        },
        given(caseCreated),
        CASE_ENTITY_TYPE,
      ),
    ).toEqual([
      {
        type: 'RecordUpdated',
        data: {
          entityType: 'Case',
          changes: { priority: { from: 'Normal', to: 'High' }, description: { from: null, to: 'smoke' } },
        },
      },
    ]);
  });

  it('emits nothing when nothing changed', () => {
    expect(
      decideUpdateRecord(
        {
          type: 'UpdateRecord',
          entityType: 'Case',
          fields: { name: 'Printer on fire', accountId: ACCOUNT_ID },
        },
        given(caseCreated),
        CASE_ENTITY_TYPE,
      ),
    ).toEqual([]);
  });

  it('records a case status change once, as CaseStatusChanged after the other changes', () => {
    expect(
      decideUpdateRecord(
        { type: 'UpdateRecord', entityType: 'Case', fields: { status: 'Closed', isInternal: true } },
        given(caseCreated),
        CASE_ENTITY_TYPE,
      ),
    ).toEqual([
      {
        type: 'RecordUpdated',
        data: { entityType: 'Case', changes: { isInternal: { from: false, to: true } } },
      },
      { type: 'CaseStatusChanged', data: { entityType: 'Case', from: 'New', to: 'Closed' } },
    ]);
  });

  it('emits only CaseStatusChanged when only the status changed', () => {
    expect(
      decideUpdateRecord(
        { type: 'UpdateRecord', entityType: 'Case', fields: { status: 'Pending' } },
        given(caseCreated),
        CASE_ENTITY_TYPE,
      ),
    ).toEqual([{ type: 'CaseStatusChanged', data: { entityType: 'Case', from: 'New', to: 'Pending' } }]);
  });

  it('clears a field with null', () => {
    expect(
      decideUpdateRecord(
        { type: 'UpdateRecord', entityType: 'Case', fields: { accountId: null } },
        given(caseCreated),
        CASE_ENTITY_TYPE,
      ),
    ).toEqual([
      {
        type: 'RecordUpdated',
        data: { entityType: 'Case', changes: { accountId: { from: ACCOUNT_ID, to: null } } },
      },
    ]);
  });

  it('refuses clearing a required field: record_invalid', () => {
    const error = refusal(() =>
      decideUpdateRecord(
        { type: 'UpdateRecord', entityType: 'Case', fields: { name: null } },
        given(caseCreated),
        CASE_ENTITY_TYPE,
      ),
    );
    expect([error.code, error.errors]).toEqual([
      'record_invalid',
      [{ path: 'name', message: 'is required' }],
    ]);
  });

  it('given no record, refuses: record_not_found', () => {
    const error = refusal(() =>
      decideUpdateRecord(
        { type: 'UpdateRecord', entityType: 'Case', fields: { name: 'x' } },
        given(),
        CASE_ENTITY_TYPE,
      ),
    );
    expect([error.code, error.kind]).toEqual(['record_not_found', 'not-found']);
  });

  it('given a deleted record, refuses: record_deleted', () => {
    const error = refusal(() =>
      decideUpdateRecord(
        { type: 'UpdateRecord', entityType: 'Case', fields: { name: 'x' } },
        given(caseCreated, caseDeleted),
        CASE_ENTITY_TYPE,
      ),
    );
    expect([error.code, error.kind]).toEqual(['record_deleted', 'not-found']);
  });

  it('given the stream holds another type, refuses: record_not_found', () => {
    const error = refusal(() =>
      decideUpdateRecord(
        { type: 'UpdateRecord', entityType: 'Contact', fields: { lastName: 'x' } },
        given(caseCreated),
        CONTACT_ENTITY_TYPE,
      ),
    );
    expect(error.code).toBe('record_not_found');
  });
});

describe('DeleteRecord (staff)', () => {
  it('deletes the record', () => {
    expect(decideDeleteRecord({ type: 'DeleteRecord', entityType: 'Case' }, given(caseCreated))).toEqual([
      caseDeleted,
    ]);
  });

  it('given a deleted record, refuses: record_deleted', () => {
    const error = refusal(() =>
      decideDeleteRecord({ type: 'DeleteRecord', entityType: 'Case' }, given(caseCreated, caseDeleted)),
    );
    expect(error.code).toBe('record_deleted');
  });

  it('given no record, refuses: record_not_found', () => {
    expect(
      refusal(() => decideDeleteRecord({ type: 'DeleteRecord', entityType: 'Case' }, given())).code,
    ).toBe('record_not_found');
  });
});

describe('PostComment (staff)', () => {
  const comment = { type: 'PostComment', entityType: 'Case', commentId: COMMENT_ID, text: 'On it' } as const;

  it('posts a public comment by default', () => {
    expect(decidePostComment(comment, given(caseCreated))).toEqual([
      {
        type: 'CommentPosted',
        data: { entityType: 'Case', commentId: COMMENT_ID, text: 'On it', isInternal: false },
      },
    ]);
  });

  it('posts an internal comment', () => {
    expect(decidePostComment({ ...comment, isInternal: true }, given(caseCreated))[0]).toMatchObject({
      data: { isInternal: true },
    });
  });

  it('given the comment was posted, changes nothing', () => {
    const posted = decidePostComment(comment, given(caseCreated));
    expect(decidePostComment(comment, given(caseCreated, ...posted))).toEqual([]);
  });

  it('refuses blank text: comment_empty', () => {
    const error = refusal(() => decidePostComment({ ...comment, text: '  ' }, given(caseCreated)));
    expect([error.code, error.kind]).toEqual(['comment_empty', 'invalid']);
  });

  it('given a deleted record, refuses: record_deleted', () => {
    expect(refusal(() => decidePostComment(comment, given(caseCreated, caseDeleted))).code).toBe(
      'record_deleted',
    );
  });

  it('given no record, refuses: record_not_found', () => {
    expect(refusal(() => decidePostComment(comment, given())).code).toBe('record_not_found');
  });
});
