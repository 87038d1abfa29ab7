/** English, the complete catalogue: every other language falls back to it key by key. */
export const en = {
  'app.title': 'Customer portal',
  'app.skipToContent': 'Skip to content',
  'app.mainNav': 'Portal sections',
  'app.logoAlt': '{name} logo',

  'nav.dashboard': 'Dashboard',
  'nav.profile': 'My profile',
  'nav.logout': 'Log out',

  'entity.Case': 'Cases',
  'entity.KnowledgeBaseArticle': 'Knowledge base',
  'entity.Document': 'Documents',
  'entity.Account': 'Accounts',
  'entity.Contact': 'Contacts',
  'entity.one.Case': 'Case',
  'entity.one.KnowledgeBaseArticle': 'Article',
  'entity.one.Document': 'Document',

  'field.name': 'Name',
  'field.description': 'Description',
  'field.status': 'Status',
  'field.priority': 'Priority',
  'field.type': 'Type',
  'field.body': 'Article',
  'field.fileName': 'File',
  'field.createdAt': 'Created',
  'field.modifiedAt': 'Last changed',
  'field.createdBy': 'Created by',
  'field.modifiedBy': 'Changed by',
  'field.email': 'Email',
  'field.firstName': 'First name',
  'field.lastName': 'Last name',
  'field.phone': 'Phone',
  'field.password': 'Password',
  'field.newPassword': 'New password',
  'field.confirmPassword': 'Repeat the password',
  'field.required': 'required',
  'field.yes': 'Yes',
  'field.no': 'No',
  'field.empty': '—',

  'login.title': 'Log in',
  'login.submit': 'Log in',
  'login.forgot': 'Forgot your password?',
  'login.failed': 'The email or password is wrong, or this account may not use this portal.',
  'login.loggedOut': 'You have logged out.',
  'login.sessionExpired':
    'Your session has ended because you were inactive for a while. Please log in again.',
  'login.sessionEnded': 'Your session has ended. Please log in again.',
  'login.passwordReset': 'Your password has been changed. You can log in with it now.',
  'login.emailConfirmed': 'Your new email address is confirmed. Log in with it.',

  'invitation.title': 'Welcome: choose your password',
  'invitation.intro':
    'Set a password to finish creating your account. You will use it with your email address to log in.',
  'invitation.submit': 'Set password and continue',
  'invitation.noToken': 'This invitation link is incomplete. Open the link from your invitation email again.',

  'password.hint': 'At least 10 characters.',
  'password.mismatch': 'The two passwords are not the same.',
  'password.tooShort': 'The password needs at least 10 characters.',

  'forgot.title': 'Forgot your password',
  'forgot.intro':
    'Enter your email address. If it belongs to an account of this portal, we will send you a link to choose a new password.',
  'forgot.submit': 'Send the link',
  'forgot.sent':
    'If the address belongs to an account of this portal, an email with a link is on its way. The link works once.',
  'forgot.backToLogin': 'Back to log in',

  'reset.title': 'Choose a new password',
  'reset.submit': 'Save the new password',
  'reset.noToken': 'This link is incomplete. Open the link from your email again, or ask for a new one.',

  'confirmEmail.title': 'Confirm your new email address',
  'confirmEmail.intro': 'Confirm that this address is yours to finish changing it.',
  'confirmEmail.submit': 'Confirm my email address',
  'confirmEmail.noToken': 'This confirmation link is incomplete. Open the link from your email again.',

  'dashboard.title': 'Dashboard',
  'dashboard.empty': 'Nothing to show here yet.',
  'dashlet.OpenCasesByPriority': 'Open cases by priority',
  'dashlet.RecentCases': 'Recent cases',
  'dashlet.RecentKnowledgeBaseArticles': 'Latest articles',
  'dashlet.CaseResolutionTimeByPriority': 'Time to resolve cases',
  'dashlet.Announcement': 'Announcement',
  'dashlet.priority': 'Priority',
  'dashlet.count': 'Cases',
  'dashlet.total': 'All open cases',
  'dashlet.averageHours': 'Average hours',
  'dashlet.noData': 'Not available.',
  'dashlet.empty': 'Nothing yet.',

  'list.empty': 'There is nothing here yet.',
  'list.create': 'New {type}',
  'list.sortBy': 'Sort by {field}',
  'list.caption': '{type}, {total} in all, page {page} of {pages}',
  'pager.label': 'Pages',
  'pager.previous': 'Previous page',
  'pager.next': 'Next page',
  'pager.status': 'Page {page} of {pages} ({total} in all)',

  'record.notFound': 'Not found',
  'record.notFoundDetail': 'This record does not exist, or you may not see it.',
  'record.details': 'Details',
  'record.edit': 'Change details',
  'record.save': 'Save changes',
  'record.saved': 'Your changes are saved.',
  'record.backToList': 'Back to {type}',

  'create.title': 'New {type}',
  'create.submit': 'Create',
  'create.created': 'Created. You can follow it here.',
  'create.notAllowed': 'You may not create these.',

  'comments.title': 'Comments',
  'comments.empty': 'No comments yet.',
  'comments.add': 'Add a comment',
  'comments.submit': 'Post comment',
  'comments.posted': 'Your comment is posted.',

  'profile.title': 'My profile',
  'profile.save': 'Save my profile',
  'profile.saved': 'Your profile is saved.',
  'profile.notify': 'Email me when my cases change',

  'notFound.title': 'Page not found',
  'notFound.detail': 'There is no such page in this portal.',
  'notFound.home': 'Go to the start page',
  'portalUnavailable.title': 'This portal is not available',
  'portalUnavailable.detail':
    'This portal does not exist or is not available. Check the address, or ask whoever gave it to you.',

  'error.title': 'Something went wrong',
  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.fields': 'Please correct these fields:',
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
