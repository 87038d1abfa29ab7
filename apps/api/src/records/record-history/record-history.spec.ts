import type { RecordStreamEvent } from '../record-document';
import { historyEntry } from './record-history';

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
});
