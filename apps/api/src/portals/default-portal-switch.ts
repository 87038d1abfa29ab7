import { Inject, Injectable } from '@nestjs/common';
import { StreamCommands, type CommandContext } from '@portal/commands';
import { decideUnsetPortalDefault, evolvePortal, initialPortalState, portalStream } from '@portal/domain';
import { PortalDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { READ_STORE } from '../infrastructure/tokens';
import { ReadModelCatchUp } from '../infrastructure/read-model-catch-up';

/**
 * "At most one portal is default". Finding the old default uses the portals read model, made
 * current first (awaited up to the event store's head), and switches run one at a time in this
 * process, so a switch always sees the previous one. Every other portal the read model shows as
 * default is unset (replacedBy: the new one), which also repairs any leftover double default.
 * Limit: two API processes switching at the same instant could both keep a default until the next
 * switch; the service runs one API process (npm start).
 */
@Injectable()
export class DefaultPortalSwitch {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly commands: StreamCommands,
    private readonly catchUp: ReadModelCatchUp,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  /**
   * Runs `makeDefault` (which appends the new default's events and says whether the portal became
   * default by them), then unsets the others, alone.
   */
  switchTo(portalId: string, ctx: CommandContext, makeDefault: () => Promise<boolean>): Promise<void> {
    const run = this.queue.then(async () => {
      const others = await this.currentDefaultsBesides(portalId);
      if (!(await makeDefault())) return;
      for (const other of others) await this.unset(other, portalId, ctx);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async currentDefaultsBesides(portalId: string): Promise<string[]> {
    await this.catchUp.untilHead();
    const { items } = await this.readStore.find<PortalDoc & { [key: string]: unknown }>(
      await this.names.collection(READ_MODELS.portals),
      { filter: { kind: 'eq', path: 'isDefault', value: true }, limit: 100 },
    );
    return items.map((doc) => doc.id).filter((id) => id !== portalId);
  }

  private async unset(portalId: string, replacedBy: string, ctx: CommandContext): Promise<void> {
    await this.commands.handle(
      {
        stream: portalStream(portalId),
        evolve: evolvePortal,
        initialState: initialPortalState,
        decide: (state) => decideUnsetPortalDefault({ portalId, replacedBy }, state),
      },
      ctx,
    );
  }
}
