import {
  EMAIL_ATTEMPT_EVENT_TYPES,
  DATA_SUBJECT_EVENT_TYPES,
  ENTITY_TYPE_EVENT_TYPES,
  PORTAL_EVENT_TYPES,
  PORTAL_ROLE_EVENT_TYPES,
  PORTAL_USER_EVENT_TYPES,
  RECORD_EVENT_TYPES,
  RESERVATION_EVENT_TYPES,
  RETENTION_EVENT_TYPES,
  SHARE_LINK_EVENT_TYPES,
  STAFF_USER_EVENT_TYPES,
} from '@portal/domain';
import { UpcasterRegistry } from '@portal/event-store';

/** The mailer's delivery outcomes (apps/mailer/src/delivery-events.ts), on `emailDelivery-<job>`. */
export const EMAIL_DELIVERY_EVENT_TYPES = ['EmailDelivered', 'EmailDeliveryFailed'] as const;

/**
 * Which event types each stream category (the stream name before its first `-`) may hold. A type
 * outside its category's list is as suspect as an unknown one: nothing writes it there.
 */
export const EVENT_TYPES_BY_CATEGORY: Readonly<Record<string, readonly string[]>> = {
  portal: PORTAL_EVENT_TYPES,
  portalRole: PORTAL_ROLE_EVENT_TYPES,
  portalUser: PORTAL_USER_EVENT_TYPES,
  staffUser: STAFF_USER_EVENT_TYPES,
  entityType: ENTITY_TYPE_EVENT_TYPES,
  record: RECORD_EVENT_TYPES,
  unique: RESERVATION_EVENT_TYPES,
  shareLink: SHARE_LINK_EVENT_TYPES,
  emailAttempt: EMAIL_ATTEMPT_EVENT_TYPES,
  emailDelivery: EMAIL_DELIVERY_EVENT_TYPES,
  dataSubject: DATA_SUBJECT_EVENT_TYPES,
  retention: RETENTION_EVENT_TYPES,
};

/** Every event type the service writes today, each at its current version after upcasting. */
export class KnownEventTypes {
  private readonly types = new Set(Object.values(EVENT_TYPES_BY_CATEGORY).flat());

  constructor(private readonly upcasters: UpcasterRegistry = new UpcasterRegistry()) {}

  isKnown(type: string): boolean {
    return this.types.has(type);
  }

  currentVersion(type: string): number {
    return this.upcasters.currentVersion(type);
  }

  /** The types a stream may hold, or undefined for a category this registry does not know. */
  typesOfStream(stream: string): readonly string[] | undefined {
    const category = stream.split('-', 1)[0];
    return Object.prototype.hasOwnProperty.call(EVENT_TYPES_BY_CATEGORY, category)
      ? EVENT_TYPES_BY_CATEGORY[category]
      : undefined;
  }
}
