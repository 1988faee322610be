/** Spanish text of the coverage map; part of the Spanish catalogue. */
import type { enCoverage } from './coverage-en';

export const esCoverage: Record<keyof typeof enCoverage, string> = {
  'coverage.link': 'Qué abordan las contribuciones a este foro: el mapa de cobertura',
  'coverage.title': 'Qué abordan las contribuciones a {forum}',
  'coverage.staffTitle': 'Cobertura de {forum}, incluidas las contribuciones en examen',
  'coverage.intro': 'Qué objetivos del Pacto Mundial sobre Migración abordan las contribuciones publicadas, por grupo de partes interesadas y por región de las Naciones Unidas, en qué idiomas se redactaron y cuándo llegaron. Una contribución que aborda varios objetivos se cuenta en cada uno de ellos. Solo cifras: no permiten identificar ninguna contribución ni a ninguna persona.',
  'coverage.staffIntro': 'Los mismos mapas que en la página pública, contando también las contribuciones aún en examen (a la espera de una decisión, devueltas para que se hagan cambios, o aceptadas y aún no publicadas): dónde el registro es escaso mientras la convocatoria sigue abierta. No se cuentan las contribuciones retiradas, rechazadas, duplicadas ni el contenido no deseado.',
  'coverage.total': 'Contribuciones contabilizadas: {count}.',
  'coverage.none': 'Aún no hay contribuciones que contabilizar.',
  'coverage.byConstituency': 'Objetivos del Pacto Mundial por grupo de partes interesadas',
  'coverage.byConstituency.desc': 'Una cuadrícula con una fila por objetivo del Pacto Mundial y una columna por grupo de partes interesadas; cada celda indica el número de contribuciones de ese grupo que abordan ese objetivo, con un color más oscuro cuanto mayor es. Las mismas cifras figuran en el cuadro que aparece a continuación.',
  'coverage.byRegion': 'Objetivos del Pacto Mundial por región de las Naciones Unidas',
  'coverage.byRegion.desc': 'Una cuadrícula con una fila por objetivo del Pacto Mundial y una columna por región de las Naciones Unidas; cada celda indica el número de contribuciones de esa región que abordan ese objetivo, con un color más oscuro cuanto mayor es. Las mismas cifras figuran en el cuadro que aparece a continuación.',
  'coverage.byLanguage': 'Contribuciones por idioma de redacción',
  'coverage.byLanguage.desc': 'Una barra por idioma de las Naciones Unidas, de longitud proporcional al número de contribuciones redactadas en él. Las mismas cifras figuran en el cuadro que aparece a continuación.',
  'coverage.byWeek': 'Contribuciones por semana de llegada',
  'coverage.byWeek.desc': 'Una barra por semana, desde la primera semana con una contribución hasta la última, de longitud proporcional al número de contribuciones recibidas esa semana. Las mismas cifras figuran en el cuadro que aparece a continuación.',
  'coverage.table': 'Las cifras en forma de cuadro',
  'coverage.col.objective': 'Objetivo',
  'coverage.col.language': 'Idioma',
  'coverage.col.week': 'Semana que empieza el',
  'coverage.col.inputs': 'Contribuciones',
  'coverage.staffLink': 'Mapa de cobertura de este foro, incluidas las contribuciones en examen',
  'coverage.back': 'Volver a {forum}',
};
