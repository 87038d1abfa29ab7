export function staffUserStream(staffUserId: string): string {
  return `staffUser-${staffUserId}`;
}
