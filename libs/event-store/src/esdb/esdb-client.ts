import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@eventstore/db-client';

/** What the adapter uses of one finite read: its events, and its error event (see readFully). */
export interface EsdbRead<E> extends AsyncIterable<E> {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What the adapter uses of a subscription to $all. */
export interface EsdbLiveSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Server 23.10 and newer: the subscription has reached the end of $all. */
  on(event: 'caughtUp', listener: () => void): unknown;
  /** Events received and not yet iterated. */
  readonly readableLength: number;
  destroy(): unknown;
  unsubscribe(): Promise<void>;
}

/**
 * The seam between the adapter and `@eventstore/db-client`: exactly the calls the adapter makes, so
 * unit tests can record them (which filter, which expected revision) without a server. The real
 * client satisfies it as it is.
 */
export interface EsdbClient {
  appendToStream(stream: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult>;
  readStream(stream: string, options: ReadStreamOptions): EsdbRead<ResolvedEvent>;
  readAll(options: ReadAllOptions): EsdbRead<AllStreamResolvedEvent>;
  subscribeToAll(options: SubscribeToAllOptions): EsdbLiveSubscription;
  dispose(): Promise<void>;
}
