// What the privacy layer costs a service user, end to end: a full blue-green rebuild of the read
// models (every event read, opened and folded, the read models written) through the layer and
// straight on the adapter beneath it, in the same process and run. PrivacyRates' raw reads say what
// opening costs per event; this says what it weighs in the work the service does with the events.
import type { PersonalDataEventStore } from '@portal/event-store';
import { Projector, silentProjectorLogger } from '@portal/projector';
import type { ReadStore } from '@portal/read-store';
import type { PrivacyRebuild, TimedRate } from './bench-messages';
import { round } from './raw-store-rates';

/** One rebuild and the CPU time this process spent during it (the live projector's included). */
async function timedRebuild(rebuild: () => Promise<{ events: number; seconds: number }>): Promise<TimedRate> {
  const before = process.cpuUsage();
  const { events, seconds } = await rebuild();
  const { user, system } = process.cpuUsage(before);
  return {
    events,
    seconds: round(seconds),
    perSecond: Math.round(events / seconds),
    cpuMicrosPerEvent: round((user + system) / events, 1),
  };
}

/**
 * Rebuilds with the layer, without it, and with it again (ABA: the mean of the two with it, after
 * an unmeasured one), so the read models end as the service writes them. The one without runs as a
 * rebuild in another process would (its own Projector, which the service's follows); its values are
 * the stored references, so it is only ever a measurement. The ones through the layer start with no
 * opened values cached. `service`: the service's own projector (rebuilds through the layer).
 */
export async function privacyRebuild(
  privacy: PersonalDataEventStore,
  readStore: ReadStore,
  service: Projector,
): Promise<PrivacyRebuild> {
  const encrypted: TimedRate[] = [];
  // Cold, as a rebuild reads most of a log: none of its values opened before (the keys stay cached).
  const rebuildThroughLayer = async (): Promise<TimedRate> => {
    privacy.keys.dropOpenedValues();
    return timedRebuild(() => service.rebuild());
  };
  // Unmeasured: the first rebuild in the process compiles the replay's code, whichever side runs it.
  await rebuildThroughLayer();
  encrypted.push(await rebuildThroughLayer());
  const beside = new Projector({
    events: privacy.stored,
    store: readStore,
    logger: silentProjectorLogger,
    autoRebuild: false,
  });
  let plain: TimedRate;
  try {
    plain = await timedRebuild(() => beside.rebuild());
  } finally {
    await beside.stop();
  }
  encrypted.push(await rebuildThroughLayer());
  const events = encrypted[0].events + encrypted[1].events;
  const seconds = encrypted[0].seconds + encrypted[1].seconds;
  const cpu =
    (encrypted[0].cpuMicrosPerEvent * encrypted[0].events +
      encrypted[1].cpuMicrosPerEvent * encrypted[1].events) /
    events;
  const withLayer: TimedRate = {
    events,
    seconds: round(seconds),
    perSecond: Math.round(events / seconds),
    cpuMicrosPerEvent: round(cpu, 1),
  };
  return {
    rebuildRatio: Number((withLayer.perSecond / plain.perSecond).toPrecision(3)),
    cpuRebuildRatio: Number((plain.cpuMicrosPerEvent / withLayer.cpuMicrosPerEvent).toPrecision(3)),
    plain,
    encrypted: withLayer,
  };
}
