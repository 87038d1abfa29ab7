import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@portal/event-store';
import { ReadModelNames } from '@portal/read-models';
import type { ReadStore } from '@portal/read-store';
import { ProblemException } from '../http/problem';
import { ApiMetrics } from '../metrics/api-metrics';
import { EVENT_STORE, READ_STORE } from './tokens';

const CATCH_UP_MS = 5_000;

/**
 * For the few commands that must decide from a read model (which portal is default now, which
 * contacts an account has): waits until the read models include every event written so far.
 */
@Injectable()
export class ReadModelCatchUp {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly names: ReadModelNames,
    private readonly metrics: ApiMetrics,
  ) {}

  /** 503 read_model_behind when the projector does not get there within 5 s. */
  async untilHead(): Promise<void> {
    const head = await this.eventStore.headPosition();
    if (head < 0) return;
    const reached = await this.readStore.waitForCheckpoint(await this.names.checkpoint(), head, CATCH_UP_MS);
    if (!reached) {
      this.metrics.commandFoundReadModelBehind();
      throw ProblemException.of(503, 'read_model_behind', 'The read models are behind; retry shortly.');
    }
  }
}
