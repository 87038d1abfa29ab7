import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import { decideCreatePortal, evolvePortal, initialPortalState, portalStream } from '@portal/domain';
import type { ServiceConfig } from '@portal/platform';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { LiveRoles } from '../../portal-roles/live-roles';
import { UniqueValues } from '../../shared-streams/unique-values';
import { DefaultPortalSwitch } from '../default-portal-switch';
import { withDomainTypes } from '../with-domain-types';
import { portalUrl } from '../portal-url';
import { CreatePortalCommand, type CreatedPortal } from './create-portal.command';

/**
 * Decides first (a refused configuration reserves nothing), checks the roles, reserves the slug
 * (409 slug_taken; of parallel creates exactly one wins), then appends PortalCreated; a default
 * portal unsets the old default. If the portal cannot be appended, the slug is released again.
 */
@CommandHandler(CreatePortalCommand)
export class CreatePortalHandler implements ICommandHandler<CreatePortalCommand> {
  constructor(
    private readonly commands: StreamCommands,
    private readonly roles: LiveRoles,
    private readonly uniques: UniqueValues,
    private readonly defaults: DefaultPortalSwitch,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute({ body, ctx }: CreatePortalCommand): Promise<CreatedPortal> {
    const portalId = randomUUID();
    const url = portalUrl(this.config.publicUrl, body.slug);
    const events = decideCreatePortal({ ...withDomainTypes(body), portalId, url }, initialPortalState);
    await this.roles.assertLive(body.roleIds ?? [], '/roleIds');
    await this.uniques.reserve('portalSlug', body.slug, portalId, ctx);
    let appended = false;
    const create = async () => {
      await this.commands.handle(
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
      if (body.isDefault === true) await this.defaults.switchTo(portalId, ctx, create);
      else await create();
    } catch (error) {
      if (!appended)
        await this.uniques.release('portalSlug', body.slug, portalId, ctx).catch(() => undefined);
      throw error;
    }
    return { id: portalId, slug: body.slug, url };
  }
}
