import type { FieldChanges, RecordFields } from './record.events';

function sameValue(a: unknown, b: unknown): boolean {
  // Values are plain JSON; lists compare in order (a reordered id list is a change).
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The sent fields whose value differs from the current one, as `{ from, to }` (unset is `null`). */
export function fieldChanges(current: RecordFields, sent: RecordFields): FieldChanges {
  const changes: FieldChanges = {};
  for (const [name, to] of Object.entries(sent)) {
    if (to === undefined) continue;
    const from = Object.prototype.hasOwnProperty.call(current, name) ? current[name] : undefined;
    if (!sameValue(from, to)) changes[name] = { from: from ?? null, to };
  }
  return changes;
}

/** The sent fields without `undefined` entries, with the type's defaults filled in where unsent. */
export function withDefaults(
  fields: RecordFields,
  defaults: readonly { name: string; default?: unknown }[],
): RecordFields {
  const out: RecordFields = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) out[name] = value;
  for (const field of defaults) {
    if (field.default !== undefined && (out[field.name] === undefined || out[field.name] === null)) {
      out[field.name] = field.default;
    }
  }
  return out;
}
