import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  randomBytes,
  randomFillSync,
  type DecipherGCM,
  type KeyObject,
} from 'node:crypto';

// AES-256-GCM from node:crypto for both jobs: a personal value under its owner's data key, and a
// data key under the master key. GCM authenticates: a value moved to another owner, or a key
// unwrapped with another master key, fails instead of decrypting to garbage.

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a field read shows once its owner's key is gone. */
export const ERASED = '[erased]';

/** Prefix of a value encrypted alone (v1): `pii:v1:<owner>:<base64url(iv | ciphertext | tag)>`. */
export const ENVELOPE_PREFIX = 'pii:v1:';

/**
 * IVs come from a pool of random bytes refilled 1,024 IVs at a time: one call into OpenSSL's CSPRNG
 * per refill instead of one per value. Each 12-byte slice is handed out once and copied into the
 * cipher and the sealed value before the pool is refilled (all synchronous), so no IV repeats.
 */
const ivPool = Buffer.allocUnsafe(IV_BYTES * 1024);
let ivOffset = ivPool.length;

function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return ivPool.subarray(ivOffset - IV_BYTES, ivOffset);
}

/**
 * Where a sealed value's bytes are put together before they are encoded (one buffer reused, grown
 * when a value needs more): Buffer.concat would allocate a buffer per value only to encode it.
 */
let sealedBytes = Buffer.allocUnsafe(1024);

export function seal(key: Buffer | KeyObject, plaintext: string | Buffer, aad: Buffer): string {
  const iv = nextIv();
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = typeof plaintext === 'string' ? cipher.update(plaintext, 'utf8') : cipher.update(plaintext);
  const tail = cipher.final();
  const length = IV_BYTES + body.length + tail.length + TAG_BYTES;
  if (sealedBytes.length < length) sealedBytes = Buffer.allocUnsafe(Math.max(length, 2 * sealedBytes.length));
  iv.copy(sealedBytes, 0);
  body.copy(sealedBytes, IV_BYTES);
  tail.copy(sealedBytes, IV_BYTES + body.length);
  cipher.getAuthTag().copy(sealedBytes, length - TAG_BYTES);
  return sealedBytes.toString('base64url', 0, length);
}

/** A decipher set up for a sealed value (IV, additional data, tag), and the ciphertext to feed it. */
function opening(
  key: Buffer | KeyObject,
  sealed: string,
  aad: Buffer,
): { decipher: DecipherGCM; body: Buffer } {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value too short');
  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(aad);
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return { decipher, body: bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES) };
}

/**
 * The plaintext as UTF-8 text. Decoded from the bytes once the tag has been checked (final), not by
 * the decipher: asked for text, it makes a StringDecoder for every value, which cost more.
 */
export function openSealed(key: Buffer | KeyObject, sealed: string, aad: Buffer): string {
  const { decipher, body } = opening(key, sealed, aad);
  const head = decipher.update(body);
  const tail = decipher.final();
  return (tail.length === 0 ? head : Buffer.concat([head, tail])).toString('utf8');
}

function openBytes(key: Buffer, sealed: string, aad: Buffer): Buffer {
  const { decipher, body } = opening(key, sealed, aad);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/** Prefix of a reference to a value of an owner's sealed list (v2, owner-values.ts): `pii:v2:<owner>:<index>`. */
export const REFERENCE_PREFIX = 'pii:v2:';

/**
 * An owner's unwrapped data key with what every value under it needs, prepared once when the key is
 * unwrapped: the key as a KeyObject (node:crypto then skips preparing raw key bytes on every
 * cipher), and the additional data of each envelope version, already Buffers.
 */
export interface OwnerKey {
  readonly owner: string;
  readonly cipherKey: KeyObject;
  /** Additional data of a v1 envelope (one value): the owner. */
  readonly aad: Buffer;
  /** Additional data of a v2 sealed list (owner-values.ts): `pii:v2:<owner>`, so neither passes for the other. */
  readonly listAad: Buffer;
}

export function ownerKey(owner: string, key: Buffer): OwnerKey {
  return {
    owner,
    cipherKey: createSecretKey(key),
    aad: Buffer.from(owner, 'utf8'),
    listAad: Buffer.from(`${REFERENCE_PREFIX}${owner}`, 'utf8'),
  };
}

/** A new random 256-bit data key. */
export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** The data key under the master key, bound to its owner (a wrapped key copied to another owner fails). */
export function wrapDataKey(masterKey: Buffer, owner: string, dataKey: Buffer): string {
  return seal(masterKey, dataKey, Buffer.from(`data-key:${owner}`, 'utf8'));
}

export function unwrapDataKey(masterKey: Buffer, owner: string, wrapped: string): Buffer {
  return openBytes(masterKey, wrapped, Buffer.from(`data-key:${owner}`, 'utf8'));
}

/** A v1 envelope: one value encrypted alone. */
export function isEnvelope(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);
}

/** Any stored form of a personal value: a v1 envelope or a v2 reference (`pii:v2:`, owner-values.ts). */
export function isSealedValue(value: unknown): value is string {
  return (
    typeof value === 'string' && (value.startsWith(ENVELOPE_PREFIX) || value.startsWith(REFERENCE_PREFIX))
  );
}

/** A personal value as stored: encrypted under its owner's data key, the owner named in clear. */
export function encryptValue(key: OwnerKey, plaintext: string): string {
  return `${ENVELOPE_PREFIX}${key.owner}:${seal(key.cipherKey, plaintext, key.aad)}`;
}

/** An envelope whose owner was already erased when it was written: reads as ERASED, holds nothing. */
export function erasedEnvelope(owner: string): string {
  return `${ENVELOPE_PREFIX}${owner}:`;
}

/** The owner named in an envelope or a v2 reference (both `pii:vN:<owner>:<rest without a colon>`). */
export function ownerOfEnvelope(envelope: string): string {
  return envelope.slice(ENVELOPE_PREFIX.length, envelope.lastIndexOf(':'));
}

/** An envelope's owner and its sealed part (empty: written after the owner was erased). */
export function splitEnvelope(envelope: string): { owner: string; sealed: string } {
  const colon = envelope.lastIndexOf(':');
  return { owner: envelope.slice(ENVELOPE_PREFIX.length, colon), sealed: envelope.slice(colon + 1) };
}

/**
 * Opens the sealed part of an envelope with the key of the owner it names (the owner is bound as
 * additional data, so another owner's key fails rather than decrypts).
 */
export function decryptSealed(key: OwnerKey, sealed: string): string {
  return sealed.length === 0 ? ERASED : openSealed(key.cipherKey, sealed, key.aad);
}
