import type { Me, PortalPublic } from '../api/portal-api.js';
import type { PortalBrand } from '../session/portal-brand-cache.js';

function logoOf(branding: { logoUrl?: unknown } | undefined): string | null {
  const logo = branding?.logoUrl;
  return typeof logo === 'string' ? logo : null;
}

/** Logged in: the portal's name and logo, in the user's own language if they chose one. */
export function brandOfMe(me: Me): PortalBrand {
  const language = typeof me.language === 'string' && me.language ? me.language : me.portal.settings.language;
  return { name: me.portal.name, logoUrl: logoOf(me.portal.branding), language };
}

/** Before login (GET /public): the portal's name, logo and language. */
export function brandOfPublic(portal: PortalPublic): PortalBrand {
  return { name: portal.name, logoUrl: logoOf(portal.branding), language: portal.language };
}
