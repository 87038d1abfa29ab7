import {
  ANY,
  CancelledError,
  DeadlineExceededError,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { AppendOutcomeUnknown } from '../append-outcome-unknown.error';
import type { NewEvent } from '../event-store.port';
import { WrongExpectedRevision } from '../wrong-expected-revision.error';
import { isUncertainAppendError, mayHaveBeenStored, toAppendError } from './esdb-append-error';
import { SCHEMA_VERSION_KEY, toEsdbEventData } from './esdb-event-data';
import { toEsdbExpectedRevision } from './esdb-expected-revision';

const newEvent = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  id: '6f1c2a3b-4d5e-4f60-8a71-b2c3d4e5f607',
  type: 'PortalCreated',
  data: { name: 'Customers', slug: 'customers' },
  metadata: {
    actor: { type: 'staff', id: 'admin-1', name: 'Ada' },
    correlationId: 'corr-1',
    causationId: null,
    timestamp: '2026-01-02T03:04:05.000Z',
  },
  ...overrides,
});

describe('toEsdbExpectedRevision', () => {
  it('maps a revision to a bigint and the named expectations to the client constants', () => {
    expect(toEsdbExpectedRevision(0)).toBe(0n);
    expect(toEsdbExpectedRevision(41)).toBe(41n);
    expect(toEsdbExpectedRevision('no-stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('stream-exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
  });

  it('refuses revisions no stream can have', () => {
    expect(() => toEsdbExpectedRevision(-1)).toThrow(RangeError);
    expect(() => toEsdbExpectedRevision(1.5)).toThrow(RangeError);
    expect(() => toEsdbExpectedRevision(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});

describe('toAppendError', () => {
  const conflict = (current: bigint | typeof NO_STREAM): WrongExpectedVersionError =>
    new WrongExpectedVersionError(undefined, { streamName: 'portal-1', expected: 3n, current });

  it("turns the client's conflict into WrongExpectedRevision with the actual revision", () => {
    const error = toAppendError(conflict(7n), 'portal-1', 3);
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect(error).toMatchObject({ stream: 'portal-1', expected: 3, actual: 7 });
  });

  it("reports a missing stream as 'no-stream', whichever way the server says it", () => {
    expect(toAppendError(conflict(NO_STREAM), 'portal-1', 'stream-exists')).toMatchObject({
      expected: 'stream-exists',
      actual: 'no-stream',
    });
    expect(toAppendError(conflict(-1n), 'portal-1', 0)).toMatchObject({ actual: 'no-stream' });
  });

  it('turns a cancellation or a timeout into AppendOutcomeUnknown, keeping the cause', () => {
    const cancelled = new CancelledError();
    expect(toAppendError(cancelled, 'portal-1', 'any')).toMatchObject({
      stream: 'portal-1',
      cause: cancelled,
    });
    expect(toAppendError(new DeadlineExceededError(), 'portal-1', 0)).toBeInstanceOf(AppendOutcomeUnknown);
    expect(toAppendError(new TimeoutError(), 'portal-1', 0)).toBeInstanceOf(AppendOutcomeUnknown);
  });

  it('keeps a lost connection as it is, unless an earlier attempt left the outcome unknown', () => {
    const unavailable = new UnavailableError();
    expect(toAppendError(unavailable, 'portal-1', 0)).toBe(unavailable);
    expect(toAppendError(unavailable, 'portal-1', 0, true)).toBeInstanceOf(AppendOutcomeUnknown);
  });

  it('passes any other error through unchanged', () => {
    const other = new StreamNotFoundError(undefined, 'portal-1');
    expect(toAppendError(other, 'portal-1', 'any')).toBe(other);
  });
});

describe('isUncertainAppendError', () => {
  it('marks timeouts and lost connections as worth a retry, and nothing else', () => {
    expect(isUncertainAppendError(new TimeoutError())).toBe(true);
    expect(isUncertainAppendError(new DeadlineExceededError())).toBe(true);
    expect(isUncertainAppendError(new UnavailableError())).toBe(true);
    expect(isUncertainAppendError(new CancelledError())).toBe(true);
    const conflict = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 1n });
    expect(isUncertainAppendError(conflict)).toBe(false);
    expect(isUncertainAppendError(new Error('boom'))).toBe(false);
  });

  it('counts cancellations and timeouts, not a connection never made, as possibly stored', () => {
    expect(mayHaveBeenStored(new CancelledError())).toBe(true);
    expect(mayHaveBeenStored(new DeadlineExceededError())).toBe(true);
    expect(mayHaveBeenStored(new TimeoutError())).toBe(true);
    expect(mayHaveBeenStored(new UnavailableError())).toBe(false);
    // gRPC status 1 (CANCELLED) as the client's connection path throws it raw.
    expect(mayHaveBeenStored(Object.assign(new Error('1 CANCELLED: Call cancelled'), { code: 1 }))).toBe(
      true,
    );
  });

  it('recognises the raw gRPC error the client throws when it cannot connect', () => {
    // What the client throws from its connection path (seen against a closed port): gRPC status 14.
    const refused = Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
      code: 14,
      details: 'No connection established',
    });
    expect(isUncertainAppendError(refused)).toBe(true);
    expect(toAppendError(refused, 'portal-1', 'any')).toBeInstanceOf(UnavailableError);
  });
});

describe('toEsdbEventData', () => {
  it('writes a JSON event with our id, type and data, and the schema version in the metadata', () => {
    const event = newEvent({ version: 3 });
    expect(toEsdbEventData(event)).toEqual({
      id: event.id,
      contentType: 'application/json',
      type: 'PortalCreated',
      data: event.data,
      metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: 3 },
    });
  });

  it('stores version 1 when the event does not say', () => {
    expect(toEsdbEventData(newEvent()).metadata).toMatchObject({ [SCHEMA_VERSION_KEY]: 1 });
  });
});
