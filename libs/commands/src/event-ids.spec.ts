import { eventId } from './event-ids';

describe('eventId', () => {
  // Pinned: a command retried across a deploy must get the ids its first attempt stored.
  it('derives the same id as ever from the command id, stream and index', () => {
    expect(eventId('7d3c1a52-0b9e-4c61-9f7e-2a5d8c4b1e90', 'record-Case-1', 0)).toBe(
      '76304dc3-07cb-8bf6-b73b-269cc1ae72f8',
    );
  });

  it('differs by stream and by index, and is a version 8 UUID', () => {
    const ids = [eventId('c', 's', 0), eventId('c', 's', 1), eventId('c', 't', 0)];
    expect(new Set(ids).size).toBe(3);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
