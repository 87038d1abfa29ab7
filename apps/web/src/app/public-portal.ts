import { ApiError } from '../api/problem-document.js';
import type { PortalApi } from '../api/portal-api.js';
import type { PortalBrand } from '../session/portal-brand-cache.js';
import { brandOfPublic } from './portal-brand.js';

/** What GET /public told: the portal's brand, that there is no such active portal, or nothing (unreachable). */
export type PublicPortal =
  { kind: 'available'; brand: PortalBrand } | { kind: 'unavailable' } | { kind: 'unknown' };

/**
 * Asks the API once per page load which portal this is, for the pages shown before login. An
 * answer that did not come (network, server error) is asked again on the next page.
 */
export class PublicPortalLookup {
  private answer: Promise<PublicPortal> | null = null;

  constructor(private readonly api: PortalApi) {}

  load(): Promise<PublicPortal> {
    this.answer ??= this.ask().then((found) => {
      if (found.kind === 'unknown') this.answer = null;
      return found;
    });
    return this.answer;
  }

  private async ask(): Promise<PublicPortal> {
    try {
      return { kind: 'available', brand: brandOfPublic(await this.api.publicInfo()) };
    } catch (error) {
      // 404: unknown or inactive (the API does not say which); 400: not even a slug.
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        return { kind: 'unavailable' };
      }
      return { kind: 'unknown' };
    }
  }
}
