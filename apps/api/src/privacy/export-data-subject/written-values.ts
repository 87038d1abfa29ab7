import { personalValuesOf, type DataOwner } from '@portal/domain';

/** What one event of a record carries of the subject's own words. */
export interface WrittenEntry {
  event: string;
  at: string;
  fields: Record<string, unknown>;
}

interface EventView {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown> & { timestamp?: unknown };
  recordedAt: string;
}

/** Kept in their own lists of the export (comments, files), not again here. */
const ELSEWHERE = new Set(['CommentPosted', 'AttachmentAdded']);

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * The values a record's events hold under the subject's own keys: exactly what the personal-data map
 * says they wrote (a case's subject and description, their later edits), never a staff member's
 * words nor another person's. A change is exported as the value it was set to.
 */
export function writtenValues(
  stream: string,
  events: readonly EventView[],
  owners: ReadonlySet<DataOwner>,
): WrittenEntry[] {
  const entries: WrittenEntry[] = [];
  for (const event of events) {
    if (ELSEWHERE.has(event.type)) continue;
    const fields: Record<string, unknown> = {};
    for (const { path, owner } of personalValuesOf(stream, event)) {
      if (!owners.has(owner) || path[0] !== 'data') continue;
      const [, group, field, side] = path;
      if (group === 'fields' && field) fields[field] = valueAt(event, path);
      else if (group === 'changes' && field && side === 'to') fields[field] = valueAt(event, path);
    }
    const present = Object.entries(fields).filter(([, value]) => value !== undefined);
    if (present.length > 0) {
      entries.push({
        event: event.type,
        at: typeof event.metadata.timestamp === 'string' ? event.metadata.timestamp : event.recordedAt,
        fields: Object.fromEntries(present),
      });
    }
  }
  return entries;
}
