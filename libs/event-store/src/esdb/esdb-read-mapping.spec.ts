import type { Position } from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../event-store.port';
import { UnknownEventVersion, UpcasterRegistry } from '../upcasters';
import { SCHEMA_VERSION_KEY } from './esdb-event-data';
import { isWantedEvent, matchesEventFilter, toServerFilter } from './esdb-event-filter';
import { isUsablePosition, toEsdbPosition, toPositionNumber } from './esdb-position';
import { isUserEvent, positionOf, toRecordedEvent, type EsdbResolvedEvent } from './esdb-recorded-event';

const metadata: EventMetadata = {
  actor: { type: 'portalUser', id: 'user-1', portalId: 'portal-1' },
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  timestamp: '2026-01-02T03:04:05.000Z',
};
const created = new Date('2026-01-02T03:04:05.678Z');

/** A JSON event as the client yields it from a read of $all. */
function stored(
  overrides: { streamId?: string; type?: string; version?: number; data?: unknown; position?: Position } = {},
): EsdbResolvedEvent {
  const position = overrides.position ?? { commit: 4096n, prepare: 4096n };
  return {
    commitPosition: position.commit,
    event: {
      streamId: overrides.streamId ?? 'case-1',
      id: '0b6f2f4e-5a43-4d8e-9d1c-6b1f0e2a3c4d',
      isJson: true,
      revision: 2n,
      type: overrides.type ?? 'CaseRaised',
      created,
      data: (overrides.data ?? { title: 'Printer on fire' }) as Record<string, unknown>,
      metadata: { ...metadata, [SCHEMA_VERSION_KEY]: overrides.version ?? 1 },
      position,
    },
  };
}

describe('toRecordedEvent', () => {
  it('rebuilds our event: numbers for revision and position, ISO time, metadata without the schema version', () => {
    expect(toRecordedEvent(stored(), new UpcasterRegistry())).toEqual<RecordedEvent>({
      id: '0b6f2f4e-5a43-4d8e-9d1c-6b1f0e2a3c4d',
      stream: 'case-1',
      type: 'CaseRaised',
      version: 1,
      data: { title: 'Printer on fire' },
      metadata,
      revision: 2,
      position: 4096,
      recordedAt: '2026-01-02T03:04:05.678Z',
    });
  });

  it('upcasts an old version to the current one, giving the upcaster the metadata', () => {
    const upcasters = new UpcasterRegistry([
      {
        type: 'CaseRaised',
        fromVersion: 1,
        upcast: (data, meta) => ({ subject: data.title, by: (meta.actor as { id: string }).id }),
      },
    ]);
    const event = toRecordedEvent(stored({ version: 1 }), upcasters);
    expect(event?.version).toBe(2);
    expect(event?.data).toEqual({ subject: 'Printer on fire', by: 'user-1' });
    const current = toRecordedEvent(stored({ version: 2, data: { subject: 'New' } }), upcasters);
    expect(current?.data).toEqual({ subject: 'New' });
  });

  it('reads an event stored without a schema version as version 1', () => {
    const withoutVersion = stored();
    if (withoutVersion.event) withoutVersion.event.metadata = { ...metadata };
    expect(toRecordedEvent(withoutVersion, new UpcasterRegistry())?.version).toBe(1);
  });

  it('refuses a version newer than the code knows rather than misreading it', () => {
    expect(() => toRecordedEvent(stored({ version: 2 }), new UpcasterRegistry())).toThrow(
      UnknownEventVersion,
    );
  });

  it("leaves out the server's own events and link events", () => {
    const upcasters = new UpcasterRegistry();
    expect(
      toRecordedEvent(stored({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' }), upcasters),
    ).toBe(undefined);
    expect(toRecordedEvent(stored({ streamId: '$$case-1', type: '$metadata' }), upcasters)).toBe(undefined);
    expect(toRecordedEvent(stored({ streamId: '$ce-case', type: '$>' }), upcasters)).toBe(undefined);
    const resolvedLink = { ...stored(), link: stored({ streamId: '$ce-case', type: '$>' }).event };
    expect(toRecordedEvent(resolvedLink, upcasters)).toBe(undefined);
    expect(toRecordedEvent({ commitPosition: 10n }, upcasters)).toBe(undefined);
    expect(isUserEvent(stored())).toBe(true);
  });

  it('fails loudly on an event this service cannot have written', () => {
    const binary = stored();
    if (binary.event) binary.event = { ...binary.event, isJson: false, data: new Uint8Array([1, 2]) };
    expect(() => toRecordedEvent(binary, new UpcasterRegistry())).toThrow(/not a JSON object/);
    expect(() => toRecordedEvent(stored({ data: ['a', 'list'] }), new UpcasterRegistry())).toThrow(
      /not a JSON object/,
    );
  });
});

describe('positionOf', () => {
  it("uses the event's position, else the resolved event's commit position", () => {
    expect(positionOf(stored({ position: { commit: 512n, prepare: 512n } }))).toBe(512);
    const fromResolved = stored();
    if (fromResolved.event) fromResolved.event.position = undefined;
    fromResolved.commitPosition = 777n;
    expect(positionOf(fromResolved)).toBe(777);
  });

  it('treats the 0/0 an old server sends for stream reads as no position', () => {
    const old = stored({ position: { commit: 0n, prepare: 0n } });
    old.commitPosition = undefined;
    expect(() => positionOf(old)).toThrow(/without a position/);
  });
});

describe('positions', () => {
  it('converts between our numbers and client positions', () => {
    expect(toEsdbPosition(1234)).toEqual({ commit: 1234n, prepare: 1234n });
    expect(toPositionNumber(toEsdbPosition(1234).commit)).toBe(1234);
    expect(toPositionNumber(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toPositionNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    expect(() => toPositionNumber(-1n)).toThrow(RangeError);
  });

  it("recognises the server's ways of saying it has no position", () => {
    expect(isUsablePosition({ commit: 100n, prepare: 100n })).toBe(true);
    expect(isUsablePosition(undefined)).toBe(false);
    expect(isUsablePosition({ commit: -1n, prepare: -1n })).toBe(false);
    expect(isUsablePosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toBe(false);
  });
});

describe('event filters', () => {
  const event = (stream: string, type: string): RecordedEvent =>
    ({ stream, type }) as unknown as RecordedEvent;

  it('keeps events matching every given part: a stream prefix and an exact type', () => {
    const filter = { streamPrefixes: ['case-', 'portal-'], eventTypes: ['CaseRaised'] };
    expect(matchesEventFilter(event('case-1', 'CaseRaised'), filter)).toBe(true);
    expect(matchesEventFilter(event('case-1', 'CaseRaisedAgain'), filter)).toBe(false);
    expect(matchesEventFilter(event('user-1', 'CaseRaised'), filter)).toBe(false);
    expect(matchesEventFilter(event('user-1', 'Anything'), undefined)).toBe(true);
    expect(matchesEventFilter(event('user-1', 'Anything'), { streamPrefixes: [] })).toBe(false);
  });

  it('decides on the stored event, before decoding, so unwanted events never reach the upcasters', () => {
    const filter = { streamPrefixes: ['case-'] };
    expect(isWantedEvent(stored({ streamId: 'case-1' }), filter)).toBe(true);
    // A version no upcaster knows, in a stream the caller did not ask for: skipped, not an error.
    expect(isWantedEvent(stored({ streamId: 'other-1', version: 9 }), filter)).toBe(false);
    expect(isWantedEvent(stored({ streamId: '$ce-case', type: '$>' }), undefined)).toBe(false);
    expect(isWantedEvent({ commitPosition: 10n }, undefined)).toBe(false);
  });

  it('asks the server for one filter, stream prefixes first, system events excluded by default', () => {
    expect(toServerFilter({ streamPrefixes: ['case-'], eventTypes: ['CaseRaised'] })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['case-'],
    });
    expect(toServerFilter({ eventTypes: ['CaseRaised'] })).toMatchObject({
      filterOn: 'eventType',
      prefixes: ['CaseRaised'],
    });
    expect(toServerFilter(undefined)).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
  });
});
