/** `shareLink-<linkId>`: one stream per link. */
export function shareLinkStream(linkId: string): string {
  return `shareLink-${linkId}`;
}
