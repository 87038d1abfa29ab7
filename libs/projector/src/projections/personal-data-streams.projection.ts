import type { RecordedEvent } from '@portal/event-store';
import { parseRecordStream, personalValuesOf } from '@portal/domain';
import { READ_MODELS, type PersonalDataStreamDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import type { DocumentKey, Projection } from './projection';
import { occurredAt } from './tracking';

/** The owners of the personal values the personal-data map finds in a record event. */
function ownersIn(event: RecordedEvent): string[] {
  return [...new Set(personalValuesOf(event.stream, event).map((value) => value.owner))];
}

const docId = (owner: string, stream: string) => `${owner} ${stream}`;

/**
 * personal_data_streams: for each data owner, the record streams holding any of their values (what
 * they wrote, their name as the actor, a contact's own fields), wherever in the stream's history.
 * An erasure folds exactly these again; the export lists the records from them.
 */
export const personalDataStreamsProjection: Projection = {
  name: 'personalDataStreams',
  collections: [
    {
      name: READ_MODELS.personalDataStreams,
      indexes: [{ name: 'owner_since', paths: ['owner', 'since'] }],
      queriedWhileProjecting: true,
    },
  ],
  reads(event: RecordedEvent): DocumentKey[] {
    if (!parseRecordStream(event.stream)) return [];
    return ownersIn(event).map((owner) => ({
      name: READ_MODELS.personalDataStreams,
      id: docId(owner, event.stream),
    }));
  },
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    const record = parseRecordStream(event.stream);
    if (!record) return;
    for (const owner of ownersIn(event)) {
      const id = docId(owner, event.stream);
      // Written once, at the owner's first value: `since` stays the first time.
      if (await docs.get(READ_MODELS.personalDataStreams, id)) continue;
      const doc: PersonalDataStreamDoc = {
        id,
        owner,
        stream: event.stream,
        entityType: record.entityType,
        recordId: record.id,
        since: occurredAt(event),
      };
      docs.put(READ_MODELS.personalDataStreams, doc);
    }
  },
};
