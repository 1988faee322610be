/** French text of the public listing's search; part of the French catalogue. */
import type { enSearch } from './search-en';

export const frSearch: Record<keyof typeof enSearch, string> = {
  'search.allTitle': 'Contributions publiées aux forums d’examen',
  'search.allIntro': 'Contributions écrites à tous les forums d’examen que le secrétariat a acceptées et publiées. Recherchez-les dans n’importe quelle langue officielle de l’ONU, ou affinez-les selon les thèmes abordés et leurs auteurs.',
  'search.allLink': 'Rechercher dans les contributions publiées de tous les forums',
  'search.form': 'Rechercher dans les contributions publiées',
  'search.q': 'Mots à rechercher',
  'search.q.hint': 'Dans n’importe quelle langue officielle de l’ONU. Placez des mots entre guillemets droits ("…") pour les trouver ensemble, écrivez or entre des variantes, et mettez un signe moins devant un mot pour l’exclure.',
  'search.any': 'Tous',
  'search.forum': 'Forum',
  'search.objective': 'Objectif du Pacte mondial',
  'search.principle': 'Principe directeur',
  'search.sort': 'Ordre',
  'search.sort.relevance': 'Correspondances dans le titre ou le résumé d’abord, puis les plus récentes',
  'search.sort.newest': 'Les plus récentes en premier',
  'search.sort.oldest': 'Les plus anciennes en premier',
  'search.submit': 'Rechercher',
  'search.clear': 'Effacer la recherche',
  'search.results': '{count} contributions publiées',
  'search.matching': '{count} contributions publiées correspondent',
  'search.matchingMore': 'Plus de {count} contributions publiées correspondent',
  'search.none': 'Aucune contribution publiée ne correspond. Essayez d’autres mots, moins de mots ou moins de filtres.',
  'search.next': 'Page suivante',
  'search.first': 'Première page',
  'search.pages': 'Pages de résultats',
  'search.in': 'Forum : {forum}',
};
