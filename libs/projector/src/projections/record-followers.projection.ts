import type { RecordedEvent } from '@portal/event-store';
import { RECORD_FOLLOWERS_STREAM_PREFIX } from '@portal/domain';
import { READ_MODELS, type RecordFollowersDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import type { Projection } from './projection';

interface FollowData {
  entityType: string;
  recordId: string;
  portalUserId: string;
}

/** record_followers: each record's explicit follow choices, the last one per user wins. */
export const recordFollowersProjection: Projection = {
  name: 'record_followers',
  collections: [{ name: READ_MODELS.recordFollowers, indexes: [] }],
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    if (!event.stream.startsWith(RECORD_FOLLOWERS_STREAM_PREFIX)) return;
    if (event.type !== 'RecordFollowed' && event.type !== 'RecordUnfollowed') return;
    const data = event.data as unknown as FollowData;
    const current = await docs.get<RecordFollowersDoc>(READ_MODELS.recordFollowers, data.recordId);
    const doc: RecordFollowersDoc = {
      id: data.recordId,
      entityType: data.entityType,
      choices: { ...current?.choices, [data.portalUserId]: event.type === 'RecordFollowed' },
    };
    docs.put(READ_MODELS.recordFollowers, doc);
  },
};
