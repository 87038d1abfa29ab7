import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  decideUpdatePortal,
  evolvePortal,
  initialPortalState,
  portalStream,
  type PortalEvent,
  type PortalState,
} from '@portal/domain';
import type { ServiceConfig } from '@portal/platform';
import { AggregateRepository } from '../../commands/aggregate-repository';
import { assertIfMatch } from '../../http/etag';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { LiveRoles } from '../../portal-roles/live-roles';
import { appendIfMatch } from '../append-if-match';
import { DefaultPortalSwitch } from '../default-portal-switch';
import { withDomainTypes } from '../with-domain-types';
import { portalUrl } from '../portal-url';
import { UniqueValues } from '../unique-values';
import { UpdatePortalCommand, type UpdatedPortal } from './update-portal.command';

/**
 * The PATCH: 412 on a stale If-Match before anything is written; a new slug is reserved first and
 * the old one released after the portal's events are in; becoming default unsets the old default.
 */
@CommandHandler(UpdatePortalCommand)
export class UpdatePortalHandler implements ICommandHandler<UpdatePortalCommand> {
  constructor(
    private readonly repo: AggregateRepository,
    private readonly roles: LiveRoles,
    private readonly uniques: UniqueValues,
    private readonly defaults: DefaultPortalSwitch,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute({ portalId, body, ifMatch, ctx }: UpdatePortalCommand): Promise<UpdatedPortal> {
    const stream = portalStream(portalId);
    const { state, revision } = await this.repo.load<PortalState, PortalEvent>(
      stream,
      evolvePortal,
      initialPortalState,
    );
    if (state.exists) assertIfMatch(ifMatch, revision);
    const newSlug = body.slug !== undefined && body.slug !== state.slug ? body.slug : undefined;
    const url = newSlug === undefined ? state.url : portalUrl(this.config.publicUrl, newSlug);
    const events = decideUpdatePortal(
      { ...withDomainTypes(body), portalId, ...(newSlug !== undefined ? { url } : {}) },
      state,
    );
    if (events.length === 0) return { id: portalId, slug: state.slug, url: state.url, revision };
    await this.roles.assertLive(body.roleIds ?? [], '/roleIds', state.roleIds);

    if (newSlug !== undefined) await this.uniques.reserve('portalSlug', newSlug, portalId, ctx);
    let next: number | 'no-stream' | undefined;
    const append = async () => {
      next = await appendIfMatch(this.repo, stream, events, revision, ifMatch, ctx);
    };
    try {
      if (events.some((e) => e.type === 'PortalMadeDefault'))
        await this.defaults.switchTo(portalId, ctx, append);
      else await append();
    } catch (error) {
      if (newSlug !== undefined && next === undefined) {
        await this.uniques.release('portalSlug', newSlug, portalId, ctx).catch(() => undefined);
      }
      throw error;
    }
    if (newSlug !== undefined) await this.uniques.release('portalSlug', state.slug, portalId, ctx);
    return { id: portalId, slug: newSlug ?? state.slug, url, revision: next ?? revision };
  }
}
