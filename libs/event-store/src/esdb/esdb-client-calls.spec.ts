// The adapter's calls to the EventStoreDB client, recorded through its seam (EsdbClient): which filters
// go to the server, which expected revisions appends carry, and what an unknown outcome becomes.
import {
  CancelledError,
  DeadlineExceededError,
  EVENT_TYPE,
  NO_STREAM,
  STREAM_NAME,
  UnavailableError,
  WrongExpectedVersionError,
  type AppendResult as EsdbAppendResult,
  type Filter,
} from '@eventstore/db-client';
import { AppendOutcomeUnknown } from '../append-outcome-unknown.error';
import { EventIdConflict } from '../event-id-conflict.error';
import { contractEvent } from '../event-store.contract';
import {
  RecordingEsdbClient,
  storedEvent,
  type ScriptedSubscription,
} from '../testing/recording-esdb-client';
import { UpcasterRegistry } from '../upcasters';
import { WrongExpectedRevision } from '../wrong-expected-revision.error';
import { EsdbEventStore } from './esdb-event-store';

const appended = (revision: number, position: number): EsdbAppendResult => ({
  success: true,
  nextExpectedRevision: BigInt(revision),
  position: { commit: BigInt(position), prepare: BigInt(position) },
});

function storeOn(client: RecordingEsdbClient): EsdbEventStore {
  return new EsdbEventStore(client, new UpcasterRegistry(), {
    appendRetries: 2,
    appendRetryDelayMs: 1,
    checkpointInterval: 5,
    pageSize: 100,
  });
}

/** Delivers `events` into the subscription, then (if asked) the server's caught-up signal. */
function deliver(subscription: ScriptedSubscription, events: unknown[], caughtUp = true): void {
  setImmediate(() => {
    for (const event of events) subscription.write(event);
    if (caughtUp) setImmediate(() => subscription.emit('caughtUp'));
  });
}

const filterOf = (client: RecordingEsdbClient): Filter | undefined =>
  client.callsOf('subscribeToAll')[0]?.options.filter;

describe('filtered reads of $all', () => {
  // The log as the server holds it: the head lookup reads its end.
  const invitation = storedEvent('portalUser-1', 0, 1000, { type: 'InvitationSent' });
  const reset = storedEvent('portalUser-2', 0, 2000, { type: 'PasswordResetRequested' });
  const other = storedEvent('record-Case-1', 0, 3000, { type: 'RecordCreated' });

  it('passes event types to the server as an event type filter, with the checkpoint interval', async () => {
    const client = new RecordingEsdbClient();
    client.all = [invitation, reset, other];
    client.onSubscribe = (subscription) => deliver(subscription, [invitation]);

    const events = await storeOn(client).readAll({ filter: { eventTypes: ['InvitationSent'] } });

    expect(events.map((e) => e.id)).toEqual([invitation.event?.id]);
    expect(filterOf(client)).toMatchObject({
      filterOn: EVENT_TYPE,
      prefixes: ['InvitationSent'],
      checkpointInterval: 5,
    });
    // No forward page of $all: the only readAll is the head lookup from the end.
    expect(client.callsOf('readAll').map((c) => c.options.direction)).toEqual(['backwards']);
    expect(client.subscriptions[0].unsubscribed).toBe(true);
  });

  it('passes stream prefixes as a stream name filter, and still checks the event types itself', async () => {
    const client = new RecordingEsdbClient();
    client.all = [invitation, reset, other];
    client.onSubscribe = (subscription) => deliver(subscription, [invitation, reset]);

    const events = await storeOn(client).readAll({
      filter: { streamPrefixes: ['portalUser-'], eventTypes: ['PasswordResetRequested'] },
    });

    expect(events.map((e) => e.id)).toEqual([reset.event?.id]);
    expect(filterOf(client)).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['portalUser-'] });
  });

  it('starts after the given position and stops at the limit without waiting for the end', async () => {
    const client = new RecordingEsdbClient();
    client.all = [invitation, reset, other];
    client.onSubscribe = (subscription) => deliver(subscription, [reset, other], false);

    const events = await storeOn(client).readAll({
      after: 1000,
      limit: 1,
      filter: { streamPrefixes: ['portalUser-', 'record-'] },
    });

    expect(events.map((e) => e.position)).toEqual([2000]);
    expect(client.callsOf('subscribeToAll')[0].options.fromPosition).toEqual({
      commit: 1000n,
      prepare: 1000n,
    });
  });

  it('ends on a filter checkpoint past the head when the server sends no caught-up signal (before 23.10)', async () => {
    const client = new RecordingEsdbClient();
    client.all = [invitation, reset, other];
    client.onSubscribe = (subscription, options) => {
      deliver(subscription, [invitation], false);
      setImmediate(() =>
        setImmediate(() => {
          const checkpoint = options.filter?.checkpointReached;
          void checkpoint?.(subscription, { commit: 2500n, prepare: 2500n });
          void checkpoint?.(subscription, { commit: 3001n, prepare: 3001n });
        }),
      );
    };

    const events = await storeOn(client).readAll({ filter: { eventTypes: ['InvitationSent'] } });

    expect(events.map((e) => e.position)).toEqual([1000]);
  });

  it('reads nothing and opens no subscription when the log is empty', async () => {
    const client = new RecordingEsdbClient();

    expect(await storeOn(client).readAll({ filter: { eventTypes: ['InvitationSent'] } })).toEqual([]);
    expect(client.callsOf('subscribeToAll')).toEqual([]);
  });

  it('pages an unfiltered read through readAll, with no subscription', async () => {
    const client = new RecordingEsdbClient();
    client.all = [invitation, reset, other];

    const events = await storeOn(client).readAll();

    expect(events.map((e) => e.position)).toEqual([1000, 2000, 3000]);
    expect(client.callsOf('subscribeToAll')).toEqual([]);
  });

  it('subscribes with the server filter and the configured checkpoint interval', async () => {
    const client = new RecordingEsdbClient();
    client.all = [invitation];
    client.onSubscribe = (subscription) => deliver(subscription, [invitation]);
    const store = storeOn(client);
    const seen: string[] = [];

    const subscription = store.subscribe({ filter: { eventTypes: ['InvitationSent'] } }, (event) => {
      seen.push(event.id);
    });
    await subscription.caughtUp;
    await subscription.stop();

    expect(seen).toEqual([invitation.event?.id]);
    expect(filterOf(client)).toMatchObject({
      filterOn: EVENT_TYPE,
      prefixes: ['InvitationSent'],
      checkpointInterval: 5,
    });
  });
});

describe("appends with 'any' and 'stream-exists'", () => {
  const stream = 'emailDelivery-job-1';

  it('reads the stream back and appends at the revision read, not with ANY', async () => {
    const client = new RecordingEsdbClient();
    client.streams.set(stream, [storedEvent(stream, 0, 100), storedEvent(stream, 1, 200)]);
    client.appendAnswers.push(appended(2, 300));
    const event = contractEvent('EmailDelivered');

    expect(await storeOn(client).append(stream, [event], 'any')).toEqual({
      nextExpectedRevision: 2,
      position: 300,
    });

    expect(client.callsOf('readStream')[0].options).toMatchObject({
      direction: 'backwards',
      fromRevision: 'end',
    });
    expect(client.callsOf('appendToStream')).toEqual([
      { method: 'appendToStream', stream, ids: [event.id], options: { expectedRevision: 1n } },
    ]);
  });

  it('retries an append whose outcome is unknown with the same ids at the same revision', async () => {
    const client = new RecordingEsdbClient();
    client.streams.set(stream, [storedEvent(stream, 0, 100)]);
    client.appendAnswers.push(new DeadlineExceededError(), new CancelledError(), appended(1, 300));
    const event = contractEvent('EmailDelivered');

    expect(await storeOn(client).append(stream, [event], 'any')).toEqual({
      nextExpectedRevision: 1,
      position: 300,
    });

    const appends = client.callsOf('appendToStream');
    expect(appends).toHaveLength(3);
    // The server compares the ids at revision 1 with what it stored: a retry of a stored append is
    // answered with its original result, whatever the server's id cache holds.
    expect(appends.every((a) => a.options.expectedRevision === 0n)).toBe(true);
    expect(appends.every((a) => a.ids.join() === event.id)).toBe(true);
  });

  it('answers a retry of an append already stored with its original result and writes nothing', async () => {
    const client = new RecordingEsdbClient();
    const event = contractEvent('EmailDelivered');
    client.streams.set(stream, [
      storedEvent(stream, 0, 100),
      storedEvent(stream, 1, 200, { id: event.id }),
      storedEvent(stream, 2, 300),
    ]);

    expect(await storeOn(client).append(stream, [event], 'any')).toEqual({
      nextExpectedRevision: 1,
      position: 200,
    });
    expect(client.callsOf('appendToStream')).toEqual([]);
  });

  it('refuses a retry whose first id is stored with other events after it, writing nothing', async () => {
    const client = new RecordingEsdbClient();
    const first = contractEvent('EmailDelivered');
    client.streams.set(stream, [storedEvent(stream, 0, 100, { id: first.id }), storedEvent(stream, 1, 200)]);

    await expect(
      storeOn(client).append(stream, [first, contractEvent('EmailOpened')], 'any'),
    ).rejects.toBeInstanceOf(EventIdConflict);
    expect(client.callsOf('appendToStream')).toEqual([]);
  });

  it('finds a stored event beyond the first page of the read-back', async () => {
    const client = new RecordingEsdbClient();
    const event = contractEvent('EmailDelivered');
    client.streams.set(
      stream,
      Array.from({ length: 250 }, (_, n) => storedEvent(stream, n, 100 + n, n === 3 ? { id: event.id } : {})),
    );

    expect(await storeOn(client).append(stream, [event], 'any')).toEqual({
      nextExpectedRevision: 3,
      position: 103,
    });
    expect(client.callsOf('readStream').map((c) => c.options.fromRevision)).toEqual(['end', 149n, 49n, 3n]);
    expect(client.callsOf('appendToStream')).toEqual([]);
  });

  it('reads again and appends at the new revision when another writer moved the stream', async () => {
    const client = new RecordingEsdbClient();
    client.streams.set(stream, [storedEvent(stream, 0, 100)]);
    const conflict = new WrongExpectedVersionError(undefined, {
      streamName: stream,
      expected: 0n,
      current: 1n,
    });
    client.appendAnswers.push(conflict, appended(2, 300));
    const store = storeOn(client);
    const event = contractEvent('SessionEnded');
    // The other writer's event becomes visible to the second read-back.
    const read = client.readStream.bind(client);
    let reads = 0;
    client.readStream = (name, options) => {
      reads += 1;
      if (reads === 2) client.streams.set(stream, [storedEvent(stream, 0, 100), storedEvent(stream, 1, 200)]);
      return read(name, options);
    };

    expect(await store.append(stream, [event], 'any')).toEqual({ nextExpectedRevision: 2, position: 300 });
    expect(client.callsOf('appendToStream').map((a) => a.options.expectedRevision)).toEqual([0n, 1n]);
  });

  it("appends to a missing stream with 'any' as no-stream, and refuses 'stream-exists' there", async () => {
    const client = new RecordingEsdbClient();
    client.appendAnswers.push(appended(0, 100));
    const store = storeOn(client);

    await store.append(stream, [contractEvent('EmailDelivered')], 'any');
    await expect(
      store.append(stream, [contractEvent('EmailDelivered')], 'stream-exists'),
    ).rejects.toBeInstanceOf(WrongExpectedRevision);

    expect(client.callsOf('appendToStream').map((a) => a.options.expectedRevision)).toEqual([NO_STREAM]);
  });

  it('sends a revision or no-stream as it is, with no read-back', async () => {
    const client = new RecordingEsdbClient();
    client.appendAnswers.push(appended(0, 100), appended(1, 200));
    const store = storeOn(client);

    await store.append('case-1', [contractEvent('CaseRaised')], 'no-stream');
    await store.append('case-1', [contractEvent('CaseClosed')], 0);

    expect(client.callsOf('readStream')).toEqual([]);
    expect(client.callsOf('appendToStream').map((a) => a.options.expectedRevision)).toEqual([NO_STREAM, 0n]);
  });
});

describe('appends whose outcome stays unknown', () => {
  it("turns a cancellation (the node stopping mid-call) into the port's AppendOutcomeUnknown after the retries", async () => {
    const client = new RecordingEsdbClient();
    const cancelled = new CancelledError();
    client.appendAnswers.push(cancelled, cancelled, cancelled);

    const failure = await storeOn(client)
      .append('case-1', [contractEvent('CaseRaised')], 'no-stream')
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AppendOutcomeUnknown);
    expect(failure).toMatchObject({ stream: 'case-1', cause: cancelled });
    expect(client.callsOf('appendToStream')).toHaveLength(3);
  });

  it('reports a deadline followed by a lost connection as unknown too', async () => {
    const client = new RecordingEsdbClient();
    client.appendAnswers.push(new DeadlineExceededError(), new UnavailableError(), new UnavailableError());

    await expect(storeOn(client).append('case-1', [contractEvent('CaseRaised')], 3)).rejects.toBeInstanceOf(
      AppendOutcomeUnknown,
    );
  });

  it('reports a server it never reached as unavailable: nothing was stored', async () => {
    const client = new RecordingEsdbClient();
    client.appendAnswers.push(new UnavailableError(), new UnavailableError(), new UnavailableError());

    await expect(storeOn(client).append('case-1', [contractEvent('CaseRaised')], 3)).rejects.toBeInstanceOf(
      UnavailableError,
    );
  });

  it('does not retry a conflict', async () => {
    const client = new RecordingEsdbClient();
    client.appendAnswers.push(
      new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 3n, current: 5n }),
    );

    await expect(storeOn(client).append('case-1', [contractEvent('CaseRaised')], 3)).rejects.toMatchObject({
      actual: 5,
    });
    expect(client.callsOf('appendToStream')).toHaveLength(1);
  });
});

describe('identity', () => {
  const drawnAppend: EsdbAppendResult = appended(0, 10);

  it('draws one into $portal-store-identity (expecting no stream) when there is none', async () => {
    const client = new RecordingEsdbClient();
    client.appendAnswers.push(drawnAppend);
    const identity = await storeOn(client).identity();
    expect(identity).toMatch(/^[0-9a-f-]{36}$/);
    const [append] = client.callsOf('appendToStream');
    expect(append).toMatchObject({
      stream: '$portal-store-identity',
      options: { expectedRevision: NO_STREAM },
    });
  });

  it('answers the stored one without writing', async () => {
    const client = new RecordingEsdbClient();
    const stored = storedEvent('$portal-store-identity', 0, 5, { type: 'StoreIdentityDrawn' });
    Object.assign(stored.event!, { data: { identity: 'a1b2c3d4-0000-4000-8000-000000000001' } });
    client.streams.set('$portal-store-identity', [stored]);
    await expect(storeOn(client).identity()).resolves.toBe('a1b2c3d4-0000-4000-8000-000000000001');
    expect(client.callsOf('appendToStream')).toEqual([]);
  });
});
