export function portalStream(portalId: string): string {
  return `portal-${portalId}`;
}
