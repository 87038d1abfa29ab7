import type { EntityTypeDefinition } from '../entity-type/entity-type.definition';
import { validateRecordFields } from '../entity-type/validate-record-fields';
import { DomainError } from '../shared/domain-error';
import { withDefaults } from './field-changes';
import type { RecordFields } from './record.events';
import { recordExists, type RecordState } from './record.state';

export function recordNotFound(): DomainError {
  return new DomainError('record_not_found', 'Record not found', 'not-found');
}

/**
 * The record exists, is of the commanded type and is not deleted. Staff learn that a record was
 * deleted (`record_deleted`, still a 404: the resource is gone); see portal-user guards for why
 * portal users do not.
 */
export function assertStaffCanTouch(
  state: RecordState,
  entityType: string,
): asserts state is RecordState & { id: string; entityType: string } {
  if (!recordExists(state) || state.entityType !== entityType) throw recordNotFound();
  if (state.deleted) throw new DomainError('record_deleted', 'The record was deleted', 'not-found');
}

/** Portal users never learn whether a record exists: missing, deleted and unreadable look the same. */
export function assertPortalUserCanSee(
  state: RecordState,
  entityType: string,
): asserts state is RecordState & { id: string; entityType: string } {
  if (!recordExists(state) || state.entityType !== entityType || state.deleted) throw recordNotFound();
}

export function assertNotCreated(state: RecordState): void {
  if (recordExists(state)) throw new DomainError('record_exists', 'A record with this id exists', 'conflict');
}

export function assertDefinitionOf(def: EntityTypeDefinition, entityType: string): void {
  // A handler bug, not a user error: the definition must be the commanded type's.
  if (def.name !== entityType) throw new Error(`Definition ${def.name} given for ${entityType}`);
}

function invalid(errors: { path: string; message: string }[]): DomainError {
  return new DomainError('record_invalid', 'The record has invalid fields', 'invalid', errors);
}

/** The fields of a new record: sent fields checked, defaults filled in, required ones checked. */
export function validNewFields(def: EntityTypeDefinition, sent: RecordFields): RecordFields {
  // Unknown names are refused before anything copies them (a `__proto__` key must not go further).
  const sentErrors = validateRecordFields(def, sent, { partial: true });
  if (sentErrors.length > 0) throw invalid(sentErrors);
  const fields = withDefaults(sent, def.fields);
  const errors = validateRecordFields(def, fields);
  if (errors.length > 0) throw invalid(errors);
  return fields;
}

export function assertValidChanges(def: EntityTypeDefinition, sent: RecordFields): void {
  const errors = validateRecordFields(def, sent, { partial: true });
  if (errors.length > 0) throw invalid(errors);
}

export function assertCommentText(text: unknown): asserts text is string {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new DomainError('comment_empty', 'A comment needs text', 'invalid', [
      { path: 'text', message: 'is required' },
    ]);
  }
}
