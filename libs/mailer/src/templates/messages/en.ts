import type { MailMessages } from './mail-messages';

export const en: MailMessages = {
  greeting: 'Hello {name},',
  greetingWithoutName: 'Hello,',
  linkFallback: 'If the button does not work, copy this address into your browser:',
  signature: 'The {portal} team',
  invitation: {
    subject: 'You are invited to {portal}',
    heading: 'Welcome to {portal}',
    intro: 'You have been invited to {portal}. Choose a password to activate your account.',
    action: 'Accept the invitation',
    expiry: 'This link works once and expires on {expiresAt}.',
    ignore: 'If you did not expect this invitation, you can ignore this email.',
  },
  passwordReset: {
    subject: 'Reset your {portal} password',
    heading: 'Reset your password',
    intro: 'Someone asked to reset the password of your {portal} account. Choose a new password below.',
    action: 'Choose a new password',
    expiry: 'This link works once and expires on {expiresAt}.',
    ignore: 'If you did not ask for this, ignore this email: your password stays as it is.',
  },
  emailChange: {
    subject: 'Confirm your new email address for {portal}',
    heading: 'Confirm your new email address',
    intro: 'Your {portal} account is to use {newEmail} from now on. Confirm that this address is yours.',
    action: 'Confirm this address',
    expiry: 'This link works once and expires on {expiresAt}.',
    ignore: 'If you did not ask for this, ignore this email: your account keeps its current address.',
  },
  caseFooter:
    'You receive this email because you follow updates on your cases in {portal}. You can turn these emails off in your profile.',
  caseStatusChanged: {
    subject: 'Your case "{case}" is now {status}',
    subjectWithoutName: 'Your case is now {status}',
    heading: 'Case status: {status}',
    intro: 'The status of your case "{case}" has changed to {status}.',
    introWithoutName: 'The status of one of your cases has changed to {status}.',
    action: 'View the case',
  },
  caseStatuses: {
    New: 'New',
    Assigned: 'Assigned',
    Pending: 'Pending',
    'Internal review': 'Internal review',
    Closed: 'Closed',
    Rejected: 'Rejected',
    Duplicate: 'Duplicate',
  },
  caseReply: {
    subject: 'New reply on your case "{case}"',
    subjectWithoutName: 'New reply on your case',
    heading: 'New reply on your case',
    intro: 'Our team replied on your case "{case}":',
    introWithoutName: 'Our team replied on one of your cases:',
    action: 'View the case and reply',
  },
};
