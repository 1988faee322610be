/** French text of the messages whose wording agrees with a number: CLDR one (0, 1), many (1 000 000 …), other. */
import type { MessageKey } from './en';
import type { PluralMessage } from './plurals';

export const frPlurals: Partial<Record<MessageKey, PluralMessage>> = {
  'form.summary.hint': {
    by: 'max',
    forms: {
      one: '{max} caractère au maximum.',
      many: '{max} caractères au maximum.',
      other: '{max} caractères au maximum.',
    },
  },
  'form.body.hint': {
    by: 'max',
    forms: {
      one: '{max} mot au maximum.',
      many: '{max} mots au maximum.',
      other: '{max} mots au maximum.',
    },
  },
  'form.summary.hintRange': {
    by: 'max',
    forms: {
      one: 'Entre {min} et {max} caractère.',
      many: 'Entre {min} et {max} caractères.',
      other: 'Entre {min} et {max} caractères.',
    },
  },
  'form.body.hintRange': {
    by: 'max',
    forms: {
      one: 'Entre {min} et {max} mot.',
      many: 'Entre {min} et {max} mots.',
      other: 'Entre {min} et {max} mots.',
    },
  },
  'form.errorSummary': {
    by: 'count',
    forms: {
      one: 'Il y a un problème dans {count} champ',
      many: 'Il y a un problème dans {count} champs',
      other: 'Il y a un problème dans {count} champs',
    },
  },
  'error.rateLimited': {
    by: 'minutes',
    forms: {
      one: 'Trop de contributions ont été envoyées depuis votre connexion ou votre adresse électronique en peu de temps. Veuillez réessayer dans {minutes} minute ; rien de ce que vous avez saisi n’est perdu.',
      many: 'Trop de contributions ont été envoyées depuis votre connexion ou votre adresse électronique en peu de temps. Veuillez réessayer dans {minutes} minutes ; rien de ce que vous avez saisi n’est perdu.',
      other: 'Trop de contributions ont été envoyées depuis votre connexion ou votre adresse électronique en peu de temps. Veuillez réessayer dans {minutes} minutes ; rien de ce que vous avez saisi n’est perdu.',
    },
  },
  'api.problem.rateLimited.detail': {
    by: 'seconds',
    forms: {
      one: 'Trop de contributions ont été envoyées depuis cette connexion ou pour cette adresse électronique en peu de temps. Réessayez dans {seconds} seconde.',
      many: 'Trop de contributions ont été envoyées depuis cette connexion ou pour cette adresse électronique en peu de temps. Réessayez dans {seconds} secondes.',
      other: 'Trop de contributions ont été envoyées depuis cette connexion ou pour cette adresse électronique en peu de temps. Réessayez dans {seconds} secondes.',
    },
  },
  'forumAdmin.list.caption': {
    by: 'count',
    forms: {
      one: '{count} forum, par date de clôture',
      many: '{count} forums, par date de clôture',
      other: '{count} forums, par date de clôture',
    },
  },
  'form.attachments.rules': {
    by: 'count',
    forms: {
      one: 'Vous pouvez joindre {count} fichier au maximum, de {size} Mo au plus. Formats acceptés : {types}.',
      many: 'Vous pouvez joindre jusqu’à {count} fichiers, de {size} Mo au maximum chacun. Formats acceptés : {types}.',
      other: 'Vous pouvez joindre jusqu’à {count} fichiers, de {size} Mo au maximum chacun. Formats acceptés : {types}.',
    },
  },
  'attachment.tooMany': {
    by: 'count',
    forms: {
      one: 'Trop de fichiers : cet appel n’en accepte que {count}.',
      many: 'Trop de fichiers : cet appel en accepte {count} au maximum.',
      other: 'Trop de fichiers : cet appel en accepte {count} au maximum.',
    },
  },
  'staff.login.throttled': {
    by: 'minutes',
    forms: {
      one: 'Trop de tentatives d’identification depuis cette connexion. Veuillez patienter {minutes} minute, puis réessayer.',
      many: 'Trop de tentatives d’identification depuis cette connexion. Veuillez patienter {minutes} minutes, puis réessayer.',
      other: 'Trop de tentatives d’identification depuis cette connexion. Veuillez patienter {minutes} minutes, puis réessayer.',
    },
  },
  'staff.team.caption': {
    by: 'count',
    forms: {
      one: '{count} compte du personnel',
      many: '{count} comptes du personnel',
      other: '{count} comptes du personnel',
    },
  },
  'staff.queue.matching': {
    by: 'count',
    forms: {
      one: '{count} contribution correspond',
      many: '{count} contributions correspondent',
      other: '{count} contributions correspondent',
    },
  },
  'search.results': {
    by: 'count',
    forms: {
      one: '{count} contribution publiée',
      many: '{count} contributions publiées',
      other: '{count} contributions publiées',
    },
  },
  'search.matching': {
    by: 'count',
    forms: {
      one: '{count} contribution publiée correspond',
      many: '{count} contributions publiées correspondent',
      other: '{count} contributions publiées correspondent',
    },
  },
  'staff.bulk.done': {
    by: 'count',
    forms: {
      one: '{count} contribution a fait l’objet d’une décision.',
      many: '{count} contributions ont fait l’objet d’une décision.',
      other: '{count} contributions ont fait l’objet d’une décision.',
    },
  },
  'ledger.meaning.received': {
    by: 'days',
    forms: {
      one: 'Contributions dont l’auteur a confirmé son adresse électronique. Seules celles-ci parviennent au secrétariat ; les contributions jamais confirmées sont effacées au bout de {days} jour et ne sont pas comptées ici.',
      many: 'Contributions dont l’auteur a confirmé son adresse électronique. Seules celles-ci parviennent au secrétariat ; les contributions jamais confirmées sont effacées au bout de {days} jours et ne sont pas comptées ici.',
      other: 'Contributions dont l’auteur a confirmé son adresse électronique. Seules celles-ci parviennent au secrétariat ; les contributions jamais confirmées sont effacées au bout de {days} jours et ne sont pas comptées ici.',
    },
  },
  'search.matchingMore': {
    by: 'count',
    forms: {
      one: 'Plus de {count} contribution publiée correspond',
      many: 'Plus de {count} contributions publiées correspondent',
      other: 'Plus de {count} contributions publiées correspondent',
    },
  },
  'search.resultsMore': {
    by: 'count',
    forms: {
      one: 'Plus de {count} contribution publiée',
      many: 'Plus de {count} contributions publiées',
      other: 'Plus de {count} contributions publiées',
    },
  },
  'form.counter.words': {
    by: 'max',
    forms: {
      one: '{count} sur {max} mot',
      many: '{count} sur {max} mots',
      other: '{count} sur {max} mots',
    },
  },
  'form.counter.wordsOver': {
    by: 'over',
    forms: {
      one: '{over} mot au-delà de la limite',
      many: '{over} mots au-delà de la limite',
      other: '{over} mots au-delà de la limite',
    },
  },
  'form.counter.characters': {
    by: 'max',
    forms: {
      one: '{count} sur {max} caractère',
      many: '{count} sur {max} caractères',
      other: '{count} sur {max} caractères',
    },
  },
  'form.counter.charactersOver': {
    by: 'over',
    forms: {
      one: '{over} caractère au-delà de la limite',
      many: '{over} caractères au-delà de la limite',
      other: '{over} caractères au-delà de la limite',
    },
  },
  'api.received.note': {
    by: 'days',
    forms: {
      one: 'Nous avons envoyé un lien de confirmation à l’adresse électronique indiquée. La contribution ne parvient au secrétariat qu’une fois l’adresse confirmée ; une contribution non confirmée dans un délai de {days} jour est effacée.',
      many: 'Nous avons envoyé un lien de confirmation à l’adresse électronique indiquée. La contribution ne parvient au secrétariat qu’une fois l’adresse confirmée ; une contribution non confirmée dans un délai de {days} jours est effacée.',
      other: 'Nous avons envoyé un lien de confirmation à l’adresse électronique indiquée. La contribution ne parvient au secrétariat qu’une fois l’adresse confirmée ; une contribution non confirmée dans un délai de {days} jours est effacée.',
    },
  },
  'api.problem.contentTooLarge.detail': {
    by: 'max',
    forms: {
      one: 'Le corps de la requête ne peut pas dépasser {max} octet.',
      many: 'Le corps de la requête ne peut pas dépasser {max} octets.',
      other: 'Le corps de la requête ne peut pas dépasser {max} octets.',
    },
  },
  'staff.invite.passwordHint': {
    by: 'min',
    forms: {
      one: 'Au moins {min} caractère. Quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.',
      many: 'Au moins {min} caractères. Quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.',
      other: 'Au moins {min} caractères. Quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.',
    },
  },
  'staff.invite.too_short': {
    by: 'min',
    forms: {
      one: 'Le mot de passe doit comporter au moins {min} caractère.',
      many: 'Le mot de passe doit comporter au moins {min} caractères.',
      other: 'Le mot de passe doit comporter au moins {min} caractères.',
    },
  },
  'book.progress': {
    by: 'total',
    forms: {
      one: '{done} sur {total} contribution mise en page',
      many: '{done} sur {total} contributions mises en page',
      other: '{done} sur {total} contributions mises en page',
    },
  },
};
