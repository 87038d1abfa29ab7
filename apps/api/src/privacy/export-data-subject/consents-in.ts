/** A consent the subject gave or withdrew, as their portal user's stream records it. */
export interface ConsentEntry {
  portalUserId: string;
  event: string;
  portalId: unknown;
  version: unknown;
  at: string;
}

/**
 * The consent events of one portal user's stream (ConsentGiven / ConsentWithdrawn, each with the
 * portal and the text's version). The export's extension point for consent: any event type of the
 * consent feature named `Consent…` on the portal user's stream is listed here as it was recorded.
 */
export function consentsIn(
  portalUserId: string,
  events: readonly {
    type: string;
    data: Record<string, unknown>;
    metadata: { timestamp?: unknown };
    recordedAt: string;
  }[],
): ConsentEntry[] {
  return events
    .filter((event) => event.type.startsWith('Consent'))
    .map((event) => ({
      portalUserId,
      event: event.type,
      portalId: event.data.portalId ?? null,
      version: event.data.version ?? null,
      at: typeof event.metadata.timestamp === 'string' ? event.metadata.timestamp : event.recordedAt,
    }));
}
