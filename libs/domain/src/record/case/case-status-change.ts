import type { FieldChanges, RecordUpdated } from '../record.events';
import type { CaseStatusChanged } from './case.events';

/**
 * The events for a set of changes. On a case, a status change is taken out of RecordUpdated and
 * emitted as CaseStatusChanged (after it), so it appears exactly once in history and the mailer
 * can react to it alone. No RecordUpdated is emitted when nothing else changed.
 */
export function updateEvents(
  entityType: string,
  changes: FieldChanges,
): (RecordUpdated | CaseStatusChanged)[] {
  const { status, ...others } = changes;
  const splitStatus = entityType === 'Case' && status !== undefined;
  const rest = splitStatus ? others : changes;
  const events: (RecordUpdated | CaseStatusChanged)[] = [];
  if (Object.keys(rest).length > 0)
    events.push({ type: 'RecordUpdated', data: { entityType, changes: rest } });
  if (splitStatus) {
    events.push({
      type: 'CaseStatusChanged',
      data: { entityType: 'Case', from: asStatus(status.from), to: asStatus(status.to) },
    });
  }
  return events;
}

function asStatus(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
