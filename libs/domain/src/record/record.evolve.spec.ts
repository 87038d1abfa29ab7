import { fold } from '../shared/decider';
import type { RecordEvent } from './record.events';
import { evolveRecord } from './record.evolve';
import { initialRecordState, type RecordState } from './record.state';

const file = (attachmentId: string): RecordEvent => ({
  type: 'AttachmentAdded',
  data: {
    entityType: 'Case',
    attachmentId,
    name: `${attachmentId}.pdf`,
    size: 10,
    contentType: 'application/pdf',
    sha256: 'a'.repeat(64),
    isInternal: false,
    portalUserId: null,
  },
});

/** A state stored before files: without internalCommentIds and attachments. */
const storedBeforeFiles = (): RecordState => ({
  id: 'case-1',
  entityType: 'Case',
  deleted: false,
  fields: {},
  createdByPortalUserId: null,
  createdInPortalId: null,
  commentIds: [],
});

describe('evolveRecord on a state stored before files (no attachment or internal comment lists)', () => {
  it('takes comments, files, a removal and a link as a new state would', () => {
    const stored = storedBeforeFiles();
    const events: RecordEvent[] = [
      { type: 'CommentPosted', data: { entityType: 'Case', commentId: 'c1', text: 'x', isInternal: true } },
      file('f1'),
      file('f2'),
      { type: 'AttachmentRemoved', data: { entityType: 'Case', attachmentId: 'f1' } },
      {
        type: 'CommentAttachmentsLinked',
        data: { entityType: 'Case', commentId: 'c1', attachmentIds: ['f2'] },
      },
    ];
    const state = fold(evolveRecord, stored, events);
    expect(state.commentIds).toEqual(['c1']);
    expect(state.internalCommentIds).toEqual(['c1']);
    expect(state.attachments?.map((a) => [a.id, a.removed, a.commentId])).toEqual([
      ['f1', true, null],
      ['f2', false, 'c1'],
    ]);
  });

  it('keeps a removal or a link that names no file of a stored state harmless', () => {
    const stored = storedBeforeFiles();
    const removed = evolveRecord(stored, {
      type: 'AttachmentRemoved',
      data: { entityType: 'Case', attachmentId: 'f9' },
    });
    expect(removed.attachments).toEqual([]);
    const linked = evolveRecord(stored, {
      type: 'CommentAttachmentsLinked',
      data: { entityType: 'Case', commentId: 'c1', attachmentIds: ['f9'] },
    });
    expect(linked.attachments).toEqual([]);
  });

  it('starts the comment and file lists of a state stored before files', () => {
    const stored = storedBeforeFiles();
    const comment = (commentId: string, isInternal: boolean) =>
      ({ type: 'CommentPosted', data: { entityType: 'Case', commentId, text: 'x', isInternal } }) as const;
    expect(evolveRecord(stored, comment('c1', false)).internalCommentIds).toEqual([]);
    expect(evolveRecord(stored, comment('c2', true)).internalCommentIds).toEqual(['c2']);
    const added = evolveRecord(stored, {
      type: 'AttachmentAdded',
      data: {
        entityType: 'Case',
        attachmentId: 'f1',
        name: 'a.pdf',
        size: 1,
        contentType: 'application/pdf',
        sha256: 'a'.repeat(64),
        isInternal: false,
        portalUserId: null,
      },
    });
    expect(added.attachments).toEqual([
      {
        id: 'f1',
        sha256: 'a'.repeat(64),
        isInternal: false,
        portalUserId: null,
        commentId: null,
        removed: false,
      },
    ]);
  });
});

describe('evolveRecord on a record a portal user created', () => {
  it.each(['RecordCreatedByPortalUser', 'CaseCreatedByPortalUser'] as const)(
    'takes the fields, the creator and the portal of %s',
    (type) => {
      const event = {
        type,
        data: {
          id: 'rec-1',
          entityType: 'Case',
          fields: { subject: 'Printer on fire', status: 'New' },
          portalId: 'portal-1',
          portalUserId: 'pu-1',
        },
      } as const;
      const state = evolveRecord(initialRecordState, event);
      expect(state).toEqual({
        ...initialRecordState,
        id: 'rec-1',
        entityType: 'Case',
        fields: { subject: 'Printer on fire', status: 'New' },
        createdByPortalUserId: 'pu-1',
        createdInPortalId: 'portal-1',
      });
    },
  );
});
