import { isStaffUserEmail, normaliseStaffUserEmail } from './staff-user.email';
import { staffUserStream } from './staff-user.stream';

describe('staff user stream and email', () => {
  it('names the stream staffUser-<id>', () => {
    expect(staffUserStream('42')).toBe('staffUser-42');
  });

  it('normalises emails to trimmed lowercase', () => {
    expect(normaliseStaffUserEmail('  Ada@Example.ORG ')).toBe('ada@example.org');
    expect(isStaffUserEmail('ada@example.org')).toBe(true);
    expect(isStaffUserEmail(`${'a'.repeat(250)}@x.io`)).toBe(false);
  });
});
