import type { Messages } from './en.js';

/** Français (vouvoiement). */
export const fr: Messages = {
  'app.title': 'Portail client',
  'app.skipToContent': 'Aller au contenu',
  'app.mainNav': 'Rubriques du portail',
  'app.logoAlt': 'Logo de {name}',

  'nav.dashboard': 'Tableau de bord',
  'nav.profile': 'Mon profil',
  'nav.logout': 'Se déconnecter',

  'entity.Case': 'Demandes',
  'entity.KnowledgeBaseArticle': 'Base de connaissances',
  'entity.Document': 'Documents',
  'entity.Account': 'Sociétés',
  'entity.Contact': 'Contacts',
  'entity.one.Case': 'Demande',
  'entity.one.KnowledgeBaseArticle': 'Article',
  'entity.one.Document': 'Document',

  'field.name': 'Nom',
  'field.description': 'Description',
  'field.status': 'Statut',
  'field.priority': 'Priorité',
  'field.type': 'Type',
  'field.body': 'Article',
  'field.fileName': 'Fichier',
  'field.createdAt': 'Créé le',
  'field.modifiedAt': 'Dernière modification',
  'field.createdBy': 'Créé par',
  'field.modifiedBy': 'Modifié par',
  'field.email': 'Adresse e-mail',
  'field.firstName': 'Prénom',
  'field.lastName': 'Nom de famille',
  'field.phone': 'Téléphone',
  'field.password': 'Mot de passe',
  'field.newPassword': 'Nouveau mot de passe',
  'field.confirmPassword': 'Répétez le mot de passe',
  'field.required': 'obligatoire',
  'field.yes': 'Oui',
  'field.no': 'Non',
  'field.empty': '—',

  'option.status.New': 'Nouvelle',
  'option.status.Assigned': 'Attribuée',
  'option.status.Pending': 'En attente',
  'option.status.Internal review': 'Revue interne',
  'option.status.Closed': 'Fermée',
  'option.status.Rejected': 'Rejetée',
  'option.status.Duplicate': 'Doublon',
  'option.status.Draft': 'Brouillon',
  'option.status.Published': 'Publié',
  'option.status.Active': 'Actif',
  'option.status.Expired': 'Expiré',
  'option.status.Canceled': 'Annulé',
  'option.priority.Low': 'Basse',
  'option.priority.Normal': 'Normale',
  'option.priority.High': 'Haute',
  'option.priority.Urgent': 'Urgente',
  'option.type.Question': 'Question',
  'option.type.Incident': 'Incident',
  'option.type.Problem': 'Problème',

  'login.title': 'Connexion',
  'login.submit': 'Se connecter',
  'login.forgot': 'Mot de passe oublié ?',
  'login.failed':
    'L’adresse e-mail ou le mot de passe est incorrect, ou ce compte n’a pas accès à ce portail.',
  'login.loggedOut': 'Vous êtes déconnecté.',
  'login.sessionExpired':
    'Votre session a pris fin parce que vous êtes resté inactif un certain temps. Veuillez vous reconnecter.',
  'login.sessionEnded': 'Votre session a pris fin. Veuillez vous reconnecter.',
  'login.passwordReset': 'Votre mot de passe a été modifié. Vous pouvez maintenant vous connecter avec.',
  'login.emailConfirmed': 'Votre nouvelle adresse e-mail est confirmée. Connectez-vous avec celle-ci.',
  'login.restricted':
    'Le traitement de vos données est limité : vous ne pouvez pas vous connecter pour l’instant. Contactez l’entreprise qui gère ce portail.',
  'login.consentWithdrawn':
    'Vous avez retiré votre consentement aux conditions : vous avez donc été déconnecté. Pour utiliser à nouveau le portail, connectez-vous et acceptez les conditions.',

  'invitation.title': 'Bienvenue : choisissez votre mot de passe',
  'invitation.intro':
    'Définissez un mot de passe pour finir de créer votre compte. Vous l’utiliserez avec votre adresse e-mail pour vous connecter.',
  'invitation.submit': 'Enregistrer le mot de passe et continuer',
  'invitation.noToken':
    'Ce lien d’invitation est incomplet. Ouvrez à nouveau le lien figurant dans votre e-mail d’invitation.',

  'password.hint': 'Au moins 10 caractères.',
  'password.mismatch': 'Les deux mots de passe ne sont pas identiques.',
  'password.singleCharacter':
    'Le mot de passe ne doit pas être un seul caractère répété (comme « aaaaaaaaaa »).',

  'forgot.title': 'Mot de passe oublié',
  'forgot.intro':
    'Saisissez votre adresse e-mail. Si elle correspond à un compte de ce portail, nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'forgot.submit': 'Envoyer le lien',
  'forgot.sent':
    'Si l’adresse correspond à un compte de ce portail, un e-mail contenant un lien est en route. Le lien ne fonctionne qu’une fois.',
  'forgot.backToLogin': 'Retour à la connexion',

  'reset.title': 'Choisissez un nouveau mot de passe',
  'reset.submit': 'Enregistrer le nouveau mot de passe',
  'reset.noToken':
    'Ce lien est incomplet. Ouvrez à nouveau le lien figurant dans votre e-mail, ou demandez-en un nouveau.',

  'confirmEmail.title': 'Confirmez votre nouvelle adresse e-mail',
  'confirmEmail.intro': 'Confirmez que cette adresse vous appartient pour terminer la modification.',
  'confirmEmail.submit': 'Confirmer mon adresse e-mail',
  'confirmEmail.noToken':
    'Ce lien de confirmation est incomplet. Ouvrez à nouveau le lien figurant dans votre e-mail.',

  'dashboard.title': 'Tableau de bord',
  'dashboard.empty': 'Rien à afficher pour le moment.',
  'dashlet.OpenCasesByPriority': 'Demandes ouvertes par priorité',
  'dashlet.RecentCases': 'Demandes récentes',
  'dashlet.RecentKnowledgeBaseArticles': 'Derniers articles',
  'dashlet.CaseResolutionTimeByPriority': 'Délai de résolution des demandes',
  'dashlet.Announcement': 'Annonce',
  'dashlet.priority': 'Priorité',
  'dashlet.count': 'Demandes',
  'dashlet.total': 'Toutes les demandes ouvertes : {count}',
  'dashlet.averageHours': 'Heures en moyenne',
  'dashlet.noData': 'Non disponible.',
  'dashlet.empty': 'Rien pour le moment.',

  'list.empty': 'Il n’y a encore rien ici.',
  'list.create': 'Nouveau : {type}',
  'list.sortBy': 'Trier par {field}',
  'list.caption': '{type}, {total} au total, page {page} sur {pages}',
  'list.fieldLabel': '{field} :',
  'list.sortForm': 'Trier la liste',
  'list.sortField': 'Trier par',
  'list.sortOrder': 'Ordre',
  'list.ascending': 'Croissant (de A à Z, les plus anciens d’abord)',
  'list.descending': 'Décroissant (de Z à A, les plus récents d’abord)',
  'list.sortApply': 'Trier',
  'pager.label': 'Pages',
  'pager.previous': 'Page précédente',
  'pager.next': 'Page suivante',
  'pager.status': 'Page {page} sur {pages} ({total} au total)',

  'record.notFound': 'Introuvable',
  'record.notFoundDetail': 'Cet élément n’existe pas, ou vous n’avez pas le droit de le voir.',
  'record.details': 'Détails',
  'record.edit': 'Modifier les informations',
  'record.save': 'Enregistrer les modifications',
  'record.saved': 'Vos modifications sont enregistrées.',
  'record.backToList': 'Retour à : {type}',

  'create.title': 'Nouveau : {type}',
  'create.submit': 'Créer',
  'create.created': 'C’est créé. Vous pouvez en suivre l’avancement ici.',
  'create.notAllowed': 'Vous n’avez pas le droit d’en créer.',

  'comments.title': 'Commentaires',
  'comments.empty': 'Aucun commentaire pour le moment.',
  'comments.add': 'Ajouter un commentaire',
  'comments.submit': 'Publier le commentaire',
  'comments.posted': 'Votre commentaire est publié.',

  'shared.title': 'Partagé avec vous',
  'shared.goneTitle': 'Lien indisponible',
  'shared.gone':
    'Ce lien n’existe pas ou ne fonctionne plus. Demandez-en un nouveau à la personne qui vous l’a envoyé.',
  'shared.files': 'Fichiers',
  'shared.download': 'Télécharger {name} ({size})',
  'shared.until': 'Vous pouvez ouvrir ce lien jusqu’au {date}.',
  'share.title': 'Partager un lien',
  'share.intro':
    'Toute personne ayant le lien voit cet enregistrement comme vous, jusqu’à son expiration ou sa révocation.',
  'share.includeComments': 'Inclure les commentaires',
  'share.includeAttachments': 'Inclure les fichiers',
  'share.submit': 'Créer le lien',
  'share.created':
    'Copiez le lien maintenant : il n’est affiché qu’une seule fois. Il fonctionne jusqu’au {date}.',
  'share.link': 'Lien de partage',

  'profile.title': 'Mon profil',
  'profile.save': 'Enregistrer mon profil',
  'profile.saved': 'Votre profil est enregistré.',
  'profile.notify': 'E-mails sur les fiches que je suis',
  'profile.notify.all': 'Chaque mise à jour',
  'profile.notify.own': 'Seulement les fiches que j’ai créées',
  'profile.notify.none': 'Aucun',
  'profile.notifyHint':
    'Vous suivez les demandes que vous créez, celles dont vous êtes le contact et celles que vous choisissez de suivre.',
  'follow.follow': 'Suivre',
  'follow.unfollow': 'Ne plus suivre',
  'follow.following': 'Vous suivez cette fiche : ses mises à jour vous parviennent par e-mail.',
  'follow.notFollowing': 'Vous ne suivez plus cette fiche.',
  'follow.failed': 'Cela n’a pas fonctionné. Veuillez réessayer.',
  'profile.nameHint': 'Indiquez au moins un prénom ou un nom de famille.',
  'privacy.title': 'Mes données',
  'privacy.export.hint':
    'Une copie de tout ce que ce portail conserve sur vous : votre profil, vos consentements, ce que vous avez écrit, vos connexions et les e-mails qui vous ont été envoyés.',
  'privacy.export.button': 'Télécharger mes données',
  'privacy.export.failed': "Vos données n'ont pas pu être téléchargées. Veuillez réessayer.",
  'privacy.erasure.title': 'Supprimer mon compte',
  'privacy.erasure.none':
    'Vous pouvez demander la suppression de votre compte et de tout ce que vous avez écrit ici. Un administrateur la confirme.',
  'privacy.erasure.pending':
    'Vous avez demandé le {date} la suppression de votre compte. Un administrateur décidera bientôt.',
  'privacy.erasure.refused': 'Votre demande du {date} a été refusée : {reason}',
  'privacy.erasure.approved':
    'Votre demande du {date} a été acceptée : votre compte est en cours de suppression.',
  'privacy.erasure.reason': 'Pourquoi (facultatif)',
  'privacy.erasure.confirm':
    'Je comprends que mon compte et mes données seront supprimés définitivement et que je ne pourrai plus me connecter.',
  'privacy.erasure.submit': 'Demander la suppression de mon compte',
  'privacy.erasure.sent': 'Votre demande est envoyée. Un administrateur décidera bientôt.',
  'consent.title': 'Conditions d’utilisation et confidentialité',
  'consent.intro':
    'Avant de continuer, veuillez lire les conditions d’utilisation et la politique de confidentialité de ce portail, puis les accepter.',
  'consent.read': 'Lire les conditions (version {version})',
  'consent.newTab': '(s’ouvre dans un nouvel onglet)',
  'consent.versionOnly':
    'Les conditions en vigueur sont la version {version}. Demandez-en le texte à l’entreprise qui gère ce portail.',
  'consent.accept': 'J’accepte les conditions',
  'consent.decline': 'Si vous ne les acceptez pas, vous ne pouvez pas utiliser ce portail.',
  'consent.changed':
    'Les conditions viennent de changer. Veuillez lire la nouvelle version et l’accepter pour continuer.',
  'consent.required': 'Veuillez d’abord accepter les conditions de ce portail.',
  'consent.notGiven': 'Vous n’avez pas accepté cette version des conditions : il n’y a rien à retirer.',
  'consent.profile.title': 'Conditions d’utilisation',
  'consent.profile.given': 'Vous avez accepté la version {version} des conditions de ce portail.',
  'consent.withdraw.hint':
    'Vous pouvez retirer votre consentement à tout moment. Vous êtes alors déconnecté immédiatement, et vous ne pourrez utiliser à nouveau le portail qu’après avoir accepté les conditions lors de votre prochaine connexion.',
  'consent.withdraw.confirm': 'Je comprends que je serai déconnecté',
  'consent.withdraw.submit': 'Retirer mon consentement',

  'notFound.title': 'Page introuvable',
  'notFound.detail': 'Cette page n’existe pas dans ce portail.',
  'notFound.home': 'Aller à la page d’accueil',
  'portalUnavailable.title': 'Ce portail n’est pas disponible',
  'portalUnavailable.detail':
    'Ce portail n’existe pas ou n’est pas disponible. Vérifiez l’adresse, ou renseignez-vous auprès de la personne qui vous l’a donnée.',

  'error.title': 'Un problème est survenu',
  'error.network': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  'error.fields': 'Veuillez corriger ces champs :',
  'error.fieldItem': '{field} : {message}',
  'error.validation': 'Certaines informations saisies doivent être corrigées.',
  'error.rateLimited': 'Trop de tentatives en peu de temps. Patientez quelques minutes, puis réessayez.',
  'error.conflict':
    'Quelqu’un d’autre a modifié cet élément entre-temps. Rechargez la page pour voir la dernière version, puis refaites votre modification.',
  'error.forbidden': 'Vous n’avez pas le droit de faire cela.',
  'error.server': 'Un problème est survenu de notre côté. Veuillez réessayer dans un instant.',
  'error.passwordIncorrect': 'Le mot de passe actuel est incorrect.',
  'error.invitationInvalid':
    'Ce lien d’invitation n’est pas valide. Demandez une nouvelle invitation à la personne qui vous a invité.',
  'error.invitationExpired':
    'Cette invitation a expiré. Demandez une nouvelle invitation à la personne qui vous a invité.',
  'error.invitationUsed':
    'Cette invitation a déjà été acceptée. Connectez-vous avec votre adresse e-mail et votre mot de passe.',
  'error.resetInvalid': 'Ce lien de réinitialisation n’est pas valide. Demandez un nouveau lien.',
  'error.resetExpired': 'Ce lien de réinitialisation a expiré. Demandez un nouveau lien.',
  'error.resetUsed':
    'Ce lien de réinitialisation a déjà été utilisé. Demandez un nouveau lien si vous en avez encore besoin.',
  'error.emailChangeInvalid':
    'Ce lien de confirmation n’est pas valide. Ouvrez le lien de votre e-mail le plus récent.',
  'error.emailChangeExpired':
    'Ce lien de confirmation a expiré. Modifiez à nouveau votre adresse e-mail pour en recevoir un nouveau.',
  'error.accountDeactivated': 'Ce compte est désactivé. Contactez l’entreprise qui gère ce portail.',

  'validation.required': 'Veuillez remplir ce champ.',
  'validation.email': 'Saisissez une adresse e-mail comme nom@exemple.fr.',
  'validation.tooLong': 'C’est trop long : {max} caractères au maximum.',
  'validation.tooShort': 'C’est trop court : au moins {min} caractères.',
  'validation.blank': 'Ce champ ne peut pas contenir uniquement des espaces.',
  'validation.nameRequired': 'Saisissez un prénom ou un nom de famille.',
  'validation.confirm': 'Cochez cette case pour continuer.',
  'validation.invalid': 'Cette valeur n’est pas acceptée. Veuillez la vérifier.',

  'dashboard.openCases': 'Demandes ouvertes',
  'dashboard.recentDocuments': 'Documents récents',
  'dashboard.latestArticles': 'Derniers articles',
  'dashboard.showAll': 'Tous : {type}',
  'files.title': 'Fichiers',
  'files.empty': 'Aucun fichier pour le moment.',
  'files.noFile': 'Pas encore de fichier.',
  'files.download': 'Télécharger',
  'files.downloadNamed': 'Télécharger {name}',
  'files.downloadFailed': "Le fichier n'a pas pu être téléchargé. Veuillez réessayer.",
  'files.addedBy': 'Ajouté par {name}',
  'files.notFound': "Ce fichier n'existe pas, ou vous n'avez pas le droit de le voir.",
  'upload.label': 'Joindre des fichiers',
  'upload.hint': 'PDF, images, Word, Excel, PowerPoint, OpenDocument, ZIP ou texte brut.',
  'upload.submit': 'Envoyer',
  'upload.progress': 'Envoi de {name} : {percent} %',
  'upload.done': 'Joint : {names}.',
  'upload.afterCreateFailed':
    "Créé, mais {name} n'a pas pu être joint : {reason} Vous pouvez le joindre à nouveau sur cette page.",
  'upload.commentFiles': 'Les fichiers ajoutés ici sont publiés avec votre commentaire.',
  'upload.tooLarge':
    'Ce fichier est trop volumineux pour ce portail. Réduisez sa taille (par exemple un PDF compressé ou une archive ZIP) et réessayez.',
  'upload.typeNotAllowed':
    'Les fichiers de ce type ne peuvent pas être envoyés. Utilisez un PDF, une image (PNG, JPEG, GIF, WebP), un fichier Word, Excel, PowerPoint ou OpenDocument, une archive ZIP ou du texte brut.',
  'upload.empty': 'Ce fichier est vide. Choisissez un fichier avec du contenu.',
  'upload.required': "Choisissez d'abord un fichier.",
  'upload.invalid': "Cet envoi n'a pas été accepté. Envoyez un fichier à la fois.",
  'upload.tooManyAtOnce':
    'Vous envoyez déjà plusieurs fichiers. Attendez la fin de ces envois, puis réessayez.',
  'upload.tooManyFiles': 'Cet enregistrement ne peut plus recevoir de fichiers.',
};
