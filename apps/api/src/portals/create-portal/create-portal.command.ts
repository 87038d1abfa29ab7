import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { CreatePortalBody } from '../portal.schemas';

export interface CreatedPortal {
  id: string;
  slug: string;
  url: string;
}

export class CreatePortalCommand extends Command<CreatedPortal> {
  constructor(
    readonly body: CreatePortalBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
