// Given/then for the Record specs: the state after past events, and a refusal.
import { fold } from '../../shared/decider';
import type { RecordEvent } from '../record.events';
import { evolveRecord } from '../record.evolve';
import { initialRecordState, type RecordState } from '../record.state';

export { problem, refusal } from '../../shared/testing/refusal';

export function given(...events: RecordEvent[]): RecordState {
  return fold(evolveRecord, initialRecordState, events);
}
