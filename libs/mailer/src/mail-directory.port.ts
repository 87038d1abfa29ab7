// Who an email goes to and on behalf of which portal. A port, so the mailer can read these from the
// event store today and from a read model later without touching the pipeline.

export interface MailBranding {
  /** A CSS hex colour (#rgb or #rrggbb) for the button and heading; anything else is ignored. */
  primaryColor?: string;
  /** An https URL of the portal's logo. */
  logoUrl?: string;
}

export interface MailPortal {
  id: string;
  name: string;
  slug: string;
  /** The portal's language setting, e.g. `en_US`; the templates fall back to English. */
  language?: string;
  timeZone?: string;
  branding?: MailBranding;
}

export interface MailRecipient {
  id: string;
  email: string;
  firstName?: string;
  lastName?: string;
  language?: string;
  /** Portals the user belongs to, oldest first: the fallback portal for mails that name none. */
  portalIds: string[];
  /** Processing of their data is restricted (a data subject's right): they are sent nothing. */
  restricted?: boolean;
}

export interface MailDirectory {
  portal(portalId: string): Promise<MailPortal | undefined>;
  portalUser(portalUserId: string): Promise<MailRecipient | undefined>;
}
