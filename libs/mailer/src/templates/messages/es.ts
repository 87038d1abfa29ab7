import type { MailMessages } from './mail-messages';

export const es: MailMessages = {
  greeting: 'Hola, {name}:',
  greetingWithoutName: 'Hola:',
  linkFallback: 'Si el botón no funciona, copie esta dirección en su navegador:',
  signature: 'El equipo de {portal}',
  invitation: {
    subject: 'Le han invitado a {portal}',
    heading: 'Bienvenido a {portal}',
    intro: 'Le han invitado a {portal}. Elija una contraseña para activar su cuenta.',
    action: 'Aceptar la invitación',
    expiry: 'Este enlace solo funciona una vez y caduca el {expiresAt}.',
    ignore: 'Si no esperaba esta invitación, puede ignorar este correo.',
  },
  passwordReset: {
    subject: 'Restablezca su contraseña de {portal}',
    heading: 'Restablezca su contraseña',
    intro:
      'Alguien ha pedido restablecer la contraseña de su cuenta de {portal}. Elija una contraseña nueva a continuación.',
    action: 'Elegir una contraseña nueva',
    expiry: 'Este enlace solo funciona una vez y caduca el {expiresAt}.',
    ignore: 'Si no lo ha pedido usted, ignore este correo: su contraseña no cambia.',
  },
  emailChange: {
    subject: 'Confirme su nueva dirección de correo para {portal}',
    heading: 'Confirme su nueva dirección de correo',
    intro: 'Su cuenta de {portal} usará {newEmail} a partir de ahora. Confirme que esta dirección es suya.',
    action: 'Confirmar esta dirección',
    expiry: 'Este enlace solo funciona una vez y caduca el {expiresAt}.',
    ignore: 'Si no lo ha pedido usted, ignore este correo: su cuenta conserva su dirección actual.',
  },
  caseFooter:
    'Recibe este correo porque sigue las novedades de sus casos en {portal}. Puede desactivar estos correos en su perfil.',
  caseStatusChanged: {
    subject: 'Su caso «{case}» está ahora en estado {status}',
    subjectWithoutName: 'Su caso está ahora en estado {status}',
    heading: 'Estado del caso: {status}',
    intro: 'El estado de su caso «{case}» ha cambiado a {status}.',
    introWithoutName: 'El estado de uno de sus casos ha cambiado a {status}.',
    action: 'Ver el caso',
  },
  caseStatuses: {
    New: 'Nuevo',
    Assigned: 'Asignado',
    Pending: 'Pendiente',
    'Internal review': 'Revisión interna',
    Closed: 'Cerrado',
    Rejected: 'Rechazado',
    Duplicate: 'Duplicado',
  },
  caseReply: {
    subject: 'Nueva respuesta en su caso «{case}»',
    subjectWithoutName: 'Nueva respuesta en su caso',
    heading: 'Nueva respuesta en su caso',
    intro: 'Nuestro equipo ha respondido en su caso «{case}»:',
    introWithoutName: 'Nuestro equipo ha respondido en uno de sus casos:',
    action: 'Ver el caso y responder',
  },
};
