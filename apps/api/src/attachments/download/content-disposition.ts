/**
 * `Content-Disposition: attachment` with the name twice (RFC 6266): `filename` in ASCII for old
 * clients (anything else as `_`, quotes and backslashes dropped) and `filename*` in UTF-8,
 * percent-encoded (RFC 8187). Always `attachment`: no uploaded file is ever shown inline.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
