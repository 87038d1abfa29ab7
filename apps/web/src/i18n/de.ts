import type { Messages } from './en.js';

/** Deutsch (Sie-Form, wie in Kundenportalen üblich). */
export const de: Messages = {
  'app.title': 'Kundenportal',
  'app.skipToContent': 'Zum Inhalt springen',
  'app.mainNav': 'Bereiche des Portals',
  'app.logoAlt': 'Logo von {name}',

  'nav.dashboard': 'Übersicht',
  'nav.profile': 'Mein Profil',
  'nav.logout': 'Abmelden',

  'entity.Case': 'Anfragen',
  'entity.KnowledgeBaseArticle': 'Wissensdatenbank',
  'entity.Document': 'Dokumente',
  'entity.Account': 'Firmen',
  'entity.Contact': 'Kontakte',
  'entity.one.Case': 'Anfrage',
  'entity.one.KnowledgeBaseArticle': 'Artikel',
  'entity.one.Document': 'Dokument',

  'field.name': 'Name',
  'field.description': 'Beschreibung',
  'field.status': 'Status',
  'field.priority': 'Priorität',
  'field.type': 'Art',
  'field.body': 'Artikel',
  'field.fileName': 'Datei',
  'field.createdAt': 'Erstellt',
  'field.modifiedAt': 'Zuletzt geändert',
  'field.createdBy': 'Erstellt von',
  'field.modifiedBy': 'Geändert von',
  'field.email': 'E-Mail-Adresse',
  'field.firstName': 'Vorname',
  'field.lastName': 'Nachname',
  'field.phone': 'Telefon',
  'field.password': 'Passwort',
  'field.newPassword': 'Neues Passwort',
  'field.confirmPassword': 'Passwort wiederholen',
  'field.required': 'Pflichtfeld',
  'field.yes': 'Ja',
  'field.no': 'Nein',
  'field.empty': '—',

  'option.status.New': 'Neu',
  'option.status.Assigned': 'Zugewiesen',
  'option.status.Pending': 'Ausstehend',
  'option.status.Internal review': 'Interne Prüfung',
  'option.status.Closed': 'Geschlossen',
  'option.status.Rejected': 'Abgelehnt',
  'option.status.Duplicate': 'Duplikat',
  'option.status.Draft': 'Entwurf',
  'option.status.Published': 'Veröffentlicht',
  'option.status.Active': 'Aktiv',
  'option.status.Expired': 'Abgelaufen',
  'option.status.Canceled': 'Storniert',
  'option.priority.Low': 'Niedrig',
  'option.priority.Normal': 'Normal',
  'option.priority.High': 'Hoch',
  'option.priority.Urgent': 'Dringend',
  'option.type.Question': 'Frage',
  'option.type.Incident': 'Störung',
  'option.type.Problem': 'Problem',

  'login.title': 'Anmelden',
  'login.submit': 'Anmelden',
  'login.forgot': 'Passwort vergessen?',
  'login.failed':
    'E-Mail-Adresse oder Passwort sind falsch, oder dieses Konto hat keinen Zugang zu diesem Portal.',
  'login.loggedOut': 'Sie haben sich abgemeldet.',
  'login.sessionExpired':
    'Ihre Sitzung wurde beendet, weil Sie eine Weile nicht aktiv waren. Bitte melden Sie sich erneut an.',
  'login.sessionEnded': 'Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.',
  'login.passwordReset': 'Ihr Passwort wurde geändert. Sie können sich jetzt damit anmelden.',
  'login.emailConfirmed': 'Ihre neue E-Mail-Adresse ist bestätigt. Melden Sie sich damit an.',
  'login.restricted':
    'Die Verarbeitung Ihrer Daten ist eingeschränkt, deshalb können Sie sich derzeit nicht anmelden. Wenden Sie sich an das Unternehmen, das dieses Portal betreibt.',
  'login.consentWithdrawn':
    'Sie haben Ihre Einwilligung in die Bedingungen widerrufen und wurden deshalb abgemeldet. Um das Portal wieder zu nutzen, melden Sie sich an und stimmen den Bedingungen zu.',

  'invitation.title': 'Willkommen: Wählen Sie Ihr Passwort',
  'invitation.intro':
    'Legen Sie ein Passwort fest, um Ihr Konto fertig einzurichten. Sie melden sich damit und mit Ihrer E-Mail-Adresse an.',
  'invitation.submit': 'Passwort speichern und weiter',
  'invitation.noToken':
    'Dieser Einladungslink ist unvollständig. Öffnen Sie den Link aus Ihrer Einladungs-E-Mail bitte noch einmal.',

  'password.hint': 'Mindestens 10 Zeichen.',
  'password.mismatch': 'Die beiden Passwörter stimmen nicht überein.',
  'password.singleCharacter':
    'Das Passwort darf nicht aus einem einzigen wiederholten Zeichen bestehen (wie „aaaaaaaaaa“).',

  'forgot.title': 'Passwort vergessen',
  'forgot.intro':
    'Geben Sie Ihre E-Mail-Adresse ein. Gehört sie zu einem Konto dieses Portals, senden wir Ihnen einen Link, mit dem Sie ein neues Passwort wählen können.',
  'forgot.submit': 'Link senden',
  'forgot.sent':
    'Wenn die Adresse zu einem Konto dieses Portals gehört, ist eine E-Mail mit einem Link unterwegs. Der Link funktioniert nur einmal.',
  'forgot.backToLogin': 'Zurück zur Anmeldung',

  'reset.title': 'Neues Passwort wählen',
  'reset.submit': 'Neues Passwort speichern',
  'reset.noToken':
    'Dieser Link ist unvollständig. Öffnen Sie den Link aus Ihrer E-Mail noch einmal oder fordern Sie einen neuen an.',

  'confirmEmail.title': 'Neue E-Mail-Adresse bestätigen',
  'confirmEmail.intro': 'Bestätigen Sie, dass diese Adresse Ihnen gehört, um die Änderung abzuschließen.',
  'confirmEmail.submit': 'E-Mail-Adresse bestätigen',
  'confirmEmail.noToken':
    'Dieser Bestätigungslink ist unvollständig. Öffnen Sie den Link aus Ihrer E-Mail bitte noch einmal.',

  'dashboard.title': 'Übersicht',
  'dashboard.empty': 'Hier gibt es noch nichts zu sehen.',
  'dashlet.OpenCasesByPriority': 'Offene Anfragen nach Priorität',
  'dashlet.RecentCases': 'Neueste Anfragen',
  'dashlet.RecentKnowledgeBaseArticles': 'Neueste Artikel',
  'dashlet.CaseResolutionTimeByPriority': 'Bearbeitungsdauer von Anfragen',
  'dashlet.Announcement': 'Mitteilung',
  'dashlet.priority': 'Priorität',
  'dashlet.count': 'Anfragen',
  'dashlet.total': 'Alle offenen Anfragen: {count}',
  'dashlet.averageHours': 'Durchschnitt in Stunden',
  'dashlet.noData': 'Nicht verfügbar.',
  'dashlet.empty': 'Noch nichts vorhanden.',

  'list.empty': 'Hier gibt es noch keine Einträge.',
  'list.create': 'Neu: {type}',
  'list.sortBy': 'Nach {field} sortieren',
  'list.caption': '{type}, insgesamt {total}, Seite {page} von {pages}',
  'list.fieldLabel': '{field}:',
  'list.sortForm': 'Liste sortieren',
  'list.sortField': 'Sortieren nach',
  'list.sortOrder': 'Reihenfolge',
  'list.ascending': 'Aufsteigend (A bis Z, älteste zuerst)',
  'list.descending': 'Absteigend (Z bis A, neueste zuerst)',
  'list.sortApply': 'Sortieren',
  'pager.label': 'Seiten',
  'pager.previous': 'Vorherige Seite',
  'pager.next': 'Nächste Seite',
  'pager.status': 'Seite {page} von {pages} (insgesamt {total})',

  'record.notFound': 'Nicht gefunden',
  'record.notFoundDetail': 'Diesen Eintrag gibt es nicht, oder Sie dürfen ihn nicht sehen.',
  'record.details': 'Details',
  'record.edit': 'Angaben ändern',
  'record.save': 'Änderungen speichern',
  'record.saved': 'Ihre Änderungen sind gespeichert.',
  'record.backToList': 'Zurück zu: {type}',

  'create.title': 'Neu: {type}',
  'create.submit': 'Erstellen',
  'create.created': 'Erstellt. Hier können Sie den Verlauf verfolgen.',
  'create.notAllowed': 'Sie dürfen hier nichts anlegen.',

  'comments.title': 'Kommentare',
  'comments.empty': 'Noch keine Kommentare.',
  'comments.add': 'Kommentar schreiben',
  'comments.submit': 'Kommentar senden',
  'comments.posted': 'Ihr Kommentar ist veröffentlicht.',

  'shared.title': 'Mit Ihnen geteilt',
  'shared.goneTitle': 'Link nicht verfügbar',
  'shared.gone':
    'Diesen Link gibt es nicht oder er funktioniert nicht mehr. Bitten Sie den Absender um einen neuen.',
  'shared.files': 'Dateien',
  'shared.download': '{name} herunterladen ({size})',
  'shared.until': 'Sie können diesen Link bis {date} öffnen.',
  'share.title': 'Link teilen',
  'share.intro':
    'Wer den Link hat, sieht diesen Datensatz so wie Sie, bis der Link abläuft oder Sie ihn widerrufen.',
  'share.includeComments': 'Kommentare einschließen',
  'share.includeAttachments': 'Dateien einschließen',
  'share.submit': 'Link erstellen',
  'share.created': 'Kopieren Sie den Link jetzt: Er wird nur dieses eine Mal angezeigt. Er gilt bis {date}.',
  'share.link': 'Link zum Teilen',

  'profile.title': 'Mein Profil',
  'profile.save': 'Profil speichern',
  'profile.saved': 'Ihr Profil ist gespeichert.',
  'profile.notify': 'E-Mails zu Datensätzen, denen ich folge',
  'profile.notify.all': 'Jede Änderung',
  'profile.notify.own': 'Nur von mir erstellte Datensätze',
  'profile.notify.none': 'Keine',
  'profile.notifyHint':
    'Sie folgen den Anfragen, die Sie erstellen oder bei denen Sie der Kontakt sind, und allen, denen Sie folgen möchten.',
  'follow.follow': 'Folgen',
  'follow.unfollow': 'Nicht mehr folgen',
  'follow.following': 'Sie folgen diesem Datensatz: Änderungen erhalten Sie per E-Mail.',
  'follow.notFollowing': 'Sie folgen diesem Datensatz nicht mehr.',
  'follow.failed': 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.',
  'profile.nameHint': 'Geben Sie mindestens einen Vornamen oder einen Nachnamen an.',
  'privacy.title': 'Meine Daten',
  'privacy.export.hint':
    'Eine Kopie von allem, was dieses Portal über Sie speichert: Ihr Profil, Einwilligungen, was Sie geschrieben haben, Ihre Anmeldungen und die E-Mails an Sie.',
  'privacy.export.button': 'Meine Daten herunterladen',
  'privacy.export.failed': 'Ihre Daten konnten nicht heruntergeladen werden. Bitte versuchen Sie es erneut.',
  'privacy.erasure.title': 'Mein Konto löschen',
  'privacy.erasure.none':
    'Sie können verlangen, dass Ihr Konto und alles, was Sie hier geschrieben haben, gelöscht wird. Ein Administrator bestätigt es.',
  'privacy.erasure.pending':
    'Sie haben am {date} die Löschung Ihres Kontos beantragt. Ein Administrator entscheidet bald.',
  'privacy.erasure.refused': 'Ihr Antrag vom {date} wurde abgelehnt: {reason}',
  'privacy.erasure.approved': 'Ihr Antrag vom {date} wurde angenommen: Ihr Konto wird gelöscht.',
  'privacy.erasure.reason': 'Warum (freiwillig)',
  'privacy.erasure.confirm':
    'Mir ist klar, dass mein Konto und meine Daten endgültig gelöscht werden und ich mich nicht mehr anmelden kann.',
  'privacy.erasure.submit': 'Löschung meines Kontos beantragen',
  'privacy.erasure.sent': 'Ihr Antrag ist gesendet. Ein Administrator entscheidet bald.',
  'consent.title': 'Nutzungsbedingungen und Datenschutz',
  'consent.intro':
    'Bevor Sie fortfahren, lesen Sie bitte die Nutzungsbedingungen und die Datenschutzhinweise dieses Portals und stimmen Sie ihnen zu.',
  'consent.read': 'Bedingungen lesen (Version {version})',
  'consent.newTab': '(öffnet in einem neuen Tab)',
  'consent.versionOnly':
    'Es gelten die Bedingungen in Version {version}. Den Text erhalten Sie von dem Unternehmen, das dieses Portal betreibt.',
  'consent.accept': 'Ich stimme den Bedingungen zu',
  'consent.decline': 'Ohne Ihre Zustimmung können Sie dieses Portal nicht nutzen.',
  'consent.changed':
    'Die Bedingungen haben sich gerade geändert. Bitte lesen Sie die neue Version und stimmen Sie ihr zu, um fortzufahren.',
  'consent.required': 'Bitte stimmen Sie zuerst den Bedingungen dieses Portals zu.',
  'consent.notGiven':
    'Sie haben dieser Version der Bedingungen nicht zugestimmt; es gibt nichts zu widerrufen.',
  'consent.profile.title': 'Nutzungsbedingungen',
  'consent.profile.given': 'Sie haben Version {version} der Bedingungen dieses Portals zugestimmt.',
  'consent.withdraw.hint':
    'Sie können Ihre Einwilligung jederzeit widerrufen. Sie werden dann sofort abgemeldet und können das Portal erst wieder nutzen, wenn Sie bei der nächsten Anmeldung den Bedingungen zustimmen.',
  'consent.withdraw.confirm': 'Mir ist bewusst, dass ich abgemeldet werde',
  'consent.withdraw.submit': 'Einwilligung widerrufen',

  'notFound.title': 'Seite nicht gefunden',
  'notFound.detail': 'Diese Seite gibt es in diesem Portal nicht.',
  'notFound.home': 'Zur Startseite',
  'portalUnavailable.title': 'Dieses Portal ist nicht verfügbar',
  'portalUnavailable.detail':
    'Dieses Portal gibt es nicht oder es ist nicht verfügbar. Prüfen Sie die Adresse oder fragen Sie bei der Stelle nach, von der Sie sie haben.',

  'error.title': 'Etwas ist schiefgelaufen',
  'error.network':
    'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.',
  'error.fields': 'Bitte korrigieren Sie diese Felder:',
  'error.fieldItem': '{field}: {message}',
  'error.validation': 'Einige Ihrer Angaben müssen noch geändert werden.',
  'error.rateLimited':
    'Zu viele Versuche in kurzer Zeit. Bitte warten Sie ein paar Minuten und versuchen Sie es dann noch einmal.',
  'error.conflict':
    'Jemand anderes hat das inzwischen geändert. Laden Sie die Seite neu, um den aktuellen Stand zu sehen, und nehmen Sie Ihre Änderung dann erneut vor.',
  'error.forbidden': 'Das dürfen Sie nicht.',
  'error.server': 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es in einem Moment noch einmal.',
  'error.passwordIncorrect': 'Das aktuelle Passwort ist nicht richtig.',
  'error.invitationInvalid':
    'Dieser Einladungslink ist nicht gültig. Bitten Sie die Person, die Sie eingeladen hat, um eine neue Einladung.',
  'error.invitationExpired':
    'Diese Einladung ist abgelaufen. Bitten Sie die Person, die Sie eingeladen hat, um eine neue Einladung.',
  'error.invitationUsed':
    'Diese Einladung wurde bereits angenommen. Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an.',
  'error.resetInvalid': 'Dieser Link zum Zurücksetzen ist nicht gültig. Fordern Sie einen neuen Link an.',
  'error.resetExpired': 'Dieser Link zum Zurücksetzen ist abgelaufen. Fordern Sie einen neuen Link an.',
  'error.resetUsed':
    'Dieser Link zum Zurücksetzen wurde bereits verwendet. Fordern Sie bei Bedarf einen neuen Link an.',
  'error.emailChangeInvalid':
    'Dieser Bestätigungslink ist nicht gültig. Öffnen Sie den Link aus Ihrer neuesten E-Mail.',
  'error.emailChangeExpired':
    'Dieser Bestätigungslink ist abgelaufen. Ändern Sie Ihre E-Mail-Adresse noch einmal, um einen neuen zu erhalten.',
  'error.accountDeactivated':
    'Dieses Konto ist deaktiviert. Wenden Sie sich an das Unternehmen, das dieses Portal betreibt.',

  'validation.required': 'Bitte füllen Sie dieses Feld aus.',
  'validation.email': 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
  'validation.tooLong': 'Das ist zu lang: höchstens {max} Zeichen.',
  'validation.tooShort': 'Das ist zu kurz: mindestens {min} Zeichen.',
  'validation.blank': 'Das darf nicht nur aus Leerzeichen bestehen.',
  'validation.nameRequired': 'Geben Sie einen Vornamen oder einen Nachnamen ein.',
  'validation.confirm': 'Setzen Sie hier ein Häkchen, um fortzufahren.',
  'validation.invalid': 'Dieser Wert wird nicht angenommen. Bitte prüfen Sie ihn.',

  'dashboard.openCases': 'Offene Anfragen',
  'dashboard.recentDocuments': 'Neue Dokumente',
  'dashboard.latestArticles': 'Neueste Artikel',
  'dashboard.showAll': 'Alle {type}',
  'files.title': 'Dateien',
  'files.empty': 'Noch keine Dateien.',
  'files.noFile': 'Noch keine Datei.',
  'files.download': 'Herunterladen',
  'files.downloadNamed': '{name} herunterladen',
  'files.downloadFailed': 'Die Datei konnte nicht heruntergeladen werden. Bitte versuchen Sie es erneut.',
  'files.addedBy': 'Hinzugefügt von {name}',
  'files.notFound': 'Diese Datei gibt es nicht, oder Sie dürfen sie nicht sehen.',
  'upload.label': 'Dateien anhängen',
  'upload.hint': 'PDF, Bilder, Word, Excel, PowerPoint, OpenDocument, ZIP oder reiner Text.',
  'upload.submit': 'Hochladen',
  'upload.progress': '{name} wird hochgeladen: {percent} %',
  'upload.done': 'Angehängt: {names}.',
  'upload.afterCreateFailed':
    'Angelegt, aber {name} konnte nicht angehängt werden: {reason} Sie können die Datei auf dieser Seite erneut anhängen.',
  'upload.commentFiles': 'Dateien, die Sie hier hinzufügen, werden mit Ihrem Kommentar gesendet.',
  'upload.tooLarge':
    'Diese Datei ist für dieses Portal zu groß. Verkleinern Sie sie (zum Beispiel als komprimiertes PDF oder ZIP-Archiv) und versuchen Sie es erneut.',
  'upload.typeNotAllowed':
    'Dateien dieses Typs können nicht hochgeladen werden. Verwenden Sie ein PDF, ein Bild (PNG, JPEG, GIF, WebP), eine Word-, Excel-, PowerPoint- oder OpenDocument-Datei, ein ZIP-Archiv oder reinen Text.',
  'upload.empty': 'Diese Datei ist leer. Wählen Sie eine Datei mit Inhalt.',
  'upload.required': 'Wählen Sie zuerst eine Datei.',
  'upload.invalid': 'Dieser Upload wurde nicht angenommen. Laden Sie eine Datei nach der anderen hoch.',
  'upload.tooManyAtOnce':
    'Sie laden bereits mehrere Dateien hoch. Warten Sie, bis sie fertig sind, und versuchen Sie es dann erneut.',
  'upload.tooManyFiles': 'Dieser Datensatz kann keine weiteren Dateien aufnehmen.',
};
