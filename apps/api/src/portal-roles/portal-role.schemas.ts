import { z } from 'zod';
import { ACCESS_LEVELS, CREATE_LEVELS, YES_NO } from '@portal/acl';
import { named } from '../openapi/api-schemas';
import { listAnswerSchema, trackedShape } from '../openapi/shared-answers';

// Shapes and level names are checked here (400 with paths); names of types and fields, and the
// rest of the rules, by the PortalRole decider (422).
const accessLevel = z.enum(ACCESS_LEVELS);

const scopePermissions = z.strictObject({
  create: z.enum(CREATE_LEVELS).optional(),
  read: accessLevel.optional(),
  edit: accessLevel.optional(),
  delete: accessLevel.optional(),
  stream: accessLevel.optional(),
  share: accessLevel.optional(),
});

const fieldPermission = z.strictObject({
  read: z.enum(YES_NO).optional(),
  edit: z.enum(YES_NO).optional(),
});

export const portalRoleScopesSchema = z.record(z.string().min(1).max(64), scopePermissions);
export const portalRoleFieldsSchema = z.record(
  z.string().min(1).max(64),
  z.record(z.string().min(1).max(64), fieldPermission),
);

export const createPortalRoleBody = z.strictObject({
  name: z.string().min(1).max(200),
  scopes: portalRoleScopesSchema.optional(),
  fields: portalRoleFieldsSchema.optional(),
});
export type CreatePortalRoleBody = z.infer<typeof createPortalRoleBody>;

export const updatePortalRoleBody = createPortalRoleBody.partial();
export type UpdatePortalRoleBody = z.infer<typeof updatePortalRoleBody>;

// Answers.

export const portalRoleSchema = named(
  'PortalRole',
  z.object({
    id: z.uuid(),
    name: z.string(),
    scopes: z.record(
      z.string(),
      z.object({
        create: z.enum(CREATE_LEVELS).optional(),
        read: accessLevel.optional(),
        edit: accessLevel.optional(),
        delete: accessLevel.optional(),
        stream: accessLevel.optional(),
        share: accessLevel.optional(),
      }),
    ),
    fields: z.record(
      z.string(),
      z.record(z.string(), z.object({ read: z.enum(YES_NO).optional(), edit: z.enum(YES_NO).optional() })),
    ),
    deleted: z.boolean(),
    ...trackedShape,
  }),
);

export const portalRoleListSchema = listAnswerSchema('PortalRoleList', portalRoleSchema);

export const portalRoleUpdatedSchema = named(
  'PortalRoleUpdated',
  z.object({ id: z.uuid(), revision: z.int().min(0).optional() }),
);
