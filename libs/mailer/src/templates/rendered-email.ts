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

/** What a case email needs: who, which portal, the case page's link and what may be said of the case. */
export interface CaseEmailContext {
  portal: EmailContext['portal'];
  recipient: EmailContext['recipient'];
  locale: string;
  /** The case's page in the portal; built from PUBLIC_URL only. */
  link: string;
  /** Undefined where the recipient's roles hide the name. */
  caseName: string | undefined;
}
