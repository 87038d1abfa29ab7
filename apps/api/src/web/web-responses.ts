import { isPortalSlug } from '@portal/domain';
import type { WebAsset, WebAssets } from './web-assets';

/** An answer of the web portal, independent of the HTTP framework. */
export interface WebResponse {
  status: 200 | 304 | 404;
  headers: Record<string, string>;
  body: Buffer | null;
}

/**
 * The page can only talk to this origin, shows in no one's frame, and sends no Referer: links from
 * emails carry one-time tokens in their query string.
 */
const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; " +
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-cache',
};

const NOT_FOUND: WebResponse = { status: 404, headers: {}, body: null };

function answer(
  asset: WebAsset,
  headers: Record<string, string>,
  ifNoneMatch: string | undefined,
): WebResponse {
  const common = { ...headers, etag: asset.etag };
  if (ifNoneMatch === asset.etag) return { status: 304, headers: common, body: null };
  return { status: 200, headers: { ...common, 'content-type': asset.contentType }, body: asset.body };
}

/** Any `/portal/{slug}/…` path: the one page (the browser routes); 404 for what cannot be a slug. */
export function portalPage(assets: WebAssets, slug: string, ifNoneMatch?: string): WebResponse {
  if (!isPortalSlug(slug)) return NOT_FOUND;
  return answer(assets.indexHtml, PAGE_HEADERS, ifNoneMatch);
}

/**
 * `/s/{token}`: the same page, which shows a shared record (the browser asks the API with the
 * token). Never cached by anyone, and no Referer leaves it: the token is in the path.
 */
export function sharedRecordPage(assets: WebAssets, ifNoneMatch?: string): WebResponse {
  return answer(assets.indexHtml, { ...PAGE_HEADERS, 'cache-control': 'no-store' }, ifNoneMatch);
}

/**
 * `/portal-assets/{path}`. `/portal-assets/<version>/…` never changes, so browsers keep it for good;
 * the bare path (asked for by a page from before a deploy) is revalidated every time.
 */
export function portalAsset(assets: WebAssets, path: string, ifNoneMatch?: string): WebResponse {
  const [first, ...rest] = path.split('/');
  const versioned = first === assets.version;
  const asset = assets.get(versioned ? rest.join('/') : path);
  if (!asset) return NOT_FOUND;
  return answer(
    asset,
    {
      'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    },
    ifNoneMatch,
  );
}
