import type { MessageKey } from './en';
import type { PluralMessage } from './plurals';

/** Spanish text of the messages whose wording agrees with a number, per CLDR category (one, many, other). */
export const esPlurals: Partial<Record<MessageKey, PluralMessage>> = {
  'form.summary.hint': {
    by: 'max',
    forms: { one: 'Como máximo {max} carácter.', many: 'Como máximo {max} de caracteres.', other: 'Como máximo {max} caracteres.' },
  },
  'form.body.hint': {
    by: 'max',
    forms: { one: 'Como máximo {max} palabra.', many: 'Como máximo {max} de palabras.', other: 'Como máximo {max} palabras.' },
  },
  'form.summary.hintRange': {
    by: 'max',
    forms: { one: 'Entre {min} y {max} carácter.', many: 'Entre {min} y {max} de caracteres.', other: 'Entre {min} y {max} caracteres.' },
  },
  'form.body.hintRange': {
    by: 'max',
    forms: { one: 'Entre {min} y {max} palabra.', many: 'Entre {min} y {max} de palabras.', other: 'Entre {min} y {max} palabras.' },
  },
  'form.counter.words': {
    by: 'max',
    forms: { one: '{count} de {max} palabra', many: '{count} de {max} de palabras', other: '{count} de {max} palabras' },
  },
  'form.counter.wordsOver': {
    by: 'over',
    forms: {
      one: '{over} palabra por encima del límite',
      many: '{over} de palabras por encima del límite',
      other: '{over} palabras por encima del límite',
    },
  },
  'form.counter.characters': {
    by: 'max',
    forms: { one: '{count} de {max} carácter', many: '{count} de {max} de caracteres', other: '{count} de {max} caracteres' },
  },
  'form.counter.charactersOver': {
    by: 'over',
    forms: {
      one: '{over} carácter por encima del límite',
      many: '{over} de caracteres por encima del límite',
      other: '{over} caracteres por encima del límite',
    },
  },
  'form.errorSummary': {
    by: 'count',
    forms: { one: 'Hay un problema en {count} campo', many: 'Hay problemas en {count} de campos', other: 'Hay problemas en {count} campos' },
  },
  'error.rateLimited': {
    by: 'minutes',
    forms: {
      one: 'Se enviaron demasiadas contribuciones desde su conexión o dirección de correo electrónico en poco tiempo. Vuelva a intentarlo dentro de {minutes} minuto; no se ha perdido nada de lo que escribió.',
      many: 'Se enviaron demasiadas contribuciones desde su conexión o dirección de correo electrónico en poco tiempo. Vuelva a intentarlo dentro de {minutes} de minutos; no se ha perdido nada de lo que escribió.',
      other: 'Se enviaron demasiadas contribuciones desde su conexión o dirección de correo electrónico en poco tiempo. Vuelva a intentarlo dentro de {minutes} minutos; no se ha perdido nada de lo que escribió.',
    },
  },
  'api.problem.rateLimited.detail': {
    by: 'seconds',
    forms: {
      one: 'Se enviaron demasiadas contribuciones desde esta conexión o para esta dirección de correo electrónico en poco tiempo. Vuelva a intentarlo dentro de {seconds} segundo.',
      many: 'Se enviaron demasiadas contribuciones desde esta conexión o para esta dirección de correo electrónico en poco tiempo. Vuelva a intentarlo dentro de {seconds} de segundos.',
      other: 'Se enviaron demasiadas contribuciones desde esta conexión o para esta dirección de correo electrónico en poco tiempo. Vuelva a intentarlo dentro de {seconds} segundos.',
    },
  },
  'api.problem.contentTooLarge.detail': {
    by: 'max',
    forms: {
      one: 'El cuerpo de la solicitud puede contener como máximo {max} byte.',
      many: 'El cuerpo de la solicitud puede contener como máximo {max} de bytes.',
      other: 'El cuerpo de la solicitud puede contener como máximo {max} bytes.',
    },
  },
  'api.received.note': {
    by: 'days',
    forms: {
      one: 'Hemos enviado un enlace de confirmación a la dirección de correo electrónico indicada. La contribución solo llega a la secretaría una vez confirmada la dirección; una contribución no confirmada en un plazo de {days} día se elimina.',
      many: 'Hemos enviado un enlace de confirmación a la dirección de correo electrónico indicada. La contribución solo llega a la secretaría una vez confirmada la dirección; una contribución no confirmada en un plazo de {days} de días se elimina.',
      other: 'Hemos enviado un enlace de confirmación a la dirección de correo electrónico indicada. La contribución solo llega a la secretaría una vez confirmada la dirección; una contribución no confirmada en un plazo de {days} días se elimina.',
    },
  },
  'forumAdmin.list.caption': {
    by: 'count',
    forms: { one: '{count} foro, por fecha de cierre', many: '{count} de foros, por fecha de cierre', other: '{count} foros, por fecha de cierre' },
  },
  'form.attachments.rules': {
    by: 'count',
    forms: {
      one: 'Puede adjuntar {count} archivo, de {size} MB como máximo. Se aceptan: {types}.',
      many: 'Puede adjuntar hasta {count} de archivos, de {size} MB como máximo cada uno. Se aceptan: {types}.',
      other: 'Puede adjuntar hasta {count} archivos, de {size} MB como máximo cada uno. Se aceptan: {types}.',
    },
  },
  'attachment.tooMany': {
    by: 'count',
    forms: {
      one: 'Demasiados archivos: esta convocatoria solo acepta {count}.',
      many: 'Demasiados archivos: esta convocatoria acepta como máximo {count}.',
      other: 'Demasiados archivos: esta convocatoria acepta como máximo {count}.',
    },
  },
  'staff.login.throttled': {
    by: 'minutes',
    forms: {
      one: 'Demasiados intentos de inicio de sesión desde esta conexión. Espere {minutes} minuto y vuelva a intentarlo.',
      many: 'Demasiados intentos de inicio de sesión desde esta conexión. Espere {minutes} de minutos y vuelva a intentarlo.',
      other: 'Demasiados intentos de inicio de sesión desde esta conexión. Espere {minutes} minutos y vuelva a intentarlo.',
    },
  },
  'staff.invite.passwordHint': {
    by: 'min',
    forms: {
      one: 'Como mínimo {min} carácter. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.',
      many: 'Como mínimo {min} de caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.',
      other: 'Como mínimo {min} caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.',
    },
  },
  'staff.invite.too_short': {
    by: 'min',
    forms: {
      one: 'La contraseña debe tener como mínimo {min} carácter.',
      many: 'La contraseña debe tener como mínimo {min} de caracteres.',
      other: 'La contraseña debe tener como mínimo {min} caracteres.',
    },
  },
  'staff.team.caption': {
    by: 'count',
    forms: { one: '{count} cuenta del personal', many: '{count} de cuentas del personal', other: '{count} cuentas del personal' },
  },
  'staff.queue.matching': {
    by: 'count',
    forms: { one: '{count} contribución coincide', many: '{count} de contribuciones coinciden', other: '{count} contribuciones coinciden' },
  },
  'staff.bulk.done': {
    by: 'count',
    forms: {
      one: 'Se decidió sobre {count} contribución.',
      many: 'Se decidió sobre {count} de contribuciones.',
      other: 'Se decidió sobre {count} contribuciones.',
    },
  },
  'search.results': {
    by: 'count',
    forms: { one: '{count} contribución publicada', many: '{count} de contribuciones publicadas', other: '{count} contribuciones publicadas' },
  },
  'search.matching': {
    by: 'count',
    forms: {
      one: '{count} contribución publicada coincide',
      many: '{count} de contribuciones publicadas coinciden',
      other: '{count} contribuciones publicadas coinciden',
    },
  },
  'search.matchingMore': {
    by: 'count',
    forms: {
      one: 'Más de {count} contribución publicada coincide',
      many: 'Más de {count} de contribuciones publicadas coinciden',
      other: 'Más de {count} contribuciones publicadas coinciden',
    },
  },
  'search.resultsMore': {
    by: 'count',
    forms: {
      one: 'Más de {count} contribución publicada',
      many: 'Más de {count} de contribuciones publicadas',
      other: 'Más de {count} contribuciones publicadas',
    },
  },
  'book.progress': {
    by: 'total',
    forms: {
      one: '{done} de {total} contribución maquetada',
      many: '{done} de {total} de contribuciones maquetadas',
      other: '{done} de {total} contribuciones maquetadas',
    },
  },
  'ledger.meaning.received': {
    by: 'days',
    forms: {
      one: 'Contribuciones cuyo remitente confirmó su dirección de correo electrónico. Solo estas llegan a la secretaría; las contribuciones nunca confirmadas se eliminan al cabo de {days} día y no se cuentan aquí.',
      many: 'Contribuciones cuyo remitente confirmó su dirección de correo electrónico. Solo estas llegan a la secretaría; las contribuciones nunca confirmadas se eliminan al cabo de {days} de días y no se cuentan aquí.',
      other: 'Contribuciones cuyo remitente confirmó su dirección de correo electrónico. Solo estas llegan a la secretaría; las contribuciones nunca confirmadas se eliminan al cabo de {days} días y no se cuentan aquí.',
    },
  },
};
