import type { PortalDoc } from '@portal/read-models';
import { z } from 'zod';
import { named } from '../../openapi/api-schemas';

const text = z.string().nullable();

/**
 * What a sign-in page may know of a portal before anyone logs in: its name, language and how it
 * looks. An allowlist: ids, roles, assignees, limits, counts and staff-only settings stay out, and
 * so does any branding key added later until it is named here.
 */
export const portalPublicSchema = named(
  'PortalPublic',
  z.strictObject({
    slug: z.string(),
    name: z.string(),
    language: z.string(),
    branding: z.strictObject({
      logoUrl: text,
      primaryColor: text,
      companyName: text,
    }),
    consent: z
      .strictObject({ version: z.string(), url: text })
      .nullable()
      .describe("The terms' version a user accepts to use the portal (on the consent page); null: none"),
  }),
);
export type PortalPublic = z.infer<typeof portalPublicSchema>;

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function portalPublicView(portal: PortalDoc): PortalPublic {
  const branding = portal.branding ?? {};
  return {
    slug: portal.slug,
    name: portal.name,
    language: portal.settings.language,
    branding: {
      logoUrl: textOrNull(branding.logoUrl),
      primaryColor: textOrNull(branding.primaryColor),
      companyName: textOrNull(branding.companyName),
    },
    consent: portal.settings.consentVersion
      ? { version: portal.settings.consentVersion, url: portal.settings.consentUrl ?? null }
      : null,
  };
}
