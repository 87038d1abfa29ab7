import { decideReleaseUniqueValue, decideReserveUniqueValue } from './reservation.decide';
import type { ReservationEvent } from './reservation.events';
import { given, problem, refusal } from './testing/reservation.scenario';

const reserved = (ownerId: string, value = 'customers'): ReservationEvent => ({
  type: 'UniqueValueReserved',
  data: { kind: 'portalSlug', value, ownerId },
});
const released = (ownerId: string, value = 'customers'): ReservationEvent => ({
  type: 'UniqueValueReleased',
  data: { kind: 'portalSlug', value, ownerId },
});

describe('decideReserveUniqueValue', () => {
  it('reserves a free value, normalised', () => {
    const events = decideReserveUniqueValue(
      { kind: 'portalSlug', value: '  Customers ', ownerId: 'p1' },
      given([]),
    );
    expect(events).toEqual([
      { type: 'UniqueValueReserved', data: { kind: 'portalSlug', value: 'customers', ownerId: 'p1' } },
    ]);
  });

  it('is a no-op when the same owner reserves again', () => {
    expect(
      decideReserveUniqueValue(
        { kind: 'portalSlug', value: 'customers', ownerId: 'p1' },
        given([reserved('p1')]),
      ),
    ).toEqual([]);
  });

  it.each([
    ['portalSlug', 'slug_taken', 'slug'],
    ['portalUserEmail', 'email_taken', 'email'],
    ['staffUserEmail', 'email_taken', 'email'],
    ['entityTypeName', 'name_taken', 'name'],
  ] as const)('refuses a %s held by another owner with %s (conflict)', (kind, code, path) => {
    const state = given([{ type: 'UniqueValueReserved', data: { kind, value: 'x', ownerId: 'a' } }]);
    const error = refusal(() => decideReserveUniqueValue({ kind, value: 'X', ownerId: 'b' }, state));
    expect(error.code).toBe(code);
    expect(error.kind).toBe('conflict');
    expect(error.errors).toEqual([{ path, message: 'is already in use' }]);
  });

  it('lets anyone reserve a value again once it was released', () => {
    const events = decideReserveUniqueValue(
      { kind: 'portalSlug', value: 'customers', ownerId: 'p2' },
      given([reserved('p1'), released('p1')]),
    );
    expect(events).toEqual([
      { type: 'UniqueValueReserved', data: { kind: 'portalSlug', value: 'customers', ownerId: 'p2' } },
    ]);
  });

  it('refuses an empty value with invalid_unique_value', () => {
    const error = refusal(() =>
      decideReserveUniqueValue({ kind: 'staffUserEmail', value: '  ', ownerId: 'u' }, given([])),
    );
    expect(error.code).toBe('invalid_unique_value');
    expect(error.kind).toBe('invalid');
  });
});

describe('decideReleaseUniqueValue', () => {
  it('releases a value held by the owner', () => {
    expect(
      decideReleaseUniqueValue(
        { kind: 'portalSlug', value: 'Customers', ownerId: 'p1' },
        given([reserved('p1')]),
      ),
    ).toEqual([released('p1')]);
  });

  it('is a no-op when nobody holds the value', () => {
    expect(
      decideReleaseUniqueValue({ kind: 'portalSlug', value: 'customers', ownerId: 'p1' }, given([])),
    ).toEqual([]);
    expect(
      decideReleaseUniqueValue(
        { kind: 'portalSlug', value: 'customers', ownerId: 'p1' },
        given([reserved('p1'), released('p1')]),
      ),
    ).toEqual([]);
  });

  it('refuses to release a value held by another owner with reservation_not_owned', () => {
    const error = refusal(() =>
      decideReleaseUniqueValue(
        { kind: 'portalSlug', value: 'customers', ownerId: 'p2' },
        given([reserved('p1')]),
      ),
    );
    expect(error.code).toBe('reservation_not_owned');
    expect(error.kind).toBe('conflict');
  });

  it('refuses an empty value with invalid_unique_value', () => {
    const error = refusal(() =>
      decideReleaseUniqueValue({ kind: 'portalSlug', value: '', ownerId: 'p1' }, given([])),
    );
    expect(error.code).toBe('invalid_unique_value');
  });
});

describe('reservations: what each refusal tells', () => {
  it('tells which field is empty, is in use, or is held by another owner', () => {
    expect(
      problem(() => decideReserveUniqueValue({ kind: 'portalSlug', value: ' ', ownerId: 'p1' }, given([]))),
    ).toEqual({
      code: 'invalid_unique_value',
      kind: 'invalid',
      message: 'An empty slug cannot be reserved',
      errors: [{ path: 'slug', message: 'must not be empty' }],
    });
    expect(
      problem(() =>
        decideReserveUniqueValue(
          { kind: 'portalSlug', value: 'customers', ownerId: 'p2' },
          given([reserved('p1')]),
        ),
      ).message,
    ).toBe('This slug is already in use');
    expect(
      problem(() =>
        decideReleaseUniqueValue(
          { kind: 'portalSlug', value: 'customers', ownerId: 'p2' },
          given([reserved('p1')]),
        ),
      ),
    ).toEqual({
      code: 'reservation_not_owned',
      kind: 'conflict',
      message: 'This slug is held by another owner',
      errors: [],
    });
  });

  it('refuses to release an empty value', () => {
    expect(
      refusal(() => decideReleaseUniqueValue({ kind: 'entityTypeName', value: '', ownerId: 'x' }, given([])))
        .errors,
    ).toEqual([{ path: 'name', message: 'must not be empty' }]);
  });
});
