import type { RecordedEvent } from '@portal/event-store';
import { evolvePortal, initialPortalState, type PortalEvent, type PortalState } from '@portal/domain';
import { READ_MODELS, type PortalDoc } from '@portal/read-models';
import type { GenerationDocuments } from '../documents/generation-documents';
import { foldEvent, type StoredAggregate } from './aggregate-states';
import type { Projection } from './projection';
import { trackedOf } from './tracking';

const STREAM = /^portal-(.+)$/;
/** Seats follow portal users joining and leaving: bookkeeping, not an edit of the portal. */
const NOT_EDITS = new Set(['PortalSeatTaken', 'PortalSeatReleased']);

export function toPortalDoc(aggregate: StoredAggregate<PortalState>): PortalDoc | null {
  const s = aggregate.state;
  if (!s.exists || s.id === null) return null;
  return {
    id: s.id,
    name: s.name,
    slug: s.slug,
    isActive: s.isActive,
    isDefault: s.isDefault,
    url: s.url,
    customUrl: s.customUrl,
    roleIds: [...s.roleIds],
    tabList: [...s.tabList],
    quickCreateList: [...s.quickCreateList],
    dashboardLayout: s.dashboardLayout,
    defaultCaseAssigneeId: s.defaultCaseAssigneeId,
    recordCriteria: s.recordCriteria,
    settings: { ...s.settings },
    branding: { ...s.branding },
    userCount: s.seatHolders.length,
    ...trackedOf(aggregate),
  };
}

/** portals: one document per portal, userCount from the seats its users hold. */
export const portalsProjection: Projection = {
  name: 'portals',
  collections: [
    {
      name: READ_MODELS.portals,
      indexes: [
        { name: 'slug', paths: ['slug'] },
        { name: 'is_default', paths: ['isDefault'] },
      ],
    },
  ],
  async apply(event: RecordedEvent, docs: GenerationDocuments): Promise<void> {
    if (!STREAM.test(event.stream)) return;
    const aggregate = await foldEvent(
      docs,
      event,
      (state: PortalState, e) => evolvePortal(state, e as PortalEvent),
      initialPortalState,
      { modifies: !NOT_EDITS.has(event.type), initialExtra: {} },
    );
    const doc = aggregate && toPortalDoc(aggregate);
    if (doc) docs.put(READ_MODELS.portals, doc);
  },
};
