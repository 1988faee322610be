/** Spanish text of the public listing's search; part of the Spanish catalogue. */
import type { enSearch } from './search-en';

export const esSearch: Record<keyof typeof enSearch, string> = {
  'search.allTitle': 'Contribuciones publicadas a los foros de examen',
  'search.allIntro': 'Contribuciones por escrito a todos los foros de examen que la secretaría aceptó y publicó. Búsquelas en cualquier idioma de las Naciones Unidas o acótelas según lo que abordan y quién las envió.',
  'search.allLink': 'Buscar en las contribuciones publicadas de todos los foros',
  'search.form': 'Buscar en las contribuciones publicadas',
  'search.q': 'Palabras que buscar',
  'search.q.hint': 'En cualquier idioma de las Naciones Unidas. Ponga las palabras entre comillas rectas ("así") para encontrarlas juntas, escriba or entre alternativas y ponga un signo menos delante de una palabra para excluirla.',
  'search.any': 'Cualquiera',
  'search.forum': 'Foro',
  'search.objective': 'Objetivo del Pacto Mundial',
  'search.principle': 'Principio rector',
  'search.sort': 'Orden',
  'search.sort.relevance': 'Primero las coincidencias en el título o el resumen, luego las más recientes',
  'search.sort.newest': 'Más recientes primero',
  'search.sort.oldest': 'Más antiguas primero',
  'search.submit': 'Buscar',
  'search.clear': 'Borrar la búsqueda',
  'search.results': '{count} contribuciones publicadas',
  'search.matching': '{count} contribuciones publicadas coinciden',
  'search.matchingMore': 'Más de {count} contribuciones publicadas coinciden',
  'search.none': 'Ninguna contribución publicada coincide. Pruebe con otras palabras, con menos palabras o con menos filtros.',
  'search.next': 'Página siguiente',
  'search.first': 'Primera página',
  'search.pages': 'Páginas de resultados',
  'search.in': 'En {forum}',
};
