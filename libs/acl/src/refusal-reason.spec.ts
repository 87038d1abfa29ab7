import { REFUSAL_MESSAGES, type RefusalReason } from './refusal-reason';

// Every reason the admin's access endpoint can give, written out here: the messages are what an
// admin reads, so each must exist, say something, and not be confused with another.
const REASONS: RefusalReason[] = [
  'wrong_portal',
  'not_in_tab_list',
  'wrong_entity_type',
  'deleted',
  'internal',
  'record_criteria',
  'not_published',
  'not_in_portal',
  'no_access',
  'level_too_narrow',
  'not_readable',
];

describe('REFUSAL_MESSAGES', () => {
  it('has a message for exactly the refusal reasons', () => {
    expect(Object.keys(REFUSAL_MESSAGES).sort()).toEqual([...REASONS].sort());
  });

  it.each(REASONS)('%s has a sentence of its own', (reason) => {
    const message = REFUSAL_MESSAGES[reason];
    expect(message).toMatch(/^[A-Z].{10,}\.$/);
    const others = REASONS.filter((r) => r !== reason).map((r) => REFUSAL_MESSAGES[r]);
    expect(others).not.toContain(message);
  });
});
