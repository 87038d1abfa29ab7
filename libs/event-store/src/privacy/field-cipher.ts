import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM from node:crypto for both jobs: a personal value under its owner's data key, and a
// data key under the master key. GCM authenticates: a value moved to another owner, or a key
// unwrapped with another master key, fails instead of decrypting to garbage.

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a field read shows once its owner's key is gone. */
export const ERASED = '[erased]';

/** Prefix of an encrypted value: `pii:v1:<owner>:<base64url(iv | ciphertext | tag)>`. */
export const ENVELOPE_PREFIX = 'pii:v1:';

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value too short');
  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
    decipher.final(),
  ]);
}

/** A new random 256-bit data key. */
export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** The data key under the master key, bound to its owner (a wrapped key copied to another owner fails). */
export function wrapDataKey(masterKey: Buffer, owner: string, dataKey: Buffer): string {
  return seal(masterKey, dataKey, `data-key:${owner}`);
}

export function unwrapDataKey(masterKey: Buffer, owner: string, wrapped: string): Buffer {
  return open(masterKey, wrapped, `data-key:${owner}`);
}

export function isEnvelope(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);
}

/** A personal value as stored: encrypted under its owner's data key, the owner named in clear. */
export function encryptValue(dataKey: Buffer, owner: string, plaintext: string): string {
  return `${ENVELOPE_PREFIX}${owner}:${seal(dataKey, Buffer.from(plaintext, 'utf8'), owner)}`;
}

/** An envelope whose owner was already erased when it was written: reads as ERASED, holds nothing. */
export function erasedEnvelope(owner: string): string {
  return `${ENVELOPE_PREFIX}${owner}:`;
}

/** The owner named in an envelope. */
export function ownerOfEnvelope(envelope: string): string {
  return envelope.slice(ENVELOPE_PREFIX.length, envelope.lastIndexOf(':'));
}

export function decryptValue(dataKey: Buffer, envelope: string): string {
  const owner = ownerOfEnvelope(envelope);
  const sealed = envelope.slice(envelope.lastIndexOf(':') + 1);
  if (sealed.length === 0) return ERASED;
  return open(dataKey, sealed, owner).toString('utf8');
}
