import type { EmailAttemptEvent } from './email-attempt.events';
import type { EmailAttemptState } from './email-attempt.state';

export function evolveEmailAttempt(state: EmailAttemptState, event: EmailAttemptEvent): EmailAttemptState {
  switch (event.type) {
    case 'UnknownEmailLoginFailed':
      return { ...state, failedLogins: state.failedLogins + 1 };
    case 'PasswordResetNotIssued':
      return { ...state, resetsNotIssued: state.resetsNotIssued + 1 };
    default:
      return state;
  }
}
