import { z } from 'zod';
import { newPasswordSchema, presentedPasswordSchema } from '../passwords/password-policy';
import { named } from '../../openapi/api-schemas';

const email = z.string().trim().min(1).max(254);
/** One-time tokens are 43 base64url characters; anything far off is refused before any lookup. */
const token = z.string().min(16).max(256);

/** The portal's terms version the user accepts with this call (when the portal requires consent). */
const consentVersion = z
  .string()
  .min(1)
  .max(64)
  .optional()
  .describe("The version of the portal's terms accepted with this call (403 consent_required names it)");

export const portalLoginBody = z.strictObject({ email, password: presentedPasswordSchema, consentVersion });
export const acceptInvitationBody = z.strictObject({ token, password: newPasswordSchema, consentVersion });
export const forgotPasswordBody = z.strictObject({ email });
export const resetPasswordBody = z.strictObject({ token, password: newPasswordSchema });
export const confirmEmailBody = z.strictObject({ token });

export type PortalLoginBody = z.infer<typeof portalLoginBody>;
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;
export type ForgotPasswordBody = z.infer<typeof forgotPasswordBody>;
export type ResetPasswordBody = z.infer<typeof resetPasswordBody>;
export type ConfirmEmailBody = z.infer<typeof confirmEmailBody>;

// Answers.

export const passwordResetSchema = named('PasswordReset', z.object({ passwordReset: z.literal(true) }));
export const emailConfirmedSchema = named(
  'EmailConfirmed',
  z.object({ email: z.string().describe('The login email from now on') }),
);
