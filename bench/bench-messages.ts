// The messages the bench runner and its service child exchange over the IPC channel.

/** The baseline of the scoped list: a Fastify route on the service's own app that does nothing. */
export const BARE_ROUTE = '/bench/bare';

/** Where one store under test lives: the event store and read store targets of ServiceConfig. */
export interface StoreTargets {
  eventStore: string;
  readStore: string;
}

export type BenchRequest =
  | { id: number; op: 'seedAccounts'; count: number }
  | { id: number; op: 'seedCases'; upTo: number }
  | { id: number; op: 'catchUp' }
  | { id: number; op: 'portalUsers'; count: number }
  | { id: number; op: 'rebuild' }
  | { id: number; op: 'readAll' }
  | { id: number; op: 'rawAppends'; writers: number; seconds: number }
  | { id: number; op: 'privacyRates'; writers: number; seconds: number; rebuild: boolean }
  | { id: number; op: 'statements'; reset: boolean }
  | { id: number; op: 'fileTarget' }
  | { id: number; op: 'profile'; start: boolean; file?: string }
  | { id: number; op: 'cpuUsage' }
  | { id: number; op: 'memoryPeaks'; start: boolean }
  | { id: number; op: 'readCaches'; on: boolean }
  | { id: number; op: 'stop' };

export type BenchReply =
  | { kind: 'ready'; url: string; pid: number }
  | { kind: 'progress'; text: string }
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; message: string };

export interface PortalFixture {
  slug: string;
  /** Bearer tokens of portal users, each a contact of its own account. */
  tokens: string[];
}

export interface RateResult {
  events: number;
  seconds: number;
  perSecond: number;
}

export interface AppendLatencies extends RateResult {
  p50Ms: number;
  p99Ms: number;
}

/** A case to attach files to, and a staff token that may (the file transfer figures). */
export interface FileTarget {
  token: string;
  caseId: string;
}

/** A rate with the service process's CPU time per event while it was measured. */
export interface TimedRate extends RateResult {
  cpuMicrosPerEvent: number;
  /**
   * Store statements the service process sent per event meanwhile (the projector's included), where
   * counted: a figure the machine's load cannot move.
   */
  statementsPerEvent?: number;
}

/** Raw appends and reads through the privacy layer (encrypted) and beside it (plain), same run. */
export interface PrivacyRates {
  /** Encrypted appends/s over plain appends/s (issue 20 asks for ≥ 0.9). */
  appendRatio: number;
  /** Events/s read and decrypted over the same events read as stored. */
  readRatio: number;
  /**
   * The same ratios from the service process's CPU time per event (plain over encrypted): less
   * moved by other processes on a busy machine than rates are; it counts whatever else the process
   * did meanwhile (the projector), on both sides alike.
   */
  cpuAppendRatio: number;
  cpuReadRatio: number;
  /** Reads with the layer's cache of opened values dropped first (every sealed list deciphered). */
  coldReadRatio: number;
  cpuColdReadRatio: number;
  appends: { plain: TimedRate; encrypted: TimedRate };
  reads: { plain: TimedRate; encrypted: TimedRate; encryptedCold: TimedRate };
  writers: number;
  /**
   * End to end: a full rebuild of the read models with the layer and without (privacy-rebuild.ts);
   * not measured at the large scale (BenchScale.privacyRebuild).
   */
  rebuild?: PrivacyRebuild;
}

/** A full rebuild's events/s through the privacy layer over the same rebuild without it, same run. */
export interface PrivacyRebuild {
  rebuildRatio: number;
  /** The same from the service process's CPU time per event (plain over encrypted). */
  cpuRebuildRatio: number;
  plain: TimedRate;
  encrypted: TimedRate;
}
