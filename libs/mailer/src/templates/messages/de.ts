import type { MailMessages } from './mail-messages';

export const de: MailMessages = {
  greeting: 'Hallo {name},',
  greetingWithoutName: 'Hallo,',
  linkFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:',
  signature: 'Ihr Team von {portal}',
  invitation: {
    subject: 'Sie sind zu {portal} eingeladen',
    heading: 'Willkommen bei {portal}',
    intro: 'Sie wurden zu {portal} eingeladen. Wählen Sie ein Passwort, um Ihr Konto zu aktivieren.',
    action: 'Einladung annehmen',
    expiry: 'Dieser Link funktioniert nur einmal und ist gültig bis {expiresAt}.',
    ignore: 'Falls Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.',
  },
  passwordReset: {
    subject: 'Ihr Passwort für {portal} zurücksetzen',
    heading: 'Passwort zurücksetzen',
    intro:
      'Jemand hat angefordert, das Passwort Ihres Kontos bei {portal} zurückzusetzen. Wählen Sie unten ein neues Passwort.',
    action: 'Neues Passwort wählen',
    expiry: 'Dieser Link funktioniert nur einmal und ist gültig bis {expiresAt}.',
    ignore:
      'Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
  },
  emailChange: {
    subject: 'Bestätigen Sie Ihre neue E-Mail-Adresse für {portal}',
    heading: 'Neue E-Mail-Adresse bestätigen',
    intro:
      'Ihr Konto bei {portal} soll ab jetzt {newEmail} verwenden. Bestätigen Sie, dass diese Adresse Ihnen gehört.',
    action: 'Diese Adresse bestätigen',
    expiry: 'Dieser Link funktioniert nur einmal und ist gültig bis {expiresAt}.',
    ignore:
      'Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Konto behält seine bisherige Adresse.',
  },
  caseFooter:
    'Sie erhalten diese E-Mail, weil Sie Neuigkeiten zu Ihren Anfragen bei {portal} verfolgen. Sie können diese E-Mails in Ihrem Profil abbestellen.',
  caseStatusChanged: {
    subject: 'Ihre Anfrage „{case}“ hat jetzt den Status {status}',
    subjectWithoutName: 'Ihre Anfrage hat jetzt den Status {status}',
    heading: 'Status der Anfrage: {status}',
    intro: 'Der Status Ihrer Anfrage „{case}“ wurde auf {status} geändert.',
    introWithoutName: 'Der Status einer Ihrer Anfragen wurde auf {status} geändert.',
    action: 'Anfrage ansehen',
  },
  caseStatuses: {
    New: 'Neu',
    Assigned: 'Zugewiesen',
    Pending: 'Ausstehend',
    'Internal review': 'Interne Prüfung',
    Closed: 'Geschlossen',
    Rejected: 'Abgelehnt',
    Duplicate: 'Duplikat',
  },
  caseReply: {
    subject: 'Neue Antwort zu Ihrer Anfrage „{case}“',
    subjectWithoutName: 'Neue Antwort zu Ihrer Anfrage',
    heading: 'Neue Antwort zu Ihrer Anfrage',
    intro: 'Unser Team hat auf Ihre Anfrage „{case}“ geantwortet:',
    introWithoutName: 'Unser Team hat auf eine Ihrer Anfragen geantwortet:',
    action: 'Anfrage ansehen und antworten',
  },
};
