import { assertIfMatch, type CommandContext, type StreamCommands } from '@portal/commands';
import { decideUpdatePortal, evolvePortal, initialPortalState, portalStream } from '@portal/domain';
import type { LiveRoles } from '../../portal-roles/live-roles';
import type { UniqueValues } from '../../shared-streams/unique-values';
import type { DefaultPortalSwitch } from '../default-portal-switch';
import type { UpdatePortalBody } from '../portal.schemas';
import { portalUrl } from '../portal-url';
import { withDomainTypes } from '../with-domain-types';
import type { UpdatedPortal } from './update-portal.command';

/** What a portal's PATCH works on: the write path, slug reservations, roles, the default switch. */
export interface UpdatePortalPorts {
  commands: StreamCommands;
  uniques: Pick<UniqueValues, 'reserve' | 'release'>;
  roles: Pick<LiveRoles, 'assertLive'>;
  defaults: Pick<DefaultPortalSwitch, 'switchTo'>;
  publicUrl: string;
}

export interface PortalUpdate {
  portalId: string;
  body: UpdatePortalBody;
  ifMatch: number | undefined;
}

/**
 * The PATCH: 412 on a stale If-Match before anything is written; the domain decides (422: nothing
 * reserved), the roles are checked, a new slug is reserved (409 slug_taken) before the portal's
 * events are appended at the revision read, and the old slug is released after them; becoming
 * default unsets the old default. If the events cannot be appended, the new slug is released
 * again; once they are in, it stays (the portal holds it).
 */
export async function updatePortal(
  ports: UpdatePortalPorts,
  { portalId, body, ifMatch }: PortalUpdate,
  ctx: CommandContext,
): Promise<UpdatedPortal> {
  let reservedSlug: string | undefined;
  const update = () =>
    ports.commands.handle(
      {
        stream: portalStream(portalId),
        evolve: evolvePortal,
        initialState: initialPortalState,
        ifMatch,
        decide: async (state, revision) => {
          if (state.exists) assertIfMatch(ifMatch, revision);
          const slug = newSlug(body.slug, state.slug);
          const url = slug === undefined ? undefined : portalUrl(ports.publicUrl, slug);
          const events = decideUpdatePortal(
            { ...withDomainTypes(body), portalId, ...(url !== undefined ? { url } : {}) },
            state,
          );
          if (events.length === 0) return events;
          await ports.roles.assertLive(body.roleIds ?? [], '/roleIds', state.roleIds);
          if (slug !== undefined && slug !== reservedSlug) {
            await ports.uniques.reserve('portalSlug', slug, portalId, ctx);
            reservedSlug = slug;
          }
          return events;
        },
      },
      ctx,
    );
  let result: Awaited<ReturnType<typeof update>> | undefined;
  try {
    if (body.isDefault === true)
      await ports.defaults.switchTo(portalId, ctx, async () => {
        result = await update();
        return result.events.some((e) => e.type === 'PortalMadeDefault');
      });
    else result = await update();
  } catch (error) {
    if (reservedSlug !== undefined && result === undefined)
      await ports.uniques.release('portalSlug', reservedSlug, portalId, ctx).catch(() => undefined);
    throw error;
  }
  const { state, events, nextRevision } = result!;
  if (events.length === 0) return { id: portalId, slug: state.slug, url: state.url, revision: nextRevision };
  const slug = newSlug(body.slug, state.slug);
  if (slug !== undefined) await ports.uniques.release('portalSlug', state.slug, portalId, ctx);
  const url = slug === undefined ? state.url : portalUrl(ports.publicUrl, slug);
  return { id: portalId, slug: slug ?? state.slug, url, revision: nextRevision };
}

function newSlug(asked: string | undefined, current: string): string | undefined {
  return asked !== undefined && asked !== current ? asked : undefined;
}
