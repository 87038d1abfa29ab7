import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommands } from '@portal/commands';
import type { ServiceConfig } from '@portal/platform';
import { SERVICE_CONFIG } from '../../infrastructure/tokens';
import { LiveRoles } from '../../portal-roles/live-roles';
import { UniqueValues } from '../../shared-streams/unique-values';
import { DefaultPortalSwitch } from '../default-portal-switch';
import { CreatePortalCommand, type CreatedPortal } from './create-portal.command';
import { createPortal, type CreatePortalPorts } from './create-portal.workflow';

/** POST /v1/portals: the workflow in create-portal.workflow.ts, under a new id. */
@CommandHandler(CreatePortalCommand)
export class CreatePortalHandler implements ICommandHandler<CreatePortalCommand> {
  private readonly ports: CreatePortalPorts;

  constructor(
    commands: StreamCommands,
    roles: LiveRoles,
    uniques: UniqueValues,
    defaults: DefaultPortalSwitch,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.ports = { commands, uniques, roles, defaults, publicUrl: config.publicUrl };
  }

  execute({ body, ctx }: CreatePortalCommand): Promise<CreatedPortal> {
    return createPortal(this.ports, body, ctx, randomUUID());
  }
}
