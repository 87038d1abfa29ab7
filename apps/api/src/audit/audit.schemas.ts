import { z } from 'zod';
import { named } from '../openapi/api-schemas';
import { isoTime } from '../openapi/shared-answers';
import { effectivePermissionsSchema } from '../self-service/me/me-view';

export const auditEventSchema = named(
  'AuditEvent',
  z.object({
    id: z.string().describe("The event's id: what the causationId of the events it caused names"),
    position: z.int().min(0).describe('Global position (pass the last one as `after`)'),
    stream: z.string(),
    revision: z.int().min(0),
    type: z.string(),
    version: z.int().min(1),
    at: isoTime.describe('When the command was decided'),
    actor: z.object({
      type: z.enum(['staff', 'portalUser', 'system']),
      id: z.string(),
      name: z.string().optional(),
      portalId: z.string().optional(),
    }),
    correlationId: z.string(),
    causationId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).describe('The event data, secrets redacted'),
  }),
);

export const auditEventPageSchema = named(
  'AuditEventPage',
  z.object({
    items: z.array(auditEventSchema),
    next: z
      .int()
      .nullable()
      .describe('The last position read: pass it as `after`; null at the end of the log'),
  }),
);

/** Folded aggregate state: its fields are the aggregate's (see the domain), kept open here. */
const foldedState = z.record(z.string(), z.unknown());

export const portalAsOfSchema = named(
  'PortalAsOf',
  z.object({
    id: z.uuid(),
    asOf: isoTime,
    revision: z.int().min(0).describe('Revision of the last portal event folded'),
    at: isoTime.describe('Time of the last portal event folded'),
    state: foldedState,
    roles: z.array(
      z.object({
        id: z.uuid(),
        status: z.enum(['active', 'deleted', 'missing']),
        definition: z.record(z.string(), z.unknown()).nullable(),
      }),
    ),
    permissions: effectivePermissionsSchema,
  }),
);

export const portalUserAsOfSchema = named(
  'PortalUserAsOf',
  z.object({
    id: z.uuid(),
    asOf: isoTime,
    revision: z.int().min(0),
    at: isoTime,
    status: z.enum(['active', 'invited', 'suspended', 'deactivated']),
    state: foldedState,
  }),
);
