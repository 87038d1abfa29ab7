/** A failure that no retry can fix: the email is recorded as failed and never tried again. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/**
 * The recipient or portal is not (yet) known where the mailer looks it up (a lagging store, a
 * replica): temporary, so the job is retried with backoff rather than failed for good.
 */
export class NotKnownYetError extends Error {
  override readonly name = 'NotKnownYetError';
}

export interface DeliveryFailure {
  permanent: boolean;
  /** For the EmailDeliveryFailed event and the log: SMTP reply or error code, never a link. */
  reason: string;
}

interface SmtpLikeError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

/**
 * SMTP 5xx (and our own PermanentDeliveryError) is permanent; SMTP 4xx, refused or dropped
 * connections, timeouts and anything unknown are temporary, so BullMQ retries them.
 */
export function classifyDeliveryError(error: unknown): DeliveryFailure {
  if (error instanceof PermanentDeliveryError) return { permanent: true, reason: error.message };
  if (error instanceof NotKnownYetError) return { permanent: false, reason: error.message };
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpLikeError;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const reply = typeof e.response === 'string' ? e.response : undefined;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const reason = [code, reply ?? message].filter(Boolean).join(': ').slice(0, 500);
  if (responseCode !== undefined) return { permanent: responseCode >= 500, reason };
  // nodemailer refuses a message without a valid recipient before talking to the server.
  if (code === 'EENVELOPE') return { permanent: true, reason };
  return { permanent: false, reason };
}
