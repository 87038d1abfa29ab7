/**
 * Reads a key of a plain map only when the map itself holds it: entity-type and field names come
 * from admins and users, and a name such as `constructor` must not resolve to Object.prototype.
 */
export function ownEntry<T>(map: Record<string, T> | undefined | null, key: string): T | undefined {
  if (map === null || typeof map !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** Sets a key on a plain object even when the key is `__proto__`. */
export function setEntry<T>(map: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}
