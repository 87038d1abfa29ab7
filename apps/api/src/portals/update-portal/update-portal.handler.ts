import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertIfMatch, StreamCommands } from '@portal/commands';
import { decideUpdatePortal, evolvePortal, initialPortalState, portalStream } from '@portal/domain';
import type { ServiceConfig } from '@portal/platform';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { LiveRoles } from '../../portal-roles/live-roles';
import { UniqueValues } from '../../shared-streams/unique-values';
import { DefaultPortalSwitch } from '../default-portal-switch';
import { withDomainTypes } from '../with-domain-types';
import { portalUrl } from '../portal-url';
import { UpdatePortalCommand, type UpdatedPortal } from './update-portal.command';

/**
 * The PATCH: 412 on a stale If-Match before anything is written; a new slug is reserved first and
 * the old one released after the portal's events are in; becoming default unsets the old default.
 */
@CommandHandler(UpdatePortalCommand)
export class UpdatePortalHandler implements ICommandHandler<UpdatePortalCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly roles: LiveRoles,
    private readonly uniques: UniqueValues,
    private readonly defaults: DefaultPortalSwitch,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute({ portalId, body, ifMatch, ctx }: UpdatePortalCommand): Promise<UpdatedPortal> {
    let reservedSlug: string | undefined;
    const update = () =>
      this.commands.handle(
        {
          stream: portalStream(portalId),
          evolve: evolvePortal,
          initialState: initialPortalState,
          ifMatch,
          decide: async (state, revision) => {
            if (state.exists) assertIfMatch(ifMatch, revision);
            const newSlug = this.newSlug(body.slug, state.slug);
            const url = newSlug === undefined ? undefined : portalUrl(this.config.publicUrl, newSlug);
            const events = decideUpdatePortal(
              { ...withDomainTypes(body), portalId, ...(url !== undefined ? { url } : {}) },
              state,
            );
            if (events.length === 0) return events;
            await this.roles.assertLive(body.roleIds ?? [], '/roleIds', state.roleIds);
            if (newSlug !== undefined && newSlug !== reservedSlug) {
              await this.uniques.reserve('portalSlug', newSlug, portalId, ctx);
              reservedSlug = newSlug;
            }
            return events;
          },
        },
        ctx,
      );
    let result: Awaited<ReturnType<typeof update>> | undefined;
    try {
      if (body.isDefault === true)
        await this.defaults.switchTo(portalId, ctx, async () => {
          result = await update();
          return result.events.some((e) => e.type === 'PortalMadeDefault');
        });
      else result = await update();
    } catch (error) {
      if (reservedSlug !== undefined && result === undefined)
        await this.uniques.release('portalSlug', reservedSlug, portalId, ctx).catch(() => undefined);
      throw error;
    }
    const { state, events, nextRevision } = result!;
    if (events.length === 0)
      return { id: portalId, slug: state.slug, url: state.url, revision: nextRevision };
    const newSlug = this.newSlug(body.slug, state.slug);
    if (newSlug !== undefined) await this.uniques.release('portalSlug', state.slug, portalId, ctx);
    const url = newSlug === undefined ? state.url : portalUrl(this.config.publicUrl, newSlug);
    return { id: portalId, slug: newSlug ?? state.slug, url, revision: nextRevision };
  }

  private newSlug(asked: string | undefined, current: string): string | undefined {
    return asked !== undefined && asked !== current ? asked : undefined;
  }
}
