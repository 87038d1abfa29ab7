/** The short names people know file types by; the same in every language the portal speaks. */
const NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/zip': 'ZIP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'text/plain': 'TXT',
};

/** `application/pdf` → `PDF`; a type without a name → its subtype in capitals (`image/tiff` → `TIFF`). */
export function fileTypeName(contentType: string): string {
  const bare = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const known = NAMES[bare];
  if (known) return known;
  const subtype = bare.split('/')[1] ?? '';
  return subtype ? subtype.replace(/^(x-|vnd\.)/, '').toUpperCase() : contentType;
}
