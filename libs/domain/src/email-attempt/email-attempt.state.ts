/** How many attempts a digest's stream holds; nothing is decided on it, it only counts. */
export interface EmailAttemptState {
  failedLogins: number;
  resetsNotIssued: number;
}

export const initialEmailAttemptState: EmailAttemptState = { failedLogins: 0, resetsNotIssued: 0 };
