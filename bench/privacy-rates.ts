// The cost of crypto-shredding on the raw figures: the same appends and reads through the privacy
// layer (PersonalDataEventStore: personal values encrypted with the owner's cached data key on
// append, opened on read) and straight on the adapter beneath it, in the same process and run,
// interleaved so that a change of machine load hits both sides alike.
import { randomUUID } from 'node:crypto';
import type { NewEvent, PersonalDataEventStore } from '@portal/event-store';
import type { AppendLatencies, PrivacyRates, RateResult } from './bench-messages';
import { rawAppends, rawReadAll, round } from './raw-store-rates';

/**
 * A sign-in on a portal user's stream, shaped as the service writes it (with `at`, so its IP and
 * user agent go under the user's key of the day, as in production).
 */
export function signIn(i: number): NewEvent {
  const correlationId = randomUUID();
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'PortalUserLoggedIn',
    data: {
      portalId: '00000000-0000-4000-8000-000000000001',
      sessionId: randomUUID(),
      ip: `203.0.113.${i % 250}`,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) bench',
      at: now,
    },
    metadata: {
      actor: { type: 'system', id: 'bench' },
      correlationId,
      causationId: correlationId,
      timestamp: now,
    },
  };
}

const READ_ROUNDS = 6;

/** A measured step and the CPU time this process spent during it (whatever else ran in it too). */
interface Timed<R extends RateResult> {
  rate: R;
  cpuMicros: number;
  statements: number;
}

/** The store statements this process has sent so far (the bench service's counter), if counted. */
export type StatementsSent = () => number;

async function timed<R extends RateResult>(
  step: () => Promise<R>,
  statements: StatementsSent = () => 0,
): Promise<Timed<R>> {
  const before = process.cpuUsage();
  const sent = statements();
  const rate = await step();
  const { user, system } = process.cpuUsage(before);
  return { rate, cpuMicros: user + system, statements: statements() - sent };
}

function sum(
  parts: Timed<RateResult>[],
): RateResult & { cpuMicrosPerEvent: number; statementsPerEvent: number } {
  const events = parts.reduce((n, p) => n + p.rate.events, 0);
  const seconds = parts.reduce((n, p) => n + p.rate.seconds, 0);
  const cpu = parts.reduce((n, p) => n + p.cpuMicros, 0);
  const statements = parts.reduce((n, p) => n + p.statements, 0);
  return {
    events,
    seconds: round(seconds),
    perSecond: Math.round(events / seconds),
    cpuMicrosPerEvent: round(cpu / events, 1),
    statementsPerEvent: Number((statements / events).toFixed(4)),
  };
}

/** Appends/s and read events/s with and without the privacy layer; ratios of with over without. */
export async function privacyRates(
  privacy: PersonalDataEventStore,
  writers: number,
  seconds: number,
  /** Waits until the service's projector has folded the appends (else it folds them during the reads). */
  settle: () => Promise<unknown> = async () => {},
  /** Statements per append of each side (the projector's reads of them included) when given. */
  statements?: StatementsSent,
): Promise<Omit<PrivacyRates, 'rebuild'>> {
  const run = randomUUID().slice(0, 8);
  // Stream names the map reads as portal users': `portalUser-<run>p…` (plain) and `…e…` (encrypted).
  const plainPrefix = `portalUser-${run}p`;
  const encryptedPrefix = `portalUser-${run}e`;
  const plain: Timed<AppendLatencies>[] = [];
  const encrypted: Timed<AppendLatencies>[] = [];
  // ABBA order: a drift of the machine's load, or the log growing, weighs on both sides alike.
  for (const plainFirst of [true, false]) {
    const appendPlain = async () =>
      plain.push(
        await timed(() => rawAppends(privacy.stored, writers, seconds / 2, signIn, plainPrefix), statements),
      );
    const appendEncrypted = async () =>
      encrypted.push(
        await timed(() => rawAppends(privacy, writers, seconds / 2, signIn, encryptedPrefix), statements),
      );
    for (const step of plainFirst ? [appendPlain, appendEncrypted] : [appendEncrypted, appendPlain])
      await step();
  }
  // Reads of the encrypted events: opened (decrypted) by the layer, or returned as stored. One
  // unmeasured read each first (the first query of a kind pays for planning and JIT whichever side
  // runs it), then READ_ROUNDS each in ABC/CBA order: a few hundred events per read at small scale.
  // Opened twice per round: as a process reading them again finds them (the values opened by the
  // previous read still cached beside the keys), and cold (that cache dropped first: every sealed
  // list deciphered, as a rebuild or the first read of an event does).
  const filter = { streamPrefixes: [encryptedPrefix] };
  // The projector folding the appends' backlog would add its CPU time to whichever side it overlaps.
  await settle();
  await rawReadAll(privacy.stored, filter);
  await rawReadAll(privacy, filter);
  const readPlain: Timed<RateResult>[] = [];
  const readEncrypted: Timed<RateResult>[] = [];
  const readCold: Timed<RateResult>[] = [];
  for (let round_ = 0; round_ < READ_ROUNDS; round_ += 1) {
    const readAsStored = async () => readPlain.push(await timed(() => rawReadAll(privacy.stored, filter)));
    const readOpened = async () => readEncrypted.push(await timed(() => rawReadAll(privacy, filter)));
    const readOpenedCold = async () => {
      privacy.keys.dropOpenedValues();
      readCold.push(await timed(() => rawReadAll(privacy, filter)));
    };
    const steps = [readAsStored, readOpened, readOpenedCold];
    for (const step of round_ % 2 === 0 ? steps : steps.reverse()) await step();
  }
  const appends = { plain: sum(plain), encrypted: sum(encrypted) };
  const reads = { plain: sum(readPlain), encrypted: sum(readEncrypted), encryptedCold: sum(readCold) };
  return {
    appendRatio: Number((appends.encrypted.perSecond / appends.plain.perSecond).toPrecision(3)),
    readRatio: Number((reads.encrypted.perSecond / reads.plain.perSecond).toPrecision(3)),
    cpuAppendRatio: Number(
      (appends.plain.cpuMicrosPerEvent / appends.encrypted.cpuMicrosPerEvent).toPrecision(3),
    ),
    cpuReadRatio: Number((reads.plain.cpuMicrosPerEvent / reads.encrypted.cpuMicrosPerEvent).toPrecision(3)),
    coldReadRatio: Number((reads.encryptedCold.perSecond / reads.plain.perSecond).toPrecision(3)),
    cpuColdReadRatio: Number(
      (reads.plain.cpuMicrosPerEvent / reads.encryptedCold.cpuMicrosPerEvent).toPrecision(3),
    ),
    appends,
    reads,
    writers,
  };
}
