/** The portal's address for portal users: `PUBLIC_URL/portal/<slug>`. */
export function portalUrl(publicUrl: string, slug: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portal/${encodeURIComponent(slug)}`;
}
