/**
 * Fields whose protection does not depend on roles.
 *
 * Always read-only for portal users:
 * - `assignedUserId`, `teamIds`: staff-side assignment (EspoCRM: read-only for portal users);
 * - system fields the service maintains: `id`, `entityType`, `createdAt`, `createdBy`, `modifiedAt`,
 *   `modifiedBy`, `createdByPortalUserId`, `modifiedByPortalUserId`, `deleted`, `isInternal`, `version`;
 * - the links that decide who sees a record: `accountId`, `accountIds`, `contactId`, `contactIds`,
 *   `portalIds`. A portal user who could rewrite them could move a record into another account's
 *   view, or their own contact into another account and so widen their own `account` reach.
 *
 * Never readable by portal users: `isInternal`. Records that carry `true` are never exposed at all,
 * so the flag tells a portal user nothing, and it is staff vocabulary.
 */
export const ALWAYS_READ_ONLY_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'entityType',
  'createdAt',
  'createdBy',
  'modifiedAt',
  'modifiedBy',
  'createdByPortalUserId',
  'modifiedByPortalUserId',
  'deleted',
  'isInternal',
  'version',
  'assignedUserId',
  'teamIds',
  'accountId',
  'accountIds',
  'contactId',
  'contactIds',
  'portalIds',
]);

export const NEVER_READABLE_FIELDS: ReadonlySet<string> = new Set(['isInternal']);

export function isAlwaysReadOnlyField(field: string): boolean {
  return ALWAYS_READ_ONLY_FIELDS.has(field);
}

export function isNeverReadableField(field: string): boolean {
  return NEVER_READABLE_FIELDS.has(field);
}
