import { isEnvelope } from './field-cipher';

type Json = unknown;

/** Every envelope (encrypted value) anywhere inside a JSON value. */
export function collectEnvelopes(value: Json, into: string[]): void {
  if (typeof value === 'string') {
    if (isEnvelope(value)) into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectEnvelopes(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectEnvelopes(item, into);
  }
}

/** A copy with every envelope replaced by `open(envelope)`; untouched parts are shared, not copied. */
export function openEnvelopes<T extends Json>(value: T, open: (envelope: string) => string): T {
  if (typeof value === 'string') return (isEnvelope(value) ? open(value) : value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const next = openEnvelopes(item, open);
      changed ||= next !== item;
      return next;
    });
    return (changed ? out : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const next = openEnvelopes(item, open);
      changed ||= next !== item;
      out[key] = next;
    }
    return (changed ? out : value) as T;
  }
  return value;
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

/** A copy of root with the value at path replaced (the objects along the path are copied, the rest shared). */
export function withValueAt<T>(root: T, path: readonly string[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const current = (root ?? {}) as Record<string, unknown>;
  return { ...current, [key]: withValueAt(current[key], rest, value) } as T;
}
