import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP's minimum argon2id configuration (19 MiB, 2 passes, 1 lane). */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** argon2id hashing; the only place a plain password is handled after validation. */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the time of a real verification for a user that does not exist, so the answer time does
   * not tell whether an email is known.
   */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash('not a password of anyone');
    await this.verify(await this.dummy, password);
    return false;
  }
}
