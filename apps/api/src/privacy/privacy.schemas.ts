import { z } from 'zod';
import { named } from '../openapi/api-schemas';

export const eraseBody = z.strictObject({
  /** Why (the audit trail keeps it): a ticket or request reference, not the person's details. */
  reason: z.string().trim().min(1).max(500),
});
export type EraseBody = z.infer<typeof eraseBody>;

export const erasureAnswerSchema = named(
  'DataSubjectErasure',
  z.object({
    subjectId: z.uuid(),
    contactId: z.uuid().nullable(),
    portalUserIds: z.array(z.uuid()),
    /** Emails still waiting for the mailer, dropped. */
    droppedEmails: z.number().int(),
    /** Uploaded files whose blobs were deleted. */
    deletedFiles: z.number().int(),
  }),
);
export type ErasureAnswer = z.infer<typeof erasureAnswerSchema>;
