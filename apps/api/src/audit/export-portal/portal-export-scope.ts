import type { EventFilter, RecordedEvent } from '@portal/event-store';

/**
 * The events that bring a stream into a portal's export: users joining it, records raised in it,
 * share links made in it.
 */
export const PORTAL_EXPORT_JOIN_FILTER: Required<EventFilter> = {
  streamPrefixes: ['portalUser-', 'record-', 'shareLink-'],
  eventTypes: [
    'PortalUserCreated',
    'PortalUserAddedToPortal',
    'PortalUserTransferred',
    'CaseCreatedByPortalUser',
    'RecordCreatedByPortalUser',
    'ShareLinkCreated',
  ],
};

/**
 * The stream an event brings into the export of a portal, if any: a portal user's whole stream once
 * the user was ever in the portal, a record's whole stream when it was created through the portal,
 * a share link's whole stream (opened, expired, revoked) when a portal user made it there.
 */
export function streamJoiningPortal(event: RecordedEvent, portalId: string): string | undefined {
  const data = event.data;
  switch (event.type) {
    case 'PortalUserCreated':
      return Array.isArray(data.portalIds) && data.portalIds.includes(portalId) ? event.stream : undefined;
    case 'PortalUserAddedToPortal':
    case 'CaseCreatedByPortalUser':
    case 'RecordCreatedByPortalUser':
      return data.portalId === portalId ? event.stream : undefined;
    case 'PortalUserTransferred':
      return data.toPortalId === portalId ? event.stream : undefined;
    case 'ShareLinkCreated': {
      const creator = data.createdBy as { portalId?: unknown } | undefined;
      return creator?.portalId === portalId ? event.stream : undefined;
    }
    default:
      return undefined;
  }
}
