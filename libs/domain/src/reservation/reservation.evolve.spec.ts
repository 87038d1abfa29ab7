import { evolveReservation } from './reservation.evolve';
import { initialReservationState } from './reservation.state';

describe('evolveReservation', () => {
  it('records the owner on reserve and clears it on release', () => {
    const data = { kind: 'portalSlug' as const, value: 'customers', ownerId: 'p1' };
    const held = evolveReservation(initialReservationState, { type: 'UniqueValueReserved', data });
    expect(held).toEqual({ ownerId: 'p1' });
    expect(evolveReservation(held, { type: 'UniqueValueReleased', data })).toEqual({ ownerId: null });
  });
});
