import type { FieldSpec } from '../components/form-field.js';

type FieldShape = Pick<FieldSpec, 'name' | 'type' | 'required' | 'options' | 'maxLength'>;

// The API's limits on a record's string and text fields (libs/domain validate-record-fields.ts).
const MAX_STRING = 255;
const MAX_TEXT = 100_000;

/**
 * How the built-in types' fields are entered (the API offers no field metadata to portal users,
 * so the form knows the built-in ones; other types get a name and a description). The API
 * validates every value; this only picks a fitting control.
 */
const FORM_FIELDS: Record<string, FieldShape[]> = {
  Case: [
    { name: 'name', type: 'text', required: true, maxLength: MAX_STRING },
    { name: 'description', type: 'textarea', maxLength: MAX_TEXT },
    { name: 'priority', type: 'select', options: ['Low', 'Normal', 'High', 'Urgent'], required: true },
    { name: 'type', type: 'select', options: ['Question', 'Incident', 'Problem'] },
  ],
  KnowledgeBaseArticle: [
    { name: 'name', type: 'text', required: true, maxLength: MAX_STRING },
    { name: 'body', type: 'textarea', maxLength: MAX_TEXT },
  ],
  Document: [
    { name: 'name', type: 'text', required: true, maxLength: MAX_STRING },
    { name: 'description', type: 'textarea', maxLength: MAX_TEXT },
  ],
};

const GENERIC: FieldShape[] = [
  { name: 'name', type: 'text', required: true, maxLength: MAX_STRING },
  { name: 'description', type: 'textarea', maxLength: MAX_TEXT },
];

/** Values the service sets, never shown as a form value or a detail. */
const SERVICE_KEYS = new Set(['id', 'entityType', 'revision', 'createdBy', 'modifiedBy', 'isInternal']);

export function createFormFields(entityType: string): FieldShape[] {
  return FORM_FIELDS[entityType] ?? GENERIC;
}

/** The control for an existing field when editing: the known shape, else one guessed from its value. */
export function editFieldShape(entityType: string, name: string, value: unknown): FieldShape {
  const known = (FORM_FIELDS[entityType] ?? []).find((f) => f.name === name);
  if (known) return { ...known, required: known.required && name !== 'priority' };
  if (typeof value === 'boolean') return { name, type: 'checkbox' };
  if (typeof value === 'number') return { name, type: 'number' };
  if (typeof value === 'string' && value.length > 80) return { name, type: 'textarea' };
  return { name, type: 'text' };
}

/**
 * The fields of a record worth showing a person: no service keys, no link ids (UUIDs say nothing
 * to a customer), nothing that is not a plain value.
 */
export function displayedFields(item: Record<string, unknown>): string[] {
  return Object.keys(item).filter(
    (name) =>
      !SERVICE_KEYS.has(name) &&
      !/Ids?$/.test(name) &&
      (item[name] === null || ['string', 'number', 'boolean'].includes(typeof item[name])),
  );
}

/** Columns of a list: the name first, then the usual ones that are present, then the times. */
export function listColumns(items: Record<string, unknown>[]): string[] {
  const present = new Set(items.flatMap((item) => displayedFields(item)));
  const preferred = ['name', 'status', 'priority', 'type'].filter((f) => present.has(f));
  const others = [...present].filter(
    (f) => !preferred.includes(f) && !['createdAt', 'modifiedAt', 'description', 'body'].includes(f),
  );
  const times = ['createdAt', 'modifiedAt'].filter((f) => present.has(f));
  return [...preferred, ...others.slice(0, Math.max(0, 4 - preferred.length)), ...times];
}
