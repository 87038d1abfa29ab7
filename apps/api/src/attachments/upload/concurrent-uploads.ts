import { ProblemException } from '../../http/problem';

/** Uploads one user may have in flight at once in this process; more is 429. */
export const MAX_CONCURRENT_UPLOADS = 3;

/**
 * Counts the uploads in flight per user (staff or portal user), so one client cannot hold every
 * connection and disk stream of the process. A slot is taken before the body is read and given
 * back when the request ends, whatever happened.
 */
export class ConcurrentUploads {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limit = MAX_CONCURRENT_UPLOADS) {}

  async run<T>(userKey: string, upload: () => Promise<T>): Promise<T> {
    const current = this.inFlight.get(userKey) ?? 0;
    if (current >= this.limit) {
      throw ProblemException.of(
        429,
        'too_many_uploads',
        `At most ${this.limit} uploads at once; wait for one to finish.`,
      );
    }
    this.inFlight.set(userKey, current + 1);
    try {
      return await upload();
    } finally {
      const left = (this.inFlight.get(userKey) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(userKey);
      else this.inFlight.set(userKey, left);
    }
  }
}
