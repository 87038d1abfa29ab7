import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { recordStream } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { ProblemException } from '../../http/problem';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { foldRecord } from '../record-document';
import { historyEntry, type HistoryEntry } from './record-history';
import { RecordHistoryQuery } from './record-history.query';

/**
 * Reads the event store, not a read model: the stream is the history, complete and in order, and a
 * deleted record's history stays readable (its deletion is the last entry).
 */
@QueryHandler(RecordHistoryQuery)
export class RecordHistoryHandler implements IQueryHandler<RecordHistoryQuery, HistoryEntry[]> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ entityType, id }: RecordHistoryQuery): Promise<HistoryEntry[]> {
    await this.definitions.require(entityType);
    const events = await this.store.readStream(recordStream(entityType, id));
    if (foldRecord(events).id === null)
      throw ProblemException.of(404, 'record_not_found', 'Record not found.');
    return events.map(historyEntry);
  }
}
