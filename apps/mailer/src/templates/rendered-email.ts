export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** What every template needs: who, which portal, which link. */
export interface EmailContext {
  portal: {
    name: string;
    slug: string;
    timeZone?: string;
    branding?: { primaryColor?: string; logoUrl?: string };
  };
  recipient: { firstName?: string; lastName?: string };
  locale: string;
  /** The full link with its token; built from PUBLIC_URL only. */
  link: string;
  expiresAt: string;
}
