import type { ApiClient, ApiResponse } from './http-client';

/** The parent span id the tracing tests send in their caller's `traceparent`. */
export const CALLER_SPAN_ID = '00f067aa0ba902b7';

/**
 * Creates a portal and invites a user to it, the invitation sent in the caller's W3C trace context
 * `traceId` (its parent span CALLER_SPAN_ID): the request the tracing tests follow to the email.
 */
export async function inviteInTrace(
  http: ApiClient,
  token: string,
  who: { slug: string; email: string; traceId: string },
): Promise<{ portal: ApiResponse; created: ApiResponse }> {
  const portal = await http.post('/v1/portals', { name: who.slug, slug: who.slug }, { token });
  const created = await http.post(
    '/v1/portal-users',
    {
      email: who.email,
      firstName: 'Traced',
      lastName: 'User',
      portalIds: [portal.json?.id],
      sendInvitation: true,
    },
    { token, headers: { traceparent: `00-${who.traceId}-${CALLER_SPAN_ID}-01` } },
  );
  return { portal, created };
}
