import { portalUserOwner } from '@portal/domain';
import { writtenValues } from './written-values';

const at = '2026-02-01T10:00:00.000Z';
const as = (type: string, id: string) => ({ actor: { type, id, name: `${type} ${id}` }, timestamp: at });
const owners = new Set([portalUserOwner('u1')]);
const stream = 'record-Case-k1';

describe('writtenValues', () => {
  it('takes what they wrote at creation and the values of their own later edits', () => {
    const events = [
      {
        type: 'CaseCreatedByPortalUser',
        data: { portalUserId: 'u1', fields: { name: 'Printer broken', description: 'Smoke', status: 'New' } },
        metadata: as('portalUser', 'u1'),
        recordedAt: at,
      },
      {
        type: 'RecordUpdated',
        data: {
          changes: { description: { from: 'Smoke', to: 'Fire' }, status: { from: 'New', to: 'Open' } },
        },
        metadata: as('portalUser', 'u1'),
        recordedAt: at,
      },
    ];
    expect(writtenValues(stream, events, owners)).toEqual([
      { event: 'CaseCreatedByPortalUser', at, fields: { name: 'Printer broken', description: 'Smoke' } },
      { event: 'RecordUpdated', at, fields: { description: 'Fire' } },
    ]);
  });

  it("leaves out staff's and other people's words, and comments and files (listed elsewhere)", () => {
    const events = [
      {
        type: 'RecordUpdated',
        data: { changes: { name: { from: 'a', to: 'Staff renamed it' } } },
        metadata: as('staff', 's1'),
        recordedAt: at,
      },
      {
        type: 'RecordUpdated',
        data: { changes: { description: { from: 'a', to: 'Someone else' } } },
        metadata: as('portalUser', 'u2'),
        recordedAt: at,
      },
      {
        type: 'CommentPosted',
        data: { text: 'My comment' },
        metadata: as('portalUser', 'u1'),
        recordedAt: at,
      },
      {
        type: 'AttachmentAdded',
        data: { name: 'scan.pdf', portalUserId: 'u1' },
        metadata: as('portalUser', 'u1'),
        recordedAt: at,
      },
    ];
    expect(writtenValues(stream, events, owners)).toEqual([]);
  });
});
