import { ENVELOPE_PREFIX, isSealedValue, ownerOfEnvelope } from './field-cipher';

type Json = unknown;

/**
 * The owner of every v1 envelope anywhere inside a JSON value, added to `into`; true when there is
 * one. (A v2 reference needs its event's sealed list, whose owners the metadata names.)
 */
export function collectEnvelopeOwners(value: Json, into: Set<string>): boolean {
  if (typeof value === 'string') return addEnvelopeOwner(value, into);
  if (value === null || typeof value !== 'object') return false;
  let found = false;
  if (Array.isArray(value)) {
    for (const item of value) found = collectEnvelopeOwners(item, into) || found;
  } else {
    const record = value as Record<string, Json>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const item = record[key];
      // Strings (most values) looked at here, not by a call each.
      if (typeof item === 'string') found = addEnvelopeOwner(item, into) || found;
      else if (item !== null && typeof item === 'object') found = collectEnvelopeOwners(item, into) || found;
    }
  }
  return found;
}

function addEnvelopeOwner(value: string, into: Set<string>): boolean {
  if (value.charCodeAt(0) !== 112 /* p */ || !value.startsWith(ENVELOPE_PREFIX)) return false;
  into.add(ownerOfEnvelope(value));
  return true;
}

/** Whether a string is a stored value: its first character tells almost every other string apart. */
function isStored(value: string): boolean {
  return value.charCodeAt(0) === 112 /* p */ && isSealedValue(value);
}

/**
 * A copy with every stored personal value (v1 envelope or v2 reference) replaced by `open(stored)`.
 * Copy on write: an object or array is copied only once a value inside it changes, so the parts
 * without envelopes are shared as read. Strings are looked at in the loops (most values are), not
 * by a call each.
 */
export function openEnvelopes<T extends Json>(value: T, open: (envelope: string) => string): T {
  if (typeof value === 'string') return (isStored(value) ? open(value) : value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      const next =
        typeof item === 'string' ? (isStored(item) ? open(item) : item) : openEnvelopes(item, open);
      if (next !== item) (copy ??= [...value])[i] = next;
    }
    return (copy ?? value) as T;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const item = record[key];
    let next: unknown;
    if (typeof item === 'string') {
      if (!isStored(item)) continue;
      next = open(item);
    } else if (item !== null && typeof item === 'object') next = openEnvelopes(item, open);
    else continue;
    if (next !== item) (copy ??= { ...record })[key] = next;
  }
  return (copy ?? value) as T;
}

/** The value at a path, or undefined. */
export function valueAt(root: unknown, path: readonly string[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
