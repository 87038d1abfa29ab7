/**
 * The words of every email, per locale. Placeholders in braces: {portal}, {name}, {expiresAt},
 * {newEmail}. A locale file must fill every entry, so a missing translation is a compile error.
 */
export interface ActionEmailMessages {
  subject: string;
  heading: string;
  intro: string;
  action: string;
  expiry: string;
  /** What to do if the email was not expected. */
  ignore: string;
}

export interface MailMessages {
  greeting: string;
  greetingWithoutName: string;
  linkFallback: string;
  signature: string;
  invitation: ActionEmailMessages;
  passwordReset: ActionEmailMessages;
  emailChange: ActionEmailMessages;
}
