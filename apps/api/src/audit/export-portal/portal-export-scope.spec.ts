import { ScriptedLog } from '../testing/recorded-events';
import { streamJoiningPortal } from './portal-export-scope';

const P = 'p-1';
const at = '2026-01-01T00:00:00Z';

describe('streamJoiningPortal', () => {
  const log = new ScriptedLog();
  it.each([
    ['PortalUserCreated', 'portalUser-a', { portalIds: ['x', P] }],
    ['PortalUserAddedToPortal', 'portalUser-b', { portalId: P }],
    ['PortalUserTransferred', 'portalUser-c', { fromPortalId: 'x', toPortalId: P }],
    ['CaseCreatedByPortalUser', 'record-Case-1', { portalId: P, entityType: 'Case' }],
    ['RecordCreatedByPortalUser', 'record-Document-1', { portalId: P, entityType: 'Document' }],
    ['ShareLinkCreated', 'shareLink-1', { createdBy: { type: 'portalUser', id: 'u', portalId: P } }],
  ])('%s brings its stream in', (type, stream, data) => {
    expect(streamJoiningPortal(log.event(stream, type, data, at), P)).toBe(stream);
  });

  it.each([
    ['PortalUserCreated', 'portalUser-d', { portalIds: ['x'] }],
    ['PortalUserAddedToPortal', 'portalUser-e', { portalId: 'x' }],
    ['PortalUserTransferred', 'portalUser-f', { fromPortalId: P, toPortalId: 'x' }],
    ['CaseCreatedByPortalUser', 'record-Case-2', { portalId: 'x' }],
    ['RecordCreated', 'record-Case-3', { portalId: P }],
    ['InvitationSent', 'portalUser-g', { portalId: P }],
    ['ShareLinkCreated', 'shareLink-2', { createdBy: { type: 'portalUser', id: 'u', portalId: 'x' } }],
    ['ShareLinkCreated', 'shareLink-3', { createdBy: { type: 'staff', id: 's' } }],
  ])('%s elsewhere (or of another kind) does not', (type, stream, data) => {
    expect(streamJoiningPortal(log.event(stream, type, data, at), P)).toBeUndefined();
  });
});
