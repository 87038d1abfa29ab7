import { Inject, Injectable } from '@nestjs/common';
import { PersonalDataEventStore, type EventStore } from '@portal/event-store';
import { ProblemException } from '../http/problem';
import { EVENT_STORE } from '../infrastructure/tokens';

/**
 * The data keys of the event store's crypto-shredding layer. A deployment without it (EventStoreDB
 * with MongoDB: no SQL database for the keys) cannot erase, and says so with a 501.
 */
@Injectable()
export class DataKeys {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async erase(owners: string[]): Promise<void> {
    if (!(this.eventStore instanceof PersonalDataEventStore)) {
      throw ProblemException.of(
        501,
        'erasure_unavailable',
        'This deployment keeps no data keys (it needs an SQL event or read store), so it cannot erase.',
      );
    }
    await this.eventStore.keys.erase(owners);
  }
}
