import { hkdfSync } from 'node:crypto';

/**
 * A 32-byte key for one use, derived from the master secret (JWT_SECRET) with HKDF-SHA256, so that
 * signing JWTs and deriving one-time tokens never share a key.
 */
export function deriveKey(masterSecret: Buffer | string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterSecret, Buffer.alloc(0), `crm-portal:${purpose}`, 32));
}
