import { deterministicEventId } from './delivery-events';

describe('deterministicEventId', () => {
  it('is a stable UUID per name', () => {
    const id = deterministicEventId('invitation-e1:EmailDelivered');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicEventId('invitation-e1:EmailDelivered')).toBe(id);
    expect(deterministicEventId('invitation-e1:EmailDeliveryFailed')).not.toBe(id);
  });
});
