import {
  findField,
  findLinkByField,
  type EntityTypeDefinition,
  type FieldDefinition,
} from './entity-type.definition';

export interface RecordFieldError {
  path: string;
  message: string;
}

export interface ValidateOptions {
  /** An update: only the sent fields are checked, so missing required fields are fine. */
  partial?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
// Deliberately loose: one @, a dot in the domain, no spaces. Deliverability is the mailer's problem.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{3,30}$/;
const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const MAX_STRING = 255;
const MAX_TEXT = 100_000;

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Why a (non-null) value does not fit the field's type, or null when it fits. */
function fieldValueProblem(field: FieldDefinition, value: unknown): string | null {
  const options = field.options ?? [];
  switch (field.type) {
    case 'string':
    case 'text': {
      if (typeof value !== 'string') return 'must be a string';
      const max = field.type === 'string' ? MAX_STRING : MAX_TEXT;
      return value.length > max ? `must be at most ${max} characters` : null;
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'integer':
      return Number.isSafeInteger(value) ? null : 'must be an integer';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? null : 'must be a date (YYYY-MM-DD)';
    case 'datetime':
      return typeof value === 'string' && DATETIME.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'must be an ISO-8601 date-time';
    case 'enum':
      return typeof value === 'string' && options.includes(value)
        ? null
        : `must be one of: ${options.join(', ')}`;
    case 'multiEnum':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && options.includes(v))
        ? null
        : `must be a list of: ${options.join(', ')}`;
    case 'email':
      return typeof value === 'string' && value.length <= MAX_STRING && EMAIL.test(value)
        ? null
        : 'must be an email address';
    case 'phone':
      return typeof value === 'string' && PHONE.test(value) ? null : 'must be a phone number';
    case 'url':
      return typeof value === 'string' && value.length <= 2048 && URL_PATTERN.test(value)
        ? null
        : 'must be an http(s) URL';
  }
}

function linkValueProblem(many: boolean, value: unknown): string | null {
  if (!many) return isUuid(value) ? null : 'must be a UUID';
  if (!Array.isArray(value) || !value.every(isUuid)) return 'must be a list of UUIDs';
  return new Set(value).size === value.length ? null : 'must not repeat an id';
}

/**
 * Business-level check of a record's fields against its entity type: unknown fields, types, enum
 * options, link ids, and (unless partial) required fields. `null` clears an optional field;
 * an empty many-link is `[]`. Returns every problem, one per field, in a stable order.
 */
export function validateRecordFields(
  def: EntityTypeDefinition,
  fields: Record<string, unknown>,
  options: ValidateOptions = {},
): RecordFieldError[] {
  const errors: RecordFieldError[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const field = findField(def, name);
    const link = field ? undefined : findLinkByField(def, name);
    if (!field && !link) {
      errors.push({ path: name, message: `is not a field of ${def.name}` });
      continue;
    }
    if (value === undefined) continue;
    if (field) {
      if (isBlank(value)) {
        if (field.required) errors.push({ path: name, message: 'is required' });
        else if (value !== null && field.type !== 'string' && field.type !== 'text') {
          errors.push({ path: name, message: fieldValueProblem(field, value) ?? 'is invalid' });
        }
        continue;
      }
      const problem = fieldValueProblem(field, value);
      if (problem) errors.push({ path: name, message: problem });
    } else if (link) {
      if (value === null && !link.many) continue;
      const problem = linkValueProblem(link.many === true, value);
      if (problem) errors.push({ path: name, message: problem });
    }
  }
  if (!options.partial) {
    for (const field of def.fields) {
      const sent =
        Object.prototype.hasOwnProperty.call(fields, field.name) && fields[field.name] !== undefined;
      if (field.required && !sent && !errors.some((e) => e.path === field.name)) {
        errors.push({ path: field.name, message: 'is required' });
      }
    }
  }
  return errors;
}
