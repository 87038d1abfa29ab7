const DIGEST = /^[0-9a-f]{64}$/;

/** `emailAttempt-<digest>`: one stream per email digest, as a real account has one per user. */
export function emailAttemptStream(emailDigest: string): string {
  if (!DIGEST.test(emailDigest)) throw new Error('An email attempt stream is named by a 64-hex digest');
  return `emailAttempt-${emailDigest}`;
}
