import { Query } from '@nestjs/cqrs';
import type { HistoryEntry } from './record-history';

/** Staff read every change of a record, oldest first, straight from its stream. */
export class RecordHistoryQuery extends Query<HistoryEntry[]> {
  constructor(
    readonly entityType: string,
    readonly id: string,
  ) {
    super();
  }
}
