import { isSealedValue } from './field-cipher';

/** Whether a string is a stored value: its first character tells almost every other string apart. */
function isStored(value: string): boolean {
  return value.charCodeAt(0) === 112 /* p */ && isSealedValue(value);
}

/**
 * The values an in-place opening replaced, so that an event can be put back as read when its
 * opening has to start again (EventOpener: keys missing). Kept in three arrays reused event after
 * event, so recording a change allocates nothing once they have grown.
 */
export class InPlaceChanges {
  private readonly holders: (Record<string, unknown> | unknown[] | undefined)[] = [];
  private readonly keys: (string | number)[] = [];
  private readonly stored: unknown[] = [];
  private count = 0;

  record(holder: Record<string, unknown> | unknown[], key: string | number, stored: unknown): void {
    this.holders[this.count] = holder;
    this.keys[this.count] = key;
    this.stored[this.count] = stored;
    this.count += 1;
  }

  /** Puts every recorded value back, the last first. */
  undo(): void {
    for (let i = this.count - 1; i >= 0; i -= 1)
      (this.holders[i] as Record<string | number, unknown>)[this.keys[i]] = this.stored[i];
    this.clear();
  }

  /** Forgets the changes (the opening is kept); drops the references to the event's objects. */
  clear(): void {
    for (let i = 0; i < this.count; i += 1) {
      this.holders[i] = undefined;
      this.stored[i] = undefined;
    }
    this.count = 0;
  }
}

/**
 * Replaces every stored personal value (v1 envelope or v2 reference) inside `value` by
 * `open(stored)`, changing the objects and arrays that hold one (each change recorded in
 * `changes`). Only for objects this reader alone holds (EventStore.returnsUnsharedEvents); the
 * copy-on-write openEnvelopes otherwise. Returns `value`, or the opened string when it is one.
 */
export function openEnvelopesInPlace<T>(
  value: T,
  open: (stored: string) => string,
  changes: InPlaceChanges,
): T {
  if (typeof value === 'string') return (isStored(value) ? open(value) : value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (typeof item === 'string') {
        if (!isStored(item)) continue;
        const next = open(item);
        if (next === item) continue;
        changes.record(value, i, item);
        value[i] = next;
      } else if (item !== null && typeof item === 'object') openEnvelopesInPlace(item, open, changes);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const item = record[key];
    if (typeof item === 'string') {
      if (!isStored(item)) continue;
      const next = open(item);
      if (next === item) continue;
      changes.record(record, key, item);
      record[key] = next;
    } else if (item !== null && typeof item === 'object') openEnvelopesInPlace(item, open, changes);
  }
  return value;
}
