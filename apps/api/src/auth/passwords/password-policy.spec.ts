import { MAX_PASSWORD_LENGTH, newPasswordSchema, passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a password of ten characters or more with some variety', () => {
    expect(passwordProblems('correct horse')).toEqual([]);
    expect(passwordProblems('abcdefghij')).toEqual([]);
  });

  it('refuses one shorter than ten characters', () => {
    expect(passwordProblems('abcdefghi')).toEqual(['must be at least 10 characters long']);
  });

  it('counts characters, not UTF-16 units', () => {
    // Five emoji are ten UTF-16 units but five characters.
    expect(passwordProblems('😀😁😂🤣😃')).toContain('must be at least 10 characters long');
  });

  it('refuses a single repeated character and only blanks', () => {
    expect(passwordProblems('aaaaaaaaaaaa')).toEqual(['must not repeat a single character']);
    expect(passwordProblems('   \t   \t   ')).toEqual(['must not be only blanks']);
  });

  it('refuses a password longer than the maximum', () => {
    expect(passwordProblems('ab'.repeat(MAX_PASSWORD_LENGTH))).toEqual([
      `must be at most ${MAX_PASSWORD_LENGTH} characters long`,
    ]);
  });
});

describe('newPasswordSchema', () => {
  it('reports each problem as an issue of the password itself', () => {
    const result = newPasswordSchema.safeParse('bbbb');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'must be at least 10 characters long',
      'must not repeat a single character',
    ]);
  });
});
