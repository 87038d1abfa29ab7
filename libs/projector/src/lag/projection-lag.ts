import type { EventStore } from '@portal/event-store';
import { OPERATIONAL, projectorCheckpoint } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';

export interface ProjectionLag {
  generation: number;
  checkpoint: number;
  head: number;
  /** Positions the active generation is behind the head (events, on the SQL stores). */
  events: number;
  /** Age of the oldest event not projected yet; 0 when caught up. */
  seconds: number;
}

/** How far the read models the API serves are behind the event store. Works from any process. */
export async function measureProjectionLag(
  events: EventStore,
  store: ReadStore,
  now: () => number = Date.now,
): Promise<ProjectionLag> {
  const active = await store.get<{ id: string; generation: number }>(OPERATIONAL.readModelMeta, 'active');
  const generation = active?.generation ?? 1;
  const checkpoint = (await store.getCheckpoint(projectorCheckpoint(generation))) ?? -1;
  const head = await events.headPosition();
  if (checkpoint >= head) return { generation, checkpoint, head, events: 0, seconds: 0 };
  const [oldest] = await events.readAll({ after: checkpoint, limit: 1 });
  const seconds = oldest ? Math.max(0, (now() - Date.parse(oldest.recordedAt)) / 1000) : 0;
  return { generation, checkpoint, head, events: head - checkpoint, seconds };
}
