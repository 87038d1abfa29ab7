/**
 * The words of every email, per locale. Placeholders in braces: {portal}, {name}, {expiresAt},
 * {newEmail}, {case} (the case's name), {status}. A locale file must fill every entry, so a missing translation is a compile error.
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

/** A notice about a case; the `…WithoutName` variants serve users whose roles hide the case's name. */
export interface CaseEmailMessages {
  subject: string;
  subjectWithoutName: string;
  heading: string;
  intro: string;
  introWithoutName: string;
  action: string;
}

export interface MailMessages {
  greeting: string;
  greetingWithoutName: string;
  linkFallback: string;
  signature: string;
  invitation: ActionEmailMessages;
  passwordReset: ActionEmailMessages;
  emailChange: ActionEmailMessages;
  /** Under every case email: why it came and how to stop them. */
  caseFooter: string;
  caseStatusChanged: CaseEmailMessages;
  /** The built-in case statuses by their (English) value; a status not named here is shown as it is. */
  caseStatuses: Record<string, string>;
  caseReply: CaseEmailMessages;
}
