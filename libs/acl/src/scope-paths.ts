/**
 * The document paths a portal user's scope filter reads for an entity type without a rule of its
 * own (ENTITY_TYPE_RULES) when the portal sets no record criteria for it: the exposure (type,
 * deleted, internal) and the ownership reach (creator, contacts, accounts). Counts kept over these
 * paths (the records read model's) answer such a scoped list's total without reading its records.
 */
export const RECORD_SCOPE_PATHS: readonly string[] = [
  'entityType',
  'deleted',
  'isInternal',
  'createdByPortalUserId',
  'contactIds',
  'accountIds',
];
