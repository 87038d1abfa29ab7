import type { EventFilter, RecordedEvent } from '@portal/event-store';
import { eventTime } from './audit-event';

/** What GET /v1/audit/events narrows by; every criterion is optional. */
export interface AuditEventCriteria {
  /** An exact stream name, or a prefix when it ends with `*` (`portalUser-*`). */
  stream?: string;
  /** Event types, any of them. */
  types?: string[];
  actorId?: string;
  portalId?: string;
  /** Inclusive bounds on the event's time, epoch ms. */
  from?: number;
  to?: number;
}

/** The part of the criteria the store filters on (stream prefix, types); the rest is matched here. */
export function storeFilterOf(criteria: AuditEventCriteria): EventFilter {
  const filter: EventFilter = {};
  if (criteria.stream !== undefined) filter.streamPrefixes = [streamPrefix(criteria.stream)];
  if (criteria.types && criteria.types.length > 0) filter.eventTypes = criteria.types;
  return filter;
}

export function matchesCriteria(event: RecordedEvent, criteria: AuditEventCriteria): boolean {
  if (criteria.stream !== undefined && !matchesStream(event.stream, criteria.stream)) return false;
  if (criteria.types && criteria.types.length > 0 && !criteria.types.includes(event.type)) return false;
  if (criteria.actorId !== undefined && event.metadata.actor?.id !== criteria.actorId) return false;
  if (criteria.portalId !== undefined && !concernsPortal(event, criteria.portalId)) return false;
  if (criteria.from !== undefined || criteria.to !== undefined) {
    const at = Date.parse(eventTime(event));
    if (criteria.from !== undefined && !(at >= criteria.from)) return false;
    if (criteria.to !== undefined && !(at <= criteria.to)) return false;
  }
  return true;
}

/**
 * Whether an event concerns a portal: done in it (actor), about it (data.portalId, a transfer's
 * from/to, a list of portalIds such as a new portal user's or an article's), or on its stream.
 */
export function concernsPortal(event: RecordedEvent, portalId: string): boolean {
  if (event.stream === `portal-${portalId}`) return true;
  if (event.metadata.actor?.portalId === portalId) return true;
  const data = event.data;
  if (data.portalId === portalId || data.fromPortalId === portalId || data.toPortalId === portalId)
    return true;
  return Array.isArray(data.portalIds) && data.portalIds.includes(portalId);
}

function streamPrefix(stream: string): string {
  return stream.endsWith('*') ? stream.slice(0, -1) : stream;
}

function matchesStream(actual: string, wanted: string): boolean {
  return wanted.endsWith('*') ? actual.startsWith(streamPrefix(wanted)) : actual === wanted;
}
