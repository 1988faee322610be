/** French text of the coverage map; part of the French catalogue. */
import type { enCoverage } from './coverage-en';

export const frCoverage: Record<keyof typeof enCoverage, string> = {
  'coverage.link': 'Thèmes abordés par les contributions adressées à ce forum : la carte de couverture',
  'coverage.title': 'Thèmes abordés par les contributions – {forum}',
  'coverage.staffTitle': 'Couverture – {forum}, y compris les contributions en cours d’examen',
  'coverage.intro': 'Les objectifs du Pacte mondial sur les migrations abordés par les contributions publiées, par groupe de parties prenantes et par région des Nations Unies, les langues dans lesquelles elles ont été rédigées et leur date d’arrivée. Une contribution qui aborde plusieurs objectifs est comptée sous chacun d’eux. Des chiffres uniquement : aucune contribution ni aucune personne ne peut être identifiée à partir de ces données.',
  'coverage.staffIntro': 'Les mêmes cartes que sur la page publique, qui comptent aussi les contributions encore en cours d’examen (en attente de décision, renvoyées pour modification, ou acceptées et pas encore publiées) : elles montrent où le dossier reste mince tant que l’appel est ouvert. Les contributions retirées, rejetées, en double ou marquées comme spam ne sont pas comptées.',
  'coverage.total': 'Contributions comptées : {count}.',
  'coverage.none': 'Aucune contribution à compter pour l’instant.',
  'coverage.byConstituency': 'Objectifs du Pacte mondial par groupe de parties prenantes',
  'coverage.byConstituency.desc': 'Une grille avec une ligne par objectif du Pacte mondial et une colonne par groupe de parties prenantes ; chaque cellule indique le nombre de contributions de ce groupe qui abordent cet objectif, en plus foncé lorsqu’elles sont plus nombreuses. Les mêmes chiffres figurent dans le tableau ci-dessous.',
  'coverage.byRegion': 'Objectifs du Pacte mondial par région des Nations Unies',
  'coverage.byRegion.desc': 'Une grille avec une ligne par objectif du Pacte mondial et une colonne par région des Nations Unies ; chaque cellule indique le nombre de contributions de cette région qui abordent cet objectif, en plus foncé lorsqu’elles sont plus nombreuses. Les mêmes chiffres figurent dans le tableau ci-dessous.',
  'coverage.byLanguage': 'Contributions selon leur langue de rédaction',
  'coverage.byLanguage.desc': 'Une barre par langue officielle de l’ONU, proportionnelle au nombre de contributions rédigées dans cette langue. Les mêmes chiffres figurent dans le tableau ci-dessous.',
  'coverage.byWeek': 'Contributions par semaine d’arrivée',
  'coverage.byWeek.desc': 'Une barre par semaine, de la première semaine comptant une contribution à la dernière, proportionnelle au nombre de contributions reçues cette semaine-là. Les mêmes chiffres figurent dans le tableau ci-dessous.',
  'coverage.table': 'Les chiffres sous forme de tableau',
  'coverage.col.objective': 'Objectif',
  'coverage.col.language': 'Langue',
  'coverage.col.week': 'Semaine du',
  'coverage.col.inputs': 'Contributions',
  'coverage.staffLink': 'Carte de couverture de ce forum, y compris les contributions en cours d’examen',
  'coverage.back': 'Retour à la page « {forum} »',
};
