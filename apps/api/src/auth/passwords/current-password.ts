import { Injectable } from '@nestjs/common';
import type { PortalUserState } from '@portal/domain';
import { isProblem, ProblemException } from '../../http/problem';
import { CredentialStore } from './credential-store';

/**
 * A portal user's current password, asked again before a change that takes over the account (the
 * login email). Costs the same hashing time whether or not the user has a password; the password
 * is only compared, never stored or logged. The caller rate-limits the guesses.
 */
@Injectable()
export class CurrentPassword {
  constructor(private readonly credentials: CredentialStore) {}

  /** 403 `password_incorrect` unless `password` is the user's current one. */
  async confirm(state: PortalUserState, password: string): Promise<void> {
    const correct =
      state.exists && state.hasPassword
        ? await this.credentials.verify({ kind: 'portalUser', id: state.id }, password)
        : await this.credentials.verifyNothing(password);
    if (!correct) throw passwordIncorrect();
  }
}

export function passwordIncorrect(): ProblemException {
  return ProblemException.of(403, 'password_incorrect', 'The current password is not correct.');
}

/** True for the refusal CurrentPassword gives: the one answer that counts as a password guess. */
export function isPasswordIncorrect(error: unknown): boolean {
  return isProblem(error, 'password_incorrect');
}
