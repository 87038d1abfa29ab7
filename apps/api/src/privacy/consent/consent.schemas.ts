import { z } from 'zod';
import { named } from '../../openapi/api-schemas';
import { isoTime, listAnswerSchema } from '../../openapi/shared-answers';

const version = z.string().min(1).max(64);

export const giveConsentBody = z.strictObject({
  /** The version of the portal's terms accepted: the one the portal requires now. */
  version,
});
export type GiveConsentBody = z.infer<typeof giveConsentBody>;

export const consentVersionParam = version;

export const consentSchema = named(
  'Consent',
  z.object({
    portalId: z.uuid(),
    version: z.string(),
  }),
);
export type ConsentAnswer = z.infer<typeof consentSchema>;

export const consentEntrySchema = named(
  'ConsentEntry',
  z.object({
    id: z.string(),
    portalUserId: z.uuid(),
    portalId: z.uuid(),
    version: z.string(),
    action: z.enum(['given', 'withdrawn']),
    at: isoTime,
  }),
);

export const consentListSchema = listAnswerSchema('ConsentList', consentEntrySchema);
