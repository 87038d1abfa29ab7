import type { MailMessages } from './mail-messages';

export const fr: MailMessages = {
  greeting: 'Bonjour {name},',
  greetingWithoutName: 'Bonjour,',
  linkFallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
  signature: 'L’équipe {portal}',
  invitation: {
    subject: 'Vous êtes invité sur {portal}',
    heading: 'Bienvenue sur {portal}',
    intro: 'Vous avez été invité sur {portal}. Choisissez un mot de passe pour activer votre compte.',
    action: 'Accepter l’invitation',
    expiry: 'Ce lien ne fonctionne qu’une fois et expire le {expiresAt}.',
    ignore: 'Si vous n’attendiez pas cette invitation, vous pouvez ignorer cet e-mail.',
  },
  passwordReset: {
    subject: 'Réinitialisez votre mot de passe {portal}',
    heading: 'Réinitialisez votre mot de passe',
    intro:
      'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte {portal}. Choisissez un nouveau mot de passe ci-dessous.',
    action: 'Choisir un nouveau mot de passe',
    expiry: 'Ce lien ne fonctionne qu’une fois et expire le {expiresAt}.',
    ignore: 'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.',
  },
  emailChange: {
    subject: 'Confirmez votre nouvelle adresse e-mail pour {portal}',
    heading: 'Confirmez votre nouvelle adresse e-mail',
    intro:
      'Votre compte {portal} doit désormais utiliser {newEmail}. Confirmez que cette adresse vous appartient.',
    action: 'Confirmer cette adresse',
    expiry: 'Ce lien ne fonctionne qu’une fois et expire le {expiresAt}.',
    ignore: 'Si vous n’avez rien demandé, ignorez cet e-mail : votre compte garde son adresse actuelle.',
  },
  caseFooter:
    'Vous recevez cet e-mail parce que vous suivez l’avancement de vos demandes sur {portal}. Vous pouvez désactiver ces e-mails dans votre profil.',
  caseStatusChanged: {
    subject: 'Votre demande « {case} » est maintenant : {status}',
    subjectWithoutName: 'Votre demande est maintenant : {status}',
    heading: 'Statut de la demande : {status}',
    intro: 'Le statut de votre demande « {case} » est passé à : {status}.',
    introWithoutName: 'Le statut de l’une de vos demandes est passé à : {status}.',
    action: 'Voir la demande',
  },
  caseStatuses: {
    New: 'Nouvelle',
    Assigned: 'Attribuée',
    Pending: 'En attente',
    'Internal review': 'Revue interne',
    Closed: 'Fermée',
    Rejected: 'Rejetée',
    Duplicate: 'Doublon',
  },
  caseReply: {
    subject: 'Nouvelle réponse à votre demande « {case} »',
    subjectWithoutName: 'Nouvelle réponse à votre demande',
    heading: 'Nouvelle réponse à votre demande',
    intro: 'Notre équipe a répondu à votre demande « {case} » :',
    introWithoutName: 'Notre équipe a répondu à l’une de vos demandes :',
    action: 'Voir la demande et répondre',
  },
};
