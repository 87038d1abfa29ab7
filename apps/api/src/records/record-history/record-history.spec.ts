import type { RecordStreamEvent } from '../record-document';
import { historyEntries, historyEntry } from './record-history';

const actor = { type: 'portalUser' as const, id: 'u1', name: 'Customer', portalId: 'p1' };
const at = '2026-01-01T00:00:00.000Z';

function entry(type: string, data: unknown) {
  return historyEntry({ type, data, revision: 3, metadata: { actor, timestamp: at } } as RecordStreamEvent);
}

describe('historyEntry', () => {
  it('lists every field of a creation as from null, with the actor and time', () => {
    expect(entry('RecordCreated', { id: 'r', entityType: 'Account', fields: { name: 'Acme' } })).toEqual({
      event: 'RecordCreated',
      at,
      revision: 3,
      actor,
      changes: { name: { from: null, to: 'Acme' } },
    });
  });

  it('shows a case status change once, as a status change', () => {
    expect(entry('CaseStatusChanged', { entityType: 'Case', from: 'New', to: 'Closed' }).changes).toEqual({
      status: { from: 'New', to: 'Closed' },
    });
  });

  it('gives a comment no field changes and the comment itself', () => {
    const comment = entry('CommentPosted', {
      entityType: 'Case',
      commentId: 'k',
      text: 'hi',
      isInternal: true,
    });
    expect(comment.changes).toEqual({});
    expect(comment.comment).toEqual({ id: 'k', text: 'hi', isInternal: true });
  });

  it('names a file when it is added, carried by a comment and removed: metadata only', () => {
    const file = {
      entityType: 'Case',
      attachmentId: 'f1',
      name: 'scan.pdf',
      size: 2048,
      contentType: 'application/pdf',
      sha256: 'a'.repeat(64),
      isInternal: false,
      portalUserId: 'u1',
    };
    const event = (type: string, data: unknown, revision: number) =>
      ({ type, data, revision, metadata: { actor, timestamp: at } }) as RecordStreamEvent;
    const entries = historyEntries([
      event('AttachmentAdded', file, 1),
      event('CommentAttachmentsLinked', { entityType: 'Case', commentId: 'k', attachmentIds: ['f1'] }, 2),
      event('AttachmentRemoved', { entityType: 'Case', attachmentId: 'f1' }, 3),
    ]);
    const metadata = {
      id: 'f1',
      name: 'scan.pdf',
      size: 2048,
      contentType: 'application/pdf',
      sha256: 'a'.repeat(64),
      isInternal: false,
    };
    expect(entries.map((e) => [e.event, e.changes, e.attachment, e.linked])).toEqual([
      ['AttachmentAdded', {}, metadata, undefined],
      ['CommentAttachmentsLinked', {}, undefined, { commentId: 'k', attachmentIds: ['f1'] }],
      ['AttachmentRemoved', {}, metadata, undefined],
    ]);
  });
});
