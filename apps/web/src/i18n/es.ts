import type { Messages } from './en.js';

/** Español (de usted). */
export const es: Messages = {
  'app.title': 'Portal de clientes',
  'app.skipToContent': 'Ir al contenido',
  'app.mainNav': 'Secciones del portal',
  'app.logoAlt': 'Logotipo de {name}',

  'nav.dashboard': 'Panel',
  'nav.profile': 'Mi perfil',
  'nav.logout': 'Cerrar sesión',

  'entity.Case': 'Casos',
  'entity.KnowledgeBaseArticle': 'Base de conocimiento',
  'entity.Document': 'Documentos',
  'entity.Account': 'Empresas',
  'entity.Contact': 'Contactos',
  'entity.one.Case': 'Caso',
  'entity.one.KnowledgeBaseArticle': 'Artículo',
  'entity.one.Document': 'Documento',

  'field.name': 'Nombre',
  'field.description': 'Descripción',
  'field.status': 'Estado',
  'field.priority': 'Prioridad',
  'field.type': 'Tipo',
  'field.body': 'Artículo',
  'field.fileName': 'Archivo',
  'field.createdAt': 'Creado',
  'field.modifiedAt': 'Último cambio',
  'field.createdBy': 'Creado por',
  'field.modifiedBy': 'Modificado por',
  'field.email': 'Correo electrónico',
  'field.firstName': 'Nombre de pila',
  'field.lastName': 'Apellidos',
  'field.phone': 'Teléfono',
  'field.password': 'Contraseña',
  'field.newPassword': 'Contraseña nueva',
  'field.confirmPassword': 'Repita la contraseña',
  'field.required': 'obligatorio',
  'field.yes': 'Sí',
  'field.no': 'No',
  'field.empty': '—',

  'login.title': 'Iniciar sesión',
  'login.submit': 'Iniciar sesión',
  'login.forgot': '¿Ha olvidado su contraseña?',
  'login.failed':
    'El correo electrónico o la contraseña no son correctos, o esta cuenta no tiene acceso a este portal.',
  'login.loggedOut': 'Ha cerrado la sesión.',
  'login.sessionExpired':
    'Su sesión ha terminado porque estuvo un tiempo sin actividad. Vuelva a iniciar sesión.',
  'login.sessionEnded': 'Su sesión ha terminado. Vuelva a iniciar sesión.',
  'login.passwordReset': 'Su contraseña se ha cambiado. Ya puede iniciar sesión con ella.',
  'login.emailConfirmed': 'Su nueva dirección de correo está confirmada. Inicie sesión con ella.',

  'invitation.title': 'Bienvenido: elija su contraseña',
  'invitation.intro':
    'Establezca una contraseña para terminar de crear su cuenta. La usará junto con su correo electrónico para iniciar sesión.',
  'invitation.submit': 'Guardar la contraseña y continuar',
  'invitation.noToken':
    'Este enlace de invitación está incompleto. Vuelva a abrir el enlace de su correo de invitación.',

  'password.hint': 'Al menos 10 caracteres.',
  'password.mismatch': 'Las dos contraseñas no coinciden.',
  'password.singleCharacter': 'La contraseña no puede ser un solo carácter repetido (como «aaaaaaaaaa»).',

  'forgot.title': 'Ha olvidado su contraseña',
  'forgot.intro':
    'Escriba su correo electrónico. Si pertenece a una cuenta de este portal, le enviaremos un enlace para elegir una contraseña nueva.',
  'forgot.submit': 'Enviar el enlace',
  'forgot.sent':
    'Si la dirección pertenece a una cuenta de este portal, le hemos enviado un correo con un enlace. El enlace solo funciona una vez.',
  'forgot.backToLogin': 'Volver a iniciar sesión',

  'reset.title': 'Elija una contraseña nueva',
  'reset.submit': 'Guardar la contraseña nueva',
  'reset.noToken': 'Este enlace está incompleto. Vuelva a abrir el enlace de su correo o pida uno nuevo.',

  'confirmEmail.title': 'Confirme su nueva dirección de correo',
  'confirmEmail.intro': 'Confirme que esta dirección es suya para terminar el cambio.',
  'confirmEmail.submit': 'Confirmar mi dirección de correo',
  'confirmEmail.noToken':
    'Este enlace de confirmación está incompleto. Vuelva a abrir el enlace de su correo.',

  'dashboard.title': 'Panel',
  'dashboard.empty': 'Todavía no hay nada que mostrar.',
  'dashlet.OpenCasesByPriority': 'Casos abiertos por prioridad',
  'dashlet.RecentCases': 'Casos recientes',
  'dashlet.RecentKnowledgeBaseArticles': 'Últimos artículos',
  'dashlet.CaseResolutionTimeByPriority': 'Tiempo de resolución de los casos',
  'dashlet.Announcement': 'Aviso',
  'dashlet.priority': 'Prioridad',
  'dashlet.count': 'Casos',
  'dashlet.total': 'Todos los casos abiertos: {count}',
  'dashlet.averageHours': 'Horas de media',
  'dashlet.noData': 'No disponible.',
  'dashlet.empty': 'Todavía nada.',

  'list.empty': 'Todavía no hay nada aquí.',
  'list.create': 'Nuevo: {type}',
  'list.sortBy': 'Ordenar por {field}',
  'list.caption': '{type}, {total} en total, página {page} de {pages}',
  'list.fieldLabel': '{field}:',
  'list.sortForm': 'Ordenar la lista',
  'list.sortField': 'Ordenar por',
  'list.sortOrder': 'Orden',
  'list.ascending': 'Ascendente (de la A a la Z, primero los más antiguos)',
  'list.descending': 'Descendente (de la Z a la A, primero los más recientes)',
  'list.sortApply': 'Ordenar',
  'pager.label': 'Páginas',
  'pager.previous': 'Página anterior',
  'pager.next': 'Página siguiente',
  'pager.status': 'Página {page} de {pages} ({total} en total)',

  'record.notFound': 'No encontrado',
  'record.notFoundDetail': 'Este registro no existe, o no tiene permiso para verlo.',
  'record.details': 'Detalles',
  'record.edit': 'Cambiar los datos',
  'record.save': 'Guardar los cambios',
  'record.saved': 'Sus cambios se han guardado.',
  'record.backToList': 'Volver a: {type}',

  'create.title': 'Nuevo: {type}',
  'create.submit': 'Crear',
  'create.created': 'Creado. Puede seguirlo desde aquí.',
  'create.notAllowed': 'No tiene permiso para crear esto.',

  'comments.title': 'Comentarios',
  'comments.empty': 'Todavía no hay comentarios.',
  'comments.add': 'Añadir un comentario',
  'comments.submit': 'Publicar el comentario',
  'comments.posted': 'Su comentario se ha publicado.',

  'profile.title': 'Mi perfil',
  'profile.save': 'Guardar mi perfil',
  'profile.saved': 'Su perfil se ha guardado.',
  'profile.notify': 'Avisarme por correo cuando cambien mis casos',
  'profile.nameHint': 'Indique al menos un nombre de pila o unos apellidos.',

  'notFound.title': 'Página no encontrada',
  'notFound.detail': 'Esta página no existe en este portal.',
  'notFound.home': 'Ir a la página de inicio',
  'portalUnavailable.title': 'Este portal no está disponible',
  'portalUnavailable.detail':
    'Este portal no existe o no está disponible. Compruebe la dirección o pregunte a quien se la dio.',

  'error.title': 'Algo ha salido mal',
  'error.network': 'No se ha podido conectar con el servidor. Compruebe su conexión e inténtelo de nuevo.',
  'error.fields': 'Corrija estos campos:',
  'error.fieldItem': '{field}: {message}',
  'error.validation': 'Hay que corregir parte de lo que ha escrito.',
  'error.rateLimited': 'Demasiados intentos en poco tiempo. Espere unos minutos y vuelva a intentarlo.',
  'error.conflict':
    'Otra persona lo ha cambiado mientras tanto. Vuelva a cargar la página para ver la última versión y repita su cambio.',
  'error.forbidden': 'No tiene permiso para hacer esto.',
  'error.server': 'Algo ha salido mal por nuestra parte. Inténtelo de nuevo dentro de un momento.',
  'error.passwordIncorrect': 'La contraseña actual no es correcta.',
  'error.invitationInvalid':
    'Este enlace de invitación no es válido. Pida una nueva invitación a quien le invitó.',
  'error.invitationExpired': 'Esta invitación ha caducado. Pida una nueva invitación a quien le invitó.',
  'error.invitationUsed':
    'Esta invitación ya se aceptó. Inicie sesión con su correo electrónico y su contraseña.',
  'error.resetInvalid': 'Este enlace para restablecer la contraseña no es válido. Pida uno nuevo.',
  'error.resetExpired': 'Este enlace para restablecer la contraseña ha caducado. Pida uno nuevo.',
  'error.resetUsed':
    'Este enlace para restablecer la contraseña ya se usó. Pida uno nuevo si todavía lo necesita.',
  'error.emailChangeInvalid':
    'Este enlace de confirmación no es válido. Abra el enlace de su correo más reciente.',
  'error.emailChangeExpired':
    'Este enlace de confirmación ha caducado. Vuelva a cambiar su dirección de correo para recibir uno nuevo.',
  'error.accountDeactivated':
    'Esta cuenta está desactivada. Póngase en contacto con la empresa que gestiona este portal.',

  'validation.required': 'Rellene este campo.',
  'validation.email': 'Escriba una dirección de correo como nombre@ejemplo.es.',
  'validation.tooLong': 'Es demasiado largo: como máximo {max} caracteres.',
  'validation.tooShort': 'Es demasiado corto: al menos {min} caracteres.',
  'validation.blank': 'No puede contener solo espacios.',
  'validation.nameRequired': 'Escriba un nombre de pila o unos apellidos.',
  'validation.invalid': 'Este valor no se acepta. Compruébelo.',
};
