import { createHash } from 'node:crypto';
import { normaliseStaffUserEmail } from '@portal/domain';

/** The same email gives the same id (an RFC 9562 v8 UUID) in every process and on every start. */
export function bootstrapAdminId(email: string): string {
  const hex = createHash('sha256')
    .update(`bootstrap-admin\u0000${normaliseStaffUserEmail(email)}`)
    .digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
