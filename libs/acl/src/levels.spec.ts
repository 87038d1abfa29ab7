import {
  ACCESS_LEVELS,
  includesLevel,
  isAccessLevel,
  isAction,
  isCreateLevel,
  isYesNo,
  widest,
} from './levels';

describe('levels', () => {
  it('orders no < own < contact < account < all', () => {
    expect(widest('own', 'account')).toBe('account');
    expect(widest('all', 'no')).toBe('all');
    expect(widest('contact', 'own')).toBe('contact');
    for (const a of ACCESS_LEVELS) {
      for (const b of ACCESS_LEVELS) {
        expect(widest(a, b)).toBe(widest(b, a));
        expect(includesLevel(widest(a, b), a) && includesLevel(widest(a, b), b)).toBe(true);
      }
    }
  });

  it('a level includes exactly itself and the narrower ones', () => {
    ACCESS_LEVELS.forEach((level, i) => {
      ACCESS_LEVELS.forEach((atLeast, j) => {
        expect(includesLevel(level, atLeast)).toBe(i >= j);
      });
    });
  });

  it('validates without a schema library', () => {
    expect(isAccessLevel('account')).toBe(true);
    expect(isAccessLevel('team')).toBe(false);
    expect(isAccessLevel(undefined)).toBe(false);
    expect(isCreateLevel('yes')).toBe(true);
    expect(isCreateLevel('own')).toBe(false);
    expect(isYesNo('no')).toBe(true);
    expect(isYesNo(true)).toBe(false);
    expect(isAction('stream')).toBe(true);
    expect(isAction('list')).toBe(false);
  });
});
