import { mergeRoles, type AclUser, type PortalContext, type RoleDefinition } from '@portal/acl';
import { CASE_ENTITY_TYPE, DOCUMENT_ENTITY_TYPE } from '../../entity-type/built-in-entity-types';
import type { PortalUserAccess } from '../record.commands';
import { decidePostComment } from '../record.decide';
import type { RecordEvent } from '../record.events';
import type { RecordState } from '../record.state';
import { decidePostCommentAsPortalUser } from '../record.portal-user.decide';
import { given, problem, refusal } from '../testing/record.scenario';
import type { AttachedFile } from './attachment.commands';
import {
  MAX_ATTACHMENTS_PER_RECORD,
  decideAddAttachment,
  decideAddAttachmentAsPortalUser,
  decideRemoveAttachment,
  decideRemoveAttachmentAsPortalUser,
  liveAttachments,
} from './attachment.decide';

const PORTAL = 'a0000000-0000-4000-8000-000000000001';
const USER = 'b0000000-0000-4000-8000-000000000001';
const OTHER_USER = 'b0000000-0000-4000-8000-000000000002';
const CONTACT = 'c0000000-0000-4000-8000-000000000001';
const ACME = 'd0000000-0000-4000-8000-000000000001';
const GLOBEX = 'd0000000-0000-4000-8000-000000000003';
const CASE_ID = 'f0000000-0000-4000-8000-000000000001';
const DOC_ID = 'f0000000-0000-4000-8000-000000000002';
const SHA = 'a'.repeat(64);

const file = (n: number, overrides: Partial<AttachedFile> = {}): AttachedFile => ({
  attachmentId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name: `file-${n}.pdf`,
  size: 1000 + n,
  contentType: 'application/pdf',
  sha256: SHA,
  ...overrides,
});

const role = (scopes: RoleDefinition['scopes']): RoleDefinition => ({
  id: 'r',
  name: 'R',
  scopes,
  fields: {},
});
const ctx: PortalContext = { portalId: PORTAL, tabList: ['Case', 'Document'], recordCriteria: {} };
const user: AclUser = { portalUserId: USER, portalId: PORTAL, contactId: CONTACT, accountIds: [ACME] };
const access = (scopes: RoleDefinition['scopes'], who: AclUser = user): PortalUserAccess => ({
  ctx,
  perms: mergeRoles([role(scopes)]),
  user: who,
});
const streams = access({ Case: { read: 'account', stream: 'account' }, Document: { read: 'account' } });
const readsOnly = access({ Case: { read: 'account' }, Document: { read: 'account' } });

const acmeCase: RecordEvent = {
  type: 'RecordCreated',
  data: {
    id: CASE_ID,
    entityType: 'Case',
    fields: { name: 'Outage', status: 'New', accountId: ACME, isInternal: false },
  },
};
const globexCase: RecordEvent = {
  type: 'RecordCreated',
  data: {
    id: CASE_ID,
    entityType: 'Case',
    fields: { name: 'Outage', status: 'New', accountId: GLOBEX, isInternal: false },
  },
};
const ownCase: RecordEvent = {
  type: 'CaseCreatedByPortalUser',
  data: {
    id: CASE_ID,
    entityType: 'Case',
    portalId: PORTAL,
    portalUserId: USER,
    fields: { name: 'Mine', status: 'New', isInternal: false },
  },
};
const acmeDocument: RecordEvent = {
  type: 'RecordCreated',
  data: { id: DOC_ID, entityType: 'Document', fields: { name: 'Contract', accountIds: [ACME] } },
};

const staffAdds = (n: number, extra: { isInternal?: boolean; entityType?: string } = {}) =>
  decideAddAttachment(
    {
      type: 'AddAttachment',
      entityType: extra.entityType ?? 'Case',
      file: file(n),
      isInternal: extra.isInternal,
    },
    given(extra.entityType === 'Document' ? acmeDocument : acmeCase),
  );

describe('AddAttachment (staff)', () => {
  it('records the file’s metadata on the record’s stream, never its bytes', () => {
    expect(staffAdds(1)).toEqual([
      {
        type: 'AttachmentAdded',
        data: {
          entityType: 'Case',
          attachmentId: file(1).attachmentId,
          name: 'file-1.pdf',
          size: 1001,
          contentType: 'application/pdf',
          sha256: SHA,
          isInternal: false,
          portalUserId: null,
        },
      },
    ]);
  });

  it('may mark a file internal', () => {
    expect(staffAdds(1, { isInternal: true })[0]!.data.isInternal).toBe(true);
  });

  it('is idempotent on the attachment id', () => {
    const state = given(acmeCase, ...staffAdds(1));
    expect(decideAddAttachment({ type: 'AddAttachment', entityType: 'Case', file: file(1) }, state)).toEqual(
      [],
    );
  });

  it('refuses an empty file and a malformed hash (422 attachment_invalid)', () => {
    const state = given(acmeCase);
    for (const bad of [file(1, { size: 0 }), file(1, { sha256: '../x' })]) {
      expect(
        refusal(() => decideAddAttachment({ type: 'AddAttachment', entityType: 'Case', file: bad }, state))
          .code,
      ).toBe('attachment_invalid');
    }
  });

  it('refuses a missing or deleted record (404)', () => {
    const add = { type: 'AddAttachment', entityType: 'Case', file: file(1) } as const;
    expect(refusal(() => decideAddAttachment(add, given())).code).toBe('record_not_found');
    const deleted: RecordEvent = { type: 'RecordDeleted', data: { entityType: 'Case' } };
    expect(refusal(() => decideAddAttachment(add, given(acmeCase, deleted))).code).toBe('record_deleted');
  });

  it('a Document holds one file: a second is 409 document_has_file, until the first is removed', () => {
    const first = staffAdds(1, { entityType: 'Document' });
    const state = given(acmeDocument, ...first);
    const second = { type: 'AddAttachment', entityType: 'Document', file: file(2) } as const;
    const refused = refusal(() => decideAddAttachment(second, state));
    expect([refused.code, refused.kind]).toEqual(['document_has_file', 'conflict']);
    const removed = decideRemoveAttachment(
      { type: 'RemoveAttachment', entityType: 'Document', attachmentId: file(1).attachmentId },
      state,
    );
    expect(decideAddAttachment(second, given(acmeDocument, ...first, ...removed))).toHaveLength(1);
  });

  it(`a record holds at most ${MAX_ATTACHMENTS_PER_RECORD} files`, () => {
    const events: RecordEvent[] = [acmeCase];
    for (let n = 1; n <= MAX_ATTACHMENTS_PER_RECORD; n++) {
      events.push(
        ...decideAddAttachment(
          { type: 'AddAttachment', entityType: 'Case', file: file(n) },
          given(...events),
        ),
      );
    }
    const more = {
      type: 'AddAttachment',
      entityType: 'Case',
      file: file(MAX_ATTACHMENTS_PER_RECORD + 1),
    } as const;
    expect(refusal(() => decideAddAttachment(more, given(...events))).code).toBe('too_many_attachments');
  });
});

describe('RemoveAttachment (staff)', () => {
  it('removes a live file; a second removal or an unknown id is 404 attachment_not_found', () => {
    const state = given(acmeCase, ...staffAdds(1));
    const remove = {
      type: 'RemoveAttachment',
      entityType: 'Case',
      attachmentId: file(1).attachmentId,
    } as const;
    const removed = decideRemoveAttachment(remove, state);
    expect(removed).toEqual([
      { type: 'AttachmentRemoved', data: { entityType: 'Case', attachmentId: file(1).attachmentId } },
    ]);
    const after = given(acmeCase, ...staffAdds(1), ...removed);
    expect(liveAttachments(after)).toEqual([]);
    expect(refusal(() => decideRemoveAttachment(remove, after)).code).toBe('attachment_not_found');
    expect(
      refusal(() => decideRemoveAttachment({ ...remove, attachmentId: file(9).attachmentId }, state)).code,
    ).toBe('attachment_not_found');
  });
});

describe('AddAttachmentAsPortalUser', () => {
  const add = (
    state: ReturnType<typeof given>,
    who: PortalUserAccess,
    def = CASE_ENTITY_TYPE,
    entityType = 'Case',
  ) =>
    decideAddAttachmentAsPortalUser(
      { type: 'AddAttachmentAsPortalUser', entityType, file: file(1) },
      state,
      def,
      who,
    );

  it('attaches inside the stream level, never internal, naming the uploader', () => {
    expect(add(given(acmeCase), streams)[0]!.data).toMatchObject({ isInternal: false, portalUserId: USER });
  });

  it('attaches to a record the user created even without a stream level', () => {
    expect(add(given(ownCase), readsOnly)).toHaveLength(1);
  });

  it('403 attachment_forbidden on a readable record outside the stream level', () => {
    const refused = refusal(() => add(given(acmeCase), readsOnly));
    expect([refused.code, refused.kind]).toEqual(['attachment_forbidden', 'forbidden']);
  });

  it('404 record_not_found for a record outside the read scope, internal, deleted or missing', () => {
    const internal: RecordEvent = {
      type: 'RecordUpdated',
      data: { entityType: 'Case', changes: { isInternal: { from: false, to: true } } },
    };
    const deleted: RecordEvent = { type: 'RecordDeleted', data: { entityType: 'Case' } };
    for (const state of [given(globexCase), given(acmeCase, internal), given(acmeCase, deleted), given()]) {
      expect(refusal(() => add(state, streams)).code).toBe('record_not_found');
    }
  });

  it('a Document: a user who may only read it cannot attach (no stream level, not theirs)', () => {
    expect(refusal(() => add(given(acmeDocument), streams, DOCUMENT_ENTITY_TYPE, 'Document')).code).toBe(
      'attachment_forbidden',
    );
  });
});

describe('RemoveAttachmentAsPortalUser', () => {
  const remove = (state: ReturnType<typeof given>, who: PortalUserAccess, n = 1) =>
    decideRemoveAttachmentAsPortalUser(
      { type: 'RemoveAttachmentAsPortalUser', entityType: 'Case', attachmentId: file(n).attachmentId },
      state,
      CASE_ENTITY_TYPE,
      who,
    );
  const ownUpload = () =>
    decideAddAttachmentAsPortalUser(
      { type: 'AddAttachmentAsPortalUser', entityType: 'Case', file: file(1) },
      given(acmeCase),
      CASE_ENTITY_TYPE,
      streams,
    );

  it('removes a file the user uploaded', () => {
    expect(remove(given(acmeCase, ...ownUpload()), streams)).toHaveLength(1);
  });

  it('403 for a visible file someone else uploaded', () => {
    expect(refusal(() => remove(given(acmeCase, ...staffAdds(1)), streams)).code).toBe(
      'attachment_remove_forbidden',
    );
    const colleague = access(
      { Case: { read: 'account', stream: 'account' } },
      { ...user, portalUserId: OTHER_USER },
    );
    expect(refusal(() => remove(given(acmeCase, ...ownUpload()), colleague)).code).toBe(
      'attachment_remove_forbidden',
    );
  });

  it('404 attachment_not_found for an internal file, as for an unknown one', () => {
    expect(refusal(() => remove(given(acmeCase, ...staffAdds(1, { isInternal: true })), streams)).code).toBe(
      'attachment_not_found',
    );
    expect(refusal(() => remove(given(acmeCase), streams, 7)).code).toBe('attachment_not_found');
  });

  it('404 attachment_not_found for an unknown file beside one the user uploaded', () => {
    expect(refusal(() => remove(given(acmeCase, ...ownUpload()), streams, 7)).code).toBe(
      'attachment_not_found',
    );
  });
});

describe('comments carrying files', () => {
  const COMMENT = 'c1000000-0000-4000-8000-000000000001';

  it('a staff comment links files attached to the record; an internal comment makes them internal', () => {
    const state = given(acmeCase, ...staffAdds(1));
    const events = decidePostComment(
      {
        type: 'PostComment',
        entityType: 'Case',
        commentId: COMMENT,
        text: 'See file',
        isInternal: true,
        attachmentIds: [file(1).attachmentId],
      },
      state,
    );
    expect(events.map((e) => e.type)).toEqual(['CommentPosted', 'CommentAttachmentsLinked']);
    const after = given(acmeCase, ...staffAdds(1), ...events);
    expect(after.attachments![0]!.commentId).toBe(COMMENT);
    expect(after.internalCommentIds).toEqual([COMMENT]);
  });

  it('refuses files not on the record, removed, already posted, repeated, or (portal) uploaded by someone else', () => {
    const state = given(acmeCase, ...staffAdds(1));
    const post = (ids: string[]) => () =>
      decidePostComment(
        { type: 'PostComment', entityType: 'Case', commentId: COMMENT, text: 'x', attachmentIds: ids },
        state,
      );
    expect(refusal(post([file(2).attachmentId])).code).toBe('attachment_not_linkable');
    expect(refusal(post([file(1).attachmentId, file(1).attachmentId])).code).toBe('attachment_not_linkable');
    const portalPost = () =>
      decidePostCommentAsPortalUser(
        {
          type: 'PostCommentAsPortalUser',
          entityType: 'Case',
          commentId: COMMENT,
          text: 'x',
          attachmentIds: [file(1).attachmentId],
        },
        state,
        CASE_ENTITY_TYPE,
        streams,
      );
    expect(refusal(portalPost).code).toBe('attachment_not_linkable');
  });

  it('a portal user’s comment carries their own upload', () => {
    const upload = decideAddAttachmentAsPortalUser(
      { type: 'AddAttachmentAsPortalUser', entityType: 'Case', file: file(1) },
      given(acmeCase),
      CASE_ENTITY_TYPE,
      streams,
    );
    const events = decidePostCommentAsPortalUser(
      {
        type: 'PostCommentAsPortalUser',
        entityType: 'Case',
        commentId: COMMENT,
        text: 'x',
        attachmentIds: [file(1).attachmentId],
      },
      given(acmeCase, ...upload),
      CASE_ENTITY_TYPE,
      streams,
    );
    expect(events[1]).toEqual({
      type: 'CommentAttachmentsLinked',
      data: { entityType: 'Case', commentId: COMMENT, attachmentIds: [file(1).attachmentId] },
    });
  });
});

describe('attachments: what each refusal tells', () => {
  const COMMENT = 'c1000000-0000-4000-8000-000000000002';
  const staffAdd = (f: AttachedFile, state = given(acmeCase)) =>
    decideAddAttachment({ type: 'AddAttachment', entityType: 'Case', file: f }, state);
  const portalUpload = () =>
    decideAddAttachmentAsPortalUser(
      { type: 'AddAttachmentAsPortalUser', entityType: 'Case', file: file(1) },
      given(acmeCase),
      CASE_ENTITY_TYPE,
      streams,
    );

  it('lists every fault of a file at once', () => {
    expect(
      problem(() => staffAdd(file(1, { size: -1, sha256: 'A'.repeat(64), name: ' ', contentType: ' ' }))),
    ).toEqual({
      code: 'attachment_invalid',
      kind: 'invalid',
      message: 'The file is not valid',
      errors: [
        { path: 'file', message: 'is empty' },
        { path: 'sha256', message: 'is not a SHA-256' },
        { path: 'name', message: 'is required' },
        { path: 'contentType', message: 'is required' },
      ],
    });
  });

  it.each([
    ['a fractional size', { size: 1.5 }, 'file'],
    ['a hash one digit short', { sha256: 'a'.repeat(63) }, 'sha256'],
    ['a hash with a prefix', { sha256: `x${'a'.repeat(64)}` }, 'sha256'],
    ['a hash with a suffix', { sha256: `${'a'.repeat(64)}x` }, 'sha256'],
  ] as [string, Partial<AttachedFile>, string][])('refuses %s', (_case, overrides, path) => {
    expect(problem(() => staffAdd(file(1, overrides))).errors.map((e) => e.path)).toEqual([path]);
  });

  it('takes a one-byte file with any lowercase hex hash', () => {
    const f = file(1, { size: 1, sha256: '0123456789abcdef'.repeat(4) });
    expect(staffAdd(f)[0]!.data).toMatchObject({ size: 1, sha256: f.sha256 });
  });

  it('tells why a Document takes no second file and a record no 101st', () => {
    const withOne = given(acmeDocument, ...staffAdds(1, { entityType: 'Document' }));
    expect(
      problem(() =>
        decideAddAttachment({ type: 'AddAttachment', entityType: 'Document', file: file(2) }, withOne),
      ),
    ).toEqual({
      code: 'document_has_file',
      kind: 'conflict',
      message: 'A document holds one file: remove it before attaching another',
      errors: [],
    });
    const events: RecordEvent[] = [acmeCase];
    for (let n = 1; n <= MAX_ATTACHMENTS_PER_RECORD; n++) events.push(...staffAdd(file(n), given(...events)));
    expect(problem(() => staffAdd(file(101), given(...events)))).toEqual({
      code: 'too_many_attachments',
      kind: 'invalid',
      message: 'A record holds at most 100 files',
      errors: [],
    });
  });

  it('counts only the live files towards the limit', () => {
    const events: RecordEvent[] = [acmeCase];
    for (let n = 1; n <= MAX_ATTACHMENTS_PER_RECORD; n++) events.push(...staffAdd(file(n), given(...events)));
    events.push(
      ...decideRemoveAttachment(
        { type: 'RemoveAttachment', entityType: 'Case', attachmentId: file(1).attachmentId },
        given(...events),
      ),
    );
    expect(staffAdd(file(101), given(...events))).toHaveLength(1);
  });

  it('tells that an attachment is not found, and that a portal user may not attach or remove', () => {
    expect(
      problem(() =>
        decideRemoveAttachment(
          { type: 'RemoveAttachment', entityType: 'Case', attachmentId: file(1).attachmentId },
          given(acmeCase),
        ),
      ),
    ).toEqual({
      code: 'attachment_not_found',
      kind: 'not-found',
      message: 'Attachment not found',
      errors: [],
    });
    expect(
      problem(() =>
        decideAddAttachmentAsPortalUser(
          { type: 'AddAttachmentAsPortalUser', entityType: 'Case', file: file(1) },
          given(acmeCase),
          CASE_ENTITY_TYPE,
          readsOnly,
        ),
      ),
    ).toEqual({
      code: 'attachment_forbidden',
      kind: 'forbidden',
      message: 'You may not attach files to this record',
      errors: [],
    });
  });

  it('refuses a portal user’s removal of their own upload once they may no longer attach (403)', () => {
    const upload = portalUpload();
    expect(
      problem(() =>
        decideRemoveAttachmentAsPortalUser(
          { type: 'RemoveAttachmentAsPortalUser', entityType: 'Case', attachmentId: file(1).attachmentId },
          given(acmeCase, ...upload),
          CASE_ENTITY_TYPE,
          readsOnly,
        ),
      ),
    ).toEqual({
      code: 'attachment_remove_forbidden',
      kind: 'forbidden',
      message: 'You may not remove this file',
      errors: [],
    });
  });

  it('hides from a portal user a file posted with an internal comment, not one posted with a public one', () => {
    const upload = portalUpload();
    const postedWith = (isInternal: boolean) =>
      decidePostComment(
        {
          type: 'PostComment',
          entityType: 'Case',
          commentId: COMMENT,
          text: 'Seen',
          isInternal,
          attachmentIds: [file(1).attachmentId],
        },
        given(acmeCase, ...upload),
      );
    const removeAfter = (isInternal: boolean) => () =>
      decideRemoveAttachmentAsPortalUser(
        { type: 'RemoveAttachmentAsPortalUser', entityType: 'Case', attachmentId: file(1).attachmentId },
        given(acmeCase, ...upload, ...postedWith(isInternal)),
        CASE_ENTITY_TYPE,
        streams,
      );
    expect(problem(removeAfter(true)).code).toBe('attachment_not_found');
    expect(removeAfter(false)()).toHaveLength(1);
  });

  it('posts a comment without files as the comment alone', () => {
    const events = decidePostComment(
      { type: 'PostComment', entityType: 'Case', commentId: COMMENT, text: 'x', attachmentIds: [] },
      given(acmeCase, ...staffAdds(1)),
    );
    expect(events.map((e) => e.type)).toEqual(['CommentPosted']);
  });

  it('names each file a comment may not carry: removed, already posted, unknown', () => {
    const posted = decidePostComment(
      {
        type: 'PostComment',
        entityType: 'Case',
        commentId: COMMENT,
        text: 'x',
        attachmentIds: [file(1).attachmentId],
      },
      given(acmeCase, ...staffAdds(1)),
    );
    const removed = decideRemoveAttachment(
      { type: 'RemoveAttachment', entityType: 'Case', attachmentId: file(2).attachmentId },
      given(acmeCase, ...staffAdds(1), ...staffAdd(file(2), given(acmeCase, ...staffAdds(1)))),
    );
    const state = given(
      acmeCase,
      ...staffAdds(1),
      ...posted,
      ...staffAdd(file(2), given(acmeCase, ...staffAdds(1))),
      ...removed,
      ...staffAdd(file(3), given(acmeCase)),
    );
    const ids = [file(1).attachmentId, file(2).attachmentId, file(3).attachmentId, file(4).attachmentId];
    expect(
      problem(() =>
        decidePostComment(
          { type: 'PostComment', entityType: 'Case', commentId: 'c2', text: 'y', attachmentIds: ids },
          state,
        ),
      ),
    ).toEqual({
      code: 'attachment_not_linkable',
      kind: 'invalid',
      message: 'A comment may carry only files attached to this record and not yet posted with a comment',
      errors: [ids[0], ids[1], ids[3]].map((id) => ({
        path: 'attachmentIds',
        message: `${id} cannot be posted with this comment`,
      })),
    });
  });

  it('lets a staff comment carry a file a portal user uploaded', () => {
    const upload = portalUpload();
    const events = decidePostComment(
      {
        type: 'PostComment',
        entityType: 'Case',
        commentId: COMMENT,
        text: 'x',
        attachmentIds: [file(1).attachmentId],
      },
      given(acmeCase, ...upload),
    );
    expect(events.map((e) => e.type)).toEqual(['CommentPosted', 'CommentAttachmentsLinked']);
  });
});

describe('attachments on a state stored before files (no attachment or internal comment lists)', () => {
  const stored = (extra: Partial<RecordState> = {}): RecordState => ({
    ...given(acmeCase),
    attachments: undefined,
    internalCommentIds: undefined,
    ...extra,
  });

  it('attaches a first file, and finds no file to remove', () => {
    expect(
      decideAddAttachment({ type: 'AddAttachment', entityType: 'Case', file: file(1) }, stored()),
    ).toHaveLength(1);
    expect(
      refusal(() =>
        decideRemoveAttachment(
          { type: 'RemoveAttachment', entityType: 'Case', attachmentId: file(1).attachmentId },
          stored(),
        ),
      ).code,
    ).toBe('attachment_not_found');
  });

  it('lets a portal user remove their upload posted with a comment, no comment being internal', () => {
    const upload = { id: file(1).attachmentId, sha256: SHA, isInternal: false, removed: false };
    const state = stored({ attachments: [{ ...upload, commentId: 'c1', portalUserId: USER }] });
    expect(
      decideRemoveAttachmentAsPortalUser(
        { type: 'RemoveAttachmentAsPortalUser', entityType: 'Case', attachmentId: file(1).attachmentId },
        state,
        CASE_ENTITY_TYPE,
        streams,
      ),
    ).toEqual([
      { type: 'AttachmentRemoved', data: { entityType: 'Case', attachmentId: file(1).attachmentId } },
    ]);
  });
});
