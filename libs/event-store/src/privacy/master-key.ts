import { hkdfSync } from 'node:crypto';

/**
 * The 32-byte master key that wraps every data key, from DATA_KEY (any string: HKDF-SHA256 makes it
 * a key, so a passphrase and 32 random bytes in base64 both work; the generated one is the latter).
 */
export function masterKeyFrom(secret: string): Buffer {
  if (secret.length === 0) throw new Error('DATA_KEY is empty');
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'crm-portal:data-key-wrapping', 32));
}
