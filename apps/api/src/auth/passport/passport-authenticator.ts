import { Injectable } from '@nestjs/common';
import { Passport } from 'passport';
import type { Strategy } from 'passport';
import { ProblemException } from '../../http/problem';

/** What the @nestjs/passport mixin registers strategies with; ours register with the app's own instance. */
export const NO_GLOBAL_PASSPORT = { use: () => undefined };

/**
 * This app's own passport instance. The global one would be shared by every app in the process
 * (tests start several), and the last one started would verify the others' tokens.
 */
@Injectable()
export class PassportAuthenticator {
  private readonly passport = new Passport();

  use(name: string, strategy: Strategy): void {
    this.passport.use(name, strategy);
  }

  /** Runs a strategy on the request: its validated user, or a 401 problem for any bad token. */
  authenticate<User>(name: string, request: unknown, response: unknown): Promise<User> {
    return new Promise<User>((resolve, reject) => {
      const middleware = this.passport.authenticate(
        name,
        { session: false },
        (error: unknown, user: User | false | null) => {
          if (error) reject(error instanceof Error ? error : unauthorized());
          else if (!user) reject(unauthorized());
          else resolve(user);
        },
      ) as (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
      middleware(request, response, (error?: unknown) => reject(error ?? unauthorized()));
    });
  }
}

export function unauthorized(detail = 'A valid access token is required.'): ProblemException {
  return ProblemException.of(401, 'unauthorized', detail);
}
