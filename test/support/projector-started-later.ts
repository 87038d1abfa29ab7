import { Projector, silentProjectorLogger } from '@portal/projector';
import type { TestApp } from './test-app';

/**
 * For a test that stopped the app's projector and sent reads carrying a consistency token: lets
 * those reads pass the guard and reach their wait, then starts a projector over the app's stores,
 * so the read models move only after the guard read them (the caller stops it). Not an assertion
 * on time: a read that has not reached its wait yet proves less, never fails.
 */
export async function projectorStartedLater(app: TestApp): Promise<Projector> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  const projector = new Projector({
    events: app.eventStore,
    store: app.readStore,
    logger: silentProjectorLogger,
  });
  await projector.start();
  return projector;
}
