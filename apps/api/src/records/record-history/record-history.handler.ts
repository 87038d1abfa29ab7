import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { recordStream } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { ProblemException } from '../../http/problem';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { EntityTypeDefinitions } from '../entity-type-definitions';
import { foldRecord } from '../record-document';
import { historyEntries, type HistoryEntry } from './record-history';
import { RecordHistoryQuery } from './record-history.query';
import { ShareLinkHistory } from './share-link-history';

/**
 * Reads the event store, not a read model: the stream is the history, complete and in order, and a
 * deleted record's history stays readable (its deletion is the last entry). The record's share
 * links add their own events (made, first opened, expired, revoked).
 */
@QueryHandler(RecordHistoryQuery)
export class RecordHistoryHandler implements IQueryHandler<RecordHistoryQuery, HistoryEntry[]> {
  constructor(
    private readonly definitions: EntityTypeDefinitions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly shareLinks: ShareLinkHistory,
  ) {}

  async execute({ entityType, id }: RecordHistoryQuery): Promise<HistoryEntry[]> {
    await this.definitions.require(entityType);
    const events = await this.store.readStream(recordStream(entityType, id));
    if (foldRecord(events).id === null)
      throw ProblemException.of(404, 'record_not_found', 'Record not found.');
    const links = await this.shareLinks.of(entityType, id);
    // The record's own events keep their order; link events fall in by time (a stable sort).
    return [...historyEntries(events), ...links].sort((a, b) => a.at.localeCompare(b.at));
  }
}
