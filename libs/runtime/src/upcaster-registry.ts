import { UpcasterRegistry } from '@portal/event-store';

/**
 * Every upcaster of the service's events, in one place. Empty while every event type is at
 * version 1: a v2 of a type adds its v1→v2 upcaster here, and every read path lifts old events.
 */
export function createUpcasterRegistry(): UpcasterRegistry {
  return new UpcasterRegistry([]);
}
