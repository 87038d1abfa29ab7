import { Inject, Injectable } from '@nestjs/common';
import { isPortalSlug, portalStream } from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { PortalDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { EVENT_STORE, READ_STORE } from '../../infrastructure/tokens';
import { CheckpointCache, deepFrozen, type ReadModelsAt } from '../read-model-cache/checkpoint-cache';
import { ReservationOwners } from '../state/reservation-owners';

/** How long a lookup waits for the projector to catch up with a portal that exists in the event store. */
const CATCH_UP_MS = 5_000;

/**
 * Finds portals by slug for the auth endpoints and guards. The read model answers first; a slug
 * it does not know yet (a portal created a moment ago) is checked against the slug reservation in
 * the event store, and then the read model is awaited up to that portal's last event, so a portal
 * is never "unknown" just because the projector lags.
 */
@Injectable()
export class PortalDirectory {
  /** Found portals by slug, for requests that find the read models where they were (see CheckpointCache). */
  private readonly found = new CheckpointCache<PortalDoc>();

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly names: ReadModelNames,
    private readonly reservations: ReservationOwners,
  ) {}

  /**
   * `at`: where the read models stood when the request began (the guard reads it with the
   * session); a portal found at that same checkpoint before is answered from memory. Unknown slugs
   * are looked up every time: the portal may have been created a moment ago.
   */
  async bySlug(slug: string, at?: ReadModelsAt): Promise<PortalDoc | null> {
    // Guards call this before any pipe has checked the route's slug: what cannot be a slug (a NUL
    // the stores refuse, control characters) names no portal.
    if (!isPortalSlug(slug.trim().toLowerCase())) return null;
    const key = slug.trim().toLowerCase();
    const known = this.found.get(key, at);
    if (known) return known;
    const portal = await this.lookUp(slug);
    if (portal) this.found.set(key, deepFrozen(portal), at);
    return portal;
  }

  private async lookUp(slug: string): Promise<PortalDoc | null> {
    const collection = await this.names.collection(READ_MODELS.portals);
    const found = await this.readStore.find<PortalDoc & Record<string, unknown>>(collection, {
      filter: { kind: 'eq', path: 'slug', value: slug.trim().toLowerCase() },
      limit: 1,
    });
    if (found.items[0]) return found.items[0];
    const owner = await this.reservations.ownerOf('portalSlug', slug);
    if (owner === null) return null;
    const last = await this.eventStore.readStream(portalStream(owner), { direction: 'backwards', limit: 1 });
    if (last.length === 0) return null;
    await this.readStore.waitForCheckpoint(await this.names.checkpoint(), last[0].position, CATCH_UP_MS);
    const doc = await this.readStore.get<PortalDoc & Record<string, unknown>>(
      await this.names.collection(READ_MODELS.portals),
      owner,
    );
    // The slug may have moved on meanwhile: only answer for the portal that still has it.
    return doc && doc.slug === slug.trim().toLowerCase() ? doc : null;
  }

  async byId(portalId: string): Promise<PortalDoc | null> {
    return this.readStore.get<PortalDoc & Record<string, unknown>>(
      await this.names.collection(READ_MODELS.portals),
      portalId,
    );
  }
}
