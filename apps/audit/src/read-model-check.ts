import type { EventStore } from '@portal/event-store';
import {
  ALL_PROJECTIONS,
  type DocumentDifference,
  readActiveGeneration,
  silentProjectorLogger,
  verifyReadModels,
} from '@portal/projector';
import type { ReadStore } from '@portal/read-store';
import type { ReadModelCheck } from './audit-verify';
import type { Finding } from './finding';

/**
 * The projector's verify: replays the log into a shadow generation (dropped afterwards) and
 * compares it with the live read models, document by document.
 */
export function projectorReadModelCheck(events: EventStore, store: ReadStore): ReadModelCheck {
  return async (report) => {
    if (!(await readActiveGeneration(store))) {
      // A store nobody projected yet is only wrong when it has events to project.
      if ((await events.headPosition()) < 0) return [];
      return [
        {
          kind: 'read_model_mismatch',
          message: 'the log has events but no read models: the projector never ran',
        },
      ];
    }
    const result = await verifyReadModels({
      events,
      store,
      projections: ALL_PROJECTIONS,
      logger: silentProjectorLogger,
      onProgress: (progress) => report(progress.events, progress.fraction),
    });
    return result.differences.map((difference) => differenceFinding(difference, result.checkpoint));
  };
}

export function differenceFinding(difference: DocumentDifference, checkpoint: number): Finding {
  const what =
    difference.kind === 'missing'
      ? 'missing from the read model'
      : difference.kind === 'unexpected'
        ? 'in the read model but not in a fresh fold'
        : `differs from a fresh fold in ${differingKeys(difference.expected, difference.actual).join(', ')}`;
  return {
    kind: 'read_model_mismatch',
    message: `${difference.collection} ${difference.id} ${what} (compared at position ${checkpoint})`,
  };
}

function differingKeys(expected: unknown, actual: unknown): string[] {
  const e = (expected ?? {}) as Record<string, unknown>;
  const a = (actual ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])].sort();
  return keys.filter((key) => JSON.stringify(sorted(e[key])) !== JSON.stringify(sorted(a[key])));
}

/** Key order is not a difference. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
