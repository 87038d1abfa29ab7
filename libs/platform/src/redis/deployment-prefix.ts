/**
 * The Redis key prefix of one deployment: QUEUE_PREFIX when set, else derived from the event
 * store's identity, so services sharing one Redis never take each other's jobs or share counters.
 */
export async function deploymentPrefix(
  explicitPrefix: string | undefined,
  storeIdentity: () => Promise<string>,
): Promise<string> {
  if (explicitPrefix) return explicitPrefix;
  return `portal-${(await storeIdentity()).replace(/-/g, '')}`;
}
