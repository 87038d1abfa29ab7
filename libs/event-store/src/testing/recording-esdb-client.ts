// The adapter's seam to @eventstore/db-client, recorded: each call is kept with its options, and each
// answers from what the test scripted. No server behaviour is imitated beyond reading back the events
// the test put in a stream.
import { PassThrough, Readable } from 'node:stream';
import {
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type AppendResult,
  type AppendToStreamOptions,
  type EventData,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@eventstore/db-client';
import type { EsdbClient, EsdbLiveSubscription, EsdbRead } from '../esdb/esdb-client';

export type RecordedCall =
  | { method: 'appendToStream'; stream: string; ids: string[]; options: AppendToStreamOptions }
  | { method: 'readStream'; stream: string; options: ReadStreamOptions }
  | { method: 'readAll'; options: ReadAllOptions }
  | { method: 'subscribeToAll'; options: SubscribeToAllOptions };

/** A scripted subscription: the test pushes events and signals into it. */
export type ScriptedSubscription = PassThrough & EsdbLiveSubscription & { unsubscribed: boolean };

/** A stored event as the client yields it (a JSON event with its position). */
export function storedEvent(
  stream: string,
  revision: number,
  position: number,
  overrides: { id?: string; type?: string } = {},
): ResolvedEvent & AllStreamResolvedEvent {
  const at = { commit: BigInt(position), prepare: BigInt(position) };
  return {
    commitPosition: at.commit,
    event: {
      streamId: stream,
      id: overrides.id ?? `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      isJson: true,
      revision: BigInt(revision),
      type: overrides.type ?? 'Counted',
      created: new Date('2026-01-02T03:04:05.000Z'),
      data: { n: revision },
      metadata: {
        actor: { type: 'system', id: 'test' },
        correlationId: 'c',
        causationId: null,
        timestamp: '2026-01-02T03:04:05.000Z',
      },
      position: at,
    },
  };
}

export class RecordingEsdbClient implements EsdbClient {
  readonly calls: RecordedCall[] = [];
  /** What readStream finds, oldest first; a stream missing here is "not found". */
  readonly streams = new Map<string, ResolvedEvent[]>();
  /** What readAll finds, in $all order. */
  all: AllStreamResolvedEvent[] = [];
  /** Answers of appendToStream in call order: a result, or an error to throw. */
  readonly appendAnswers: (AppendResult | Error)[] = [];
  /** Subscriptions handed out, newest last. */
  readonly subscriptions: ScriptedSubscription[] = [];
  /** Called with each new subscription, to script what it delivers. */
  onSubscribe: (subscription: ScriptedSubscription, options: SubscribeToAllOptions) => void = () => undefined;

  callsOf<M extends RecordedCall['method']>(method: M): Extract<RecordedCall, { method: M }>[] {
    return this.calls.filter((call): call is Extract<RecordedCall, { method: M }> => call.method === method);
  }

  async appendToStream(
    stream: string,
    events: EventData[],
    options: AppendToStreamOptions,
  ): Promise<AppendResult> {
    this.calls.push({ method: 'appendToStream', stream, ids: events.map((e) => e.id ?? ''), options });
    const answer = this.appendAnswers.shift();
    if (answer === undefined) throw new Error(`unscripted append to ${stream}`);
    if (answer instanceof Error) throw answer;
    return answer;
  }

  readStream(stream: string, options: ReadStreamOptions): EsdbRead<ResolvedEvent> {
    this.calls.push({ method: 'readStream', stream, options });
    const events = this.streams.get(stream);
    if (!events) return failingRead(new StreamNotFoundError(undefined, stream));
    const backwards = options.direction === 'backwards';
    const last = events.length - 1;
    const from = options.fromRevision;
    const start = from === 'start' || from === undefined ? 0 : from === 'end' ? last : Number(from);
    const ordered = backwards ? events.slice(0, start + 1).reverse() : events.slice(start);
    return Readable.from(ordered.slice(0, Number(options.maxCount ?? ordered.length)));
  }

  readAll(options: ReadAllOptions): EsdbRead<AllStreamResolvedEvent> {
    this.calls.push({ method: 'readAll', options });
    const ordered = options.direction === 'backwards' ? [...this.all].reverse() : this.all;
    return Readable.from(ordered.slice(0, Number(options.maxCount ?? ordered.length)));
  }

  subscribeToAll(options: SubscribeToAllOptions): EsdbLiveSubscription {
    this.calls.push({ method: 'subscribeToAll', options });
    const subscription = Object.assign(new PassThrough({ objectMode: true }), {
      unsubscribed: false,
      async unsubscribe(): Promise<void> {
        subscription.unsubscribed = true;
        subscription.destroy();
      },
    }) as ScriptedSubscription;
    this.subscriptions.push(subscription);
    this.onSubscribe(subscription, options);
    return subscription;
  }

  async dispose(): Promise<void> {}
}

function failingRead<E>(error: Error): EsdbRead<E> {
  return new Readable({
    objectMode: true,
    read() {
      this.destroy(error);
    },
  });
}
