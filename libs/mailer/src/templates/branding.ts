const DEFAULT_COLOR = '#2563eb';

/** Branding comes from portal settings: only a plain hex colour and an https logo get into the HTML. */
export function brandColor(color: string | undefined): string {
  return color && /^#(?:[0-9a-fA-F]{3}){1,2}$/.test(color) ? color : DEFAULT_COLOR;
}

export function logoUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
