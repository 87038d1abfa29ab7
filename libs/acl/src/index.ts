export * from './record-filter';
export { simplifyFilter } from './simplify-filter';
export * from './levels';
export type { RoleDefinition, RoleRef, ScopePermissions, FieldPermission } from './portal-role';
export type { AclUser } from './acl-user';
export type { AclRecord } from './acl-record';
export type { PortalContext, Criterion } from './portal-context';
export {
  mergeRoles,
  scopeOf,
  type EffectivePermissions,
  type EffectiveScope,
  type EffectiveField,
  type Grant,
} from './merge-roles';
export {
  ALWAYS_READ_ONLY_FIELDS,
  NEVER_READABLE_FIELDS,
  isAlwaysReadOnlyField,
  isNeverReadableField,
} from './protected-fields';
export {
  isFieldReadable,
  isFieldEditable,
  readableFields,
  editableFields,
  projectReadable,
  readableFieldsKey,
  checkWritableFields,
  checkCreatableFields,
  isFieldSettableOnCreate,
  restrictedFields,
} from './field-permissions';
export { criterionFilter } from './criterion-filter';
export { ENTITY_TYPE_RULES, type EntityTypeRule, type ScopeCondition } from './entity-type-rules';
export { ownershipReach } from './level-reach';
export { scopeFilter, exposureConditions, levelReach } from './scope-filter';
export { canAct, canRead, canEdit, canDelete, canStream, canShare, canCreate } from './access-checks';
export { explain, type AccessExplanation, type ActionExplanation } from './explain';
export { REFUSAL_MESSAGES, type RefusalReason } from './refusal-reason';
export {
  portalUserSharedView,
  staffSharedView,
  type SharedContent,
  type SharedView,
  type SharableComment,
} from './shared-view';
export { canReadAttachment, canAttach, type AclAttachment } from './attachment-access';
export { filterPaths } from './filter-paths';
export { RECORD_SCOPE_PATHS } from './scope-paths';
