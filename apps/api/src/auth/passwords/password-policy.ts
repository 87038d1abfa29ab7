import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing it costs nothing extra. */
export const MAX_PASSWORD_LENGTH = 256;

/** Why a password is refused (empty when it is acceptable). Pure. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  if (length > MAX_PASSWORD_LENGTH) problems.push(`must be at most ${MAX_PASSWORD_LENGTH} characters long`);
  if (length > 0 && new Set(password).size === 1) problems.push('must not repeat a single character');
  if (password.trim().length === 0 && length > 0) problems.push('must not be only blanks');
  return problems;
}

/** A new password in a request body: refused with 400 and the path `/password`. */
export const newPasswordSchema = z.string().superRefine((password, ctx) => {
  for (const message of passwordProblems(password)) ctx.addIssue({ code: 'custom', message });
});

/** A password presented to log in: only bounded, never judged (old passwords stay valid). */
export const presentedPasswordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH);
