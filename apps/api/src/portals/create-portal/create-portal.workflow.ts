import type { CommandContext, StreamCommands } from '@portal/commands';
import { decideCreatePortal, evolvePortal, initialPortalState, portalStream } from '@portal/domain';
import type { LiveRoles } from '../../portal-roles/live-roles';
import type { UniqueValues } from '../../shared-streams/unique-values';
import type { DefaultPortalSwitch } from '../default-portal-switch';
import type { CreatePortalBody } from '../portal.schemas';
import { portalUrl } from '../portal-url';
import { withDomainTypes } from '../with-domain-types';
import type { CreatedPortal } from './create-portal.command';

/** What creating a portal works on: the write path, slug reservations, roles, the default switch. */
export interface CreatePortalPorts {
  commands: StreamCommands;
  uniques: Pick<UniqueValues, 'reserve' | 'release'>;
  roles: Pick<LiveRoles, 'assertLive'>;
  defaults: Pick<DefaultPortalSwitch, 'switchTo'>;
  publicUrl: string;
}

/**
 * Decides first (a refused configuration reserves nothing), checks the roles (422, nothing
 * reserved), reserves the slug (409 slug_taken; of parallel creates exactly one wins), then
 * appends PortalCreated; a default portal unsets the old default. If the portal cannot be
 * appended, the slug is released again; once it is appended the slug stays, whatever fails after
 * (the portal exists and holds it).
 */
export async function createPortal(
  ports: CreatePortalPorts,
  body: CreatePortalBody,
  ctx: CommandContext,
  portalId: string,
): Promise<CreatedPortal> {
  const url = portalUrl(ports.publicUrl, body.slug);
  const events = decideCreatePortal({ ...withDomainTypes(body), portalId, url }, initialPortalState);
  await ports.roles.assertLive(body.roleIds ?? [], '/roleIds');
  await ports.uniques.reserve('portalSlug', body.slug, portalId, ctx);
  let appended = false;
  const create = async () => {
    await ports.commands.handle(
      {
        stream: portalStream(portalId),
        evolve: evolvePortal,
        initialState: initialPortalState,
        expected: 'no-stream',
        decide: () => events,
      },
      ctx,
    );
    appended = true;
    return true;
  };
  try {
    if (body.isDefault === true) await ports.defaults.switchTo(portalId, ctx, create);
    else await create();
  } catch (error) {
    if (!appended) await ports.uniques.release('portalSlug', body.slug, portalId, ctx).catch(() => undefined);
    throw error;
  }
  return { id: portalId, slug: body.slug, url };
}
