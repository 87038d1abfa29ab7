// The event store port: the only source of truth of the service. No framework or driver types here,
// so every adapter (SQL on pg or PGlite, EventStoreDB) implements exactly this and passes one contract suite.

/** Who caused an event. Mirrors the domain's Actor without depending on it. */
export interface EventActor {
  type: 'staff' | 'portalUser' | 'system';
  id: string;
  name?: string;
  portalId?: string;
}

export interface EventMetadata {
  actor: EventActor;
  /** Shared by every event of one command (and by what those events cause). */
  correlationId: string;
  /** The command id or the id of the event that caused this one. */
  causationId: string | null;
  /** ISO-8601 UTC time the command was decided. */
  timestamp: string;
  [key: string]: unknown;
}

/** An event about to be appended. `id` is a UUID; a deterministic one (from a command id) makes retries safe. */
export interface NewEvent<Data = Record<string, unknown>> {
  id: string;
  type: string;
  /** Schema version of `data` for this `type`; 1 when omitted. */
  version?: number;
  data: Data;
  metadata: EventMetadata;
}

/** An event as stored: upcast to the current version of its type on every read path. */
export interface RecordedEvent<Data = Record<string, unknown>> {
  id: string;
  stream: string;
  type: string;
  version: number;
  data: Data;
  metadata: EventMetadata;
  /** 0-based revision of the event inside its stream. */
  revision: number;
  /** Global position: strictly increasing in the order subscribers see events. */
  position: number;
  /** ISO-8601 UTC time the store recorded the event. */
  recordedAt: string;
}

/**
 * What the caller expects the stream to be at: a revision (the revision of its last event),
 * 'no-stream' (must not exist), 'stream-exists', or 'any'.
 */
export type ExpectedRevision = number | 'no-stream' | 'stream-exists' | 'any';

export interface AppendResult {
  /** Revision of the last event now in the stream (pass it as `expected` for the next append). */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  position: number;
}

export interface ReadStreamOptions {
  /** Revision to start at (inclusive). Default: 0 forwards, the last event backwards. */
  from?: number;
  direction?: 'forwards' | 'backwards';
  limit?: number;
}

export interface EventFilter {
  /** Keep events whose stream name starts with one of these. */
  streamPrefixes?: string[];
  /** Keep events of these types. */
  eventTypes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this global position. Default: from the very start. */
  after?: number;
  limit?: number;
  filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Checkpoint: deliver events strictly after this position. Default: from the very start. */
  after?: number;
  filter?: EventFilter;
}

export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

export interface Subscription {
  /** Stops delivering; resolves when no handler call is running any more. */
  stop(): Promise<void>;
  /** Position of the last event handled (or the starting checkpoint). */
  readonly position: number | undefined;
  /** Resolves once the subscription has caught up with the head at least once. */
  readonly caughtUp: Promise<void>;
  /** Rejects if the handler throws: the subscription stops and does not skip the event. */
  readonly done: Promise<void>;
}

/** One stream's part of a readStreams: its events from `from` to `to` (inclusive; default all). */
export interface StreamRange {
  stream: string;
  from?: number;
  to?: number;
}

/** One stream's part of an appendMany. */
export interface StreamAppend {
  stream: string;
  events: NewEvent[];
  expected: ExpectedRevision;
}

export interface EventStore {
  /**
   * True when every read (readStream, readStreams, readAll, subscribe) hands out events whose
   * objects (the event, its data and metadata, and everything inside them) were built for that
   * read alone and are held by nobody else, so the reader may change them. A wrapper that rewrites
   * values (the privacy layer) then changes them in place instead of copying. Unset: treat them as
   * shared (an adapter that caches events, a test double returning the same objects).
   */
  readonly returnsUnsharedEvents?: boolean;
  /** Appends atomically; throws WrongExpectedRevision on a conflict. Idempotent for already-stored event ids. */
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /**
   * Several streams' appends in one transaction (all or none), each with append's rules; results in
   * the same order. Optional: stores without it (EventStoreDB) are written one append at a time.
   */
  appendMany?(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** Events of one stream; [] when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Several streams' events (forwards) in one read, one list per range in the same order. Optional:
   * stores without it (EventStoreDB) are read one stream at a time.
   */
  readStreams?(ranges: readonly StreamRange[]): Promise<RecordedEvent[][]>;
  /** Events of all streams in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catches up from the checkpoint, then follows live, in global order, surviving dropped connections. */
  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription;
  /**
   * Calls onAppend soon after an append of any process commits: a wake-up hint only (one may be
   * lost with a dropped connection, or come twice), for a follower that reads the log itself and
   * polls as well, such as the projector. Unlike a subscription it reads no event, so following
   * the head costs no statement per append. `position`, when given, is the last position that
   * append reached, committed by then (so every read begun after the call sees it and all below
   * it). Resolves to a function that stops the calls. Optional: stores without it (EventStoreDB)
   * are followed with subscribe.
   */
  watchAppends?(onAppend: (position?: number) => void): Promise<() => Promise<void>>;
  /** Global position of the newest event, or -1 for an empty store. */
  headPosition(): Promise<number>;
  /**
   * A random id drawn once when the store was created and the same ever after: names the
   * deployment wherever stores share infrastructure (queues and counters in one Redis).
   */
  identity(): Promise<string>;
  close(): Promise<void>;
}
