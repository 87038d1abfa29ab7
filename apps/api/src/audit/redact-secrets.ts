/** Keys whose values may be secrets (tokenHash, password, clientSecret, …), whatever their case. */
const SECRET_KEY = /token|password|secret|hash/i;

export const REDACTED = '[redacted]';

/**
 * A deep copy of a JSON value with every secret replaced by "[redacted]": strings (and the strings
 * nested inside) under a key that names a secret. Numbers, booleans and null under such keys stay,
 * since they cannot hold a secret and auditors need them (`tokenLifetimeMinutes`, `hasPassword`).
 */
export function redactSecrets<T>(value: T): T {
  return redact(value, false) as T;
}

function redact(value: unknown, underSecretKey: boolean): unknown {
  if (typeof value === 'string') return underSecretKey ? REDACTED : value;
  if (Array.isArray(value)) return value.map((item) => redact(item, underSecretKey));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, nested] of Object.entries(value)) {
      copy[key] = redact(nested, underSecretKey || SECRET_KEY.test(key));
    }
    return copy;
  }
  return value;
}
