import { ERASED, openSealed, REFERENCE_PREFIX, seal, type OwnerKey } from './field-cipher';

// Envelope v2: every personal value of one event that belongs to one owner is sealed together, as
// one AES-256-GCM ciphertext (one IV, one tag), so reading an event costs one decipher per owner
// instead of one per value (the cipher's setup, not the bytes, is what a value cost). Each value's
// place holds a reference `pii:v2:<owner>:<index>`, and the event's metadata holds the sealed list
// per owner under PERSONAL_DATA_KEY. The sealed list lives in the metadata, not in one of the
// values, because upcasters run before the privacy layer opens anything and may move or drop
// values of `data`, never the metadata. v1 envelopes (one ciphertext per value) stay readable.

/** The metadata key holding `{ [owner]: sealed list }` of an event with v2 references. */
export const PERSONAL_DATA_KEY = 'personalData';

export function isReference(value: string): boolean {
  return value.startsWith(REFERENCE_PREFIX);
}

export function reference(owner: string, index: number): string {
  return `${REFERENCE_PREFIX}${owner}:${index}`;
}

export function splitReference(value: string): { owner: string; index: number } {
  const colon = value.lastIndexOf(':');
  return { owner: value.slice(REFERENCE_PREFIX.length, colon), index: Number(value.slice(colon + 1)) };
}

/**
 * An owner's values of one event as one sealed string (the list as JSON, the owner as additional
 * data), and the values as opening it gives them back: parsed from that JSON, so strings of their
 * own, never the writer's (one cut from a larger string holds all of it, which a cache keeping the
 * values would hold unseen).
 */
export function sealOwnerValues(
  key: OwnerKey,
  values: readonly string[],
): { sealed: string; opened: readonly string[] } {
  const json = JSON.stringify(values);
  return { sealed: seal(key.cipherKey, json, key.listAad), opened: JSON.parse(json) as string[] };
}

/** The list sealOwnerValues sealed. Throws when tampered with (or sealed for another owner). */
export function openOwnerValues(key: OwnerKey, sealed: string): readonly string[] {
  const values: unknown = JSON.parse(openSealed(key.cipherKey, sealed, key.listAad));
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string'))
    throw new Error(`sealed personal data of ${key.owner} is not a list of values`);
  return values as string[];
}

/** The value a reference names in its owner's opened list (ERASED when the list could not be opened). */
export function referencedValue(values: readonly string[] | null, index: number, owner: string): string {
  if (values === null) return ERASED;
  const value = values[index];
  if (value === undefined) throw new Error(`no personal value ${index} of ${owner} in this event`);
  return value;
}
