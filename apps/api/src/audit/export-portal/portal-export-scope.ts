import type { EventFilter, RecordedEvent } from '@portal/event-store';

/** The events that bring a stream into a portal's export: users joining it, records raised in it. */
export const PORTAL_EXPORT_JOIN_FILTER: Required<EventFilter> = {
  streamPrefixes: ['portalUser-', 'record-'],
  eventTypes: [
    'PortalUserCreated',
    'PortalUserAddedToPortal',
    'PortalUserTransferred',
    'CaseCreatedByPortalUser',
    'RecordCreatedByPortalUser',
  ],
};

/**
 * The stream an event brings into the export of a portal, if any: a portal user's whole stream once
 * the user was ever in the portal, a record's whole stream when it was created through the portal.
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
    default:
      return undefined;
  }
}
