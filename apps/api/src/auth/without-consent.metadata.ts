/** Route metadata: a portal session still owing the portal's consent may use this route. */
export const WITHOUT_CONSENT_METADATA = 'portal:without-consent';
