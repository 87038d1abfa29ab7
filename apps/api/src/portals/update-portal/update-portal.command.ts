import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@portal/commands';
import type { UpdatePortalBody } from '../portal.schemas';

export interface UpdatedPortal {
  id: string;
  slug: string;
  url: string;
  revision: number | 'no-stream';
}

export class UpdatePortalCommand extends Command<UpdatedPortal> {
  constructor(
    readonly portalId: string,
    readonly body: UpdatePortalBody,
    readonly ifMatch: number | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
