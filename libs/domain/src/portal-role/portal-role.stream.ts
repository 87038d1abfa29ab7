export function portalRoleStream(roleId: string): string {
  return `portalRole-${roleId}`;
}
