import { Inject, Injectable } from '@nestjs/common';
import {
  decideUnsetPortalDefault,
  evolvePortal,
  initialPortalState,
  portalStream,
  type PortalEvent,
  type PortalState,
} from '@portal/domain';
import { PortalDoc, READ_MODELS, ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { AggregateRepository } from '../commands/aggregate-repository';
import type { CommandContext } from '../commands/command-context';
import { READ_STORE } from '../infrastructure/tokens';
import { ReadModelCatchUp } from './read-model-catch-up';
import { retryOnConflict } from './retry-on-conflict';

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
    private readonly repo: AggregateRepository,
    private readonly catchUp: ReadModelCatchUp,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
  ) {}

  /** Runs `makeDefault` (which appends the new default's events), then unsets the others, alone. */
  switchTo(portalId: string, ctx: CommandContext, makeDefault: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      const others = await this.currentDefaultsBesides(portalId);
      await makeDefault();
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
    await retryOnConflict(async () => {
      const { state, revision } = await this.repo.load<PortalState, PortalEvent>(
        portalStream(portalId),
        evolvePortal,
        initialPortalState,
      );
      const events = decideUnsetPortalDefault({ portalId, replacedBy }, state);
      await this.repo.append(portalStream(portalId), events, revision, ctx);
    });
  }
}
