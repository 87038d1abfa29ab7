import { hasSupportPeriodEnded, isWithinSupportPeriod } from './portal-user.support-period';
import { created, given, stateAfter } from './testing/portal-user.scenario';
import type { PortalUserState } from './portal-user.state';

const period = { type: 'SupportPeriodSet', data: { start: '2026-03-01', end: '2026-03-31' } } as const;

describe('SetSupportPeriod', () => {
  it('sets a period', () => {
    expect(
      given(created()).when({ type: 'SetSupportPeriod', start: '2026-03-01', end: '2026-03-31' }),
    ).toEqual({
      events: [period],
    });
  });

  it('accepts a one-day period', () => {
    expect(
      given(created()).when({ type: 'SetSupportPeriod', start: '2026-03-01', end: '2026-03-01' }),
    ).toMatchObject({
      events: [{ type: 'SupportPeriodSet' }],
    });
  });

  it('is a no-op for the same period', () => {
    expect(
      given(created(), period).when({ type: 'SetSupportPeriod', start: '2026-03-01', end: '2026-03-31' }),
    ).toEqual({
      events: [],
    });
  });

  it('refuses an end before the start', () => {
    expect(
      given(created()).when({ type: 'SetSupportPeriod', start: '2026-03-02', end: '2026-03-01' }),
    ).toEqual({
      refused: {
        code: 'invalid_support_period',
        kind: 'invalid',
        errors: [{ path: 'end', message: 'must not be before start' }],
      },
    });
  });

  it('refuses dates that are not calendar dates', () => {
    expect(
      given(created()).when({ type: 'SetSupportPeriod', start: '2026-02-30', end: '2026-03-01T00:00' }),
    ).toEqual({
      refused: {
        code: 'invalid_support_period',
        kind: 'invalid',
        errors: [
          { path: 'start', message: 'must be a date YYYY-MM-DD' },
          { path: 'end', message: 'must be a date YYYY-MM-DD' },
        ],
      },
    });
  });

  it('refuses a user that does not exist', () => {
    expect(given().when({ type: 'SetSupportPeriod', start: '2026-03-01', end: '2026-03-31' })).toMatchObject({
      refused: { code: 'portal_user_not_found' },
    });
  });
});

describe('ClearSupportPeriod', () => {
  it('clears a period', () => {
    expect(given(created(), period).when({ type: 'ClearSupportPeriod' })).toEqual({
      events: [{ type: 'SupportPeriodCleared', data: {} }],
    });
    expect(
      stateAfter(created(), period, { type: 'SupportPeriodCleared', data: {} }).supportPeriod,
    ).toBeNull();
  });

  it('is a no-op without a period', () => {
    expect(given(created()).when({ type: 'ClearSupportPeriod' })).toEqual({ events: [] });
  });
});

describe('isWithinSupportPeriod', () => {
  // Folded inside each test (beforeEach), so mutation testing attributes the fold to the tests.
  let state: PortalUserState;
  beforeEach(() => {
    state = stateAfter(created(), period);
  });

  it.each([
    ['2026-02-28T23:59:59.999Z', false],
    ['2026-03-01T00:00:00.000Z', true],
    ['2026-03-15T10:00:00.000Z', true],
    ['2026-03-31T23:59:59.999Z', true],
    ['2026-04-01T00:00:00.000Z', false],
  ])('at %s: %s (UTC days, both ends inclusive)', (now, expected) => {
    expect(isWithinSupportPeriod(state, now)).toBe(expected);
  });

  it('reads a time with an offset as the UTC instant it names', () => {
    expect(isWithinSupportPeriod(state, '2026-04-01T00:30:00+01:00')).toBe(true);
  });

  it('is always true without a period', () => {
    expect(isWithinSupportPeriod(stateAfter(created()), '1999-01-01T00:00:00.000Z')).toBe(true);
  });

  it('says the period has ended only after its last day', () => {
    expect(hasSupportPeriodEnded(state, '2026-03-31T23:00:00.000Z')).toBe(false);
    expect(hasSupportPeriodEnded(state, '2026-04-01T00:00:00.000Z')).toBe(true);
    expect(hasSupportPeriodEnded(state, '2026-02-01T00:00:00.000Z')).toBe(false);
  });
});
