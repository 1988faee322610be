/** French text of the PDFs: the receipt, a published input and the book of inputs. */
import type { ReceiptTextKey } from './receipt-i18n';
import type { PublicationTextKey } from './publication-i18n';
import type { BookTextKey } from './book-i18n';

export const frReceipt: Record<ReceiptTextKey, string> = {
  title: 'Récépissé de contribution écrite',
  reference: 'Référence',
  receivedUtc: 'Reçue le (UTC)',
  receivedLocal: 'Reçue le (fuseau horaire du forum)',
  submitted: 'Contenu reçu',
  digest: 'Empreinte SHA-256 du contenu envoyé',
  digestNote: 'Cette empreinte identifie exactement le contenu ci-dessus. Conservez ce récépissé comme preuve de l’envoi de votre contribution.',
  page: 'Page {n} sur {total}',
  attachments: 'Fichiers joints',
  attachmentDigest: 'SHA-256 du fichier',
};

export const frPublicationText: Record<PublicationTextKey, string> = {
  kind: 'Contribution écrite',
  reference: 'Référence',
  by: 'Présentée par',
  constituency: 'Groupe de parties prenantes',
  country: 'Pays',
  language: 'Langue de la contribution',
  objectives: 'Objectifs du Pacte mondial',
  principles: 'Principes directeurs',
  published: 'Publiée le',
  summary: 'Résumé',
  text: 'Texte intégral',
  attachments: 'Fichiers publiés avec la contribution',
  cite: 'Comment citer cette contribution',
  source: 'Publiée sur le portail des contributions écrites aux forums d’examen du Pacte mondial sur les migrations :',
  page: 'Page {n} sur {total}',
};

export const frBookText: Record<BookTextKey, string> = {
  title: 'Contributions écrites – {forum}',
  published: 'Contributions publiées au {date} ({count} au total), regroupées par {grouping}.',
  groupingConstituency: 'groupe de parties prenantes',
  groupingObjective: 'objectif du Pacte mondial',
  objectiveNote: 'Une contribution qui aborde plusieurs objectifs figure sous chacun d’eux.',
  contents: 'Table des matières',
  reference: 'Référence',
  by: 'Présentée par',
  summary: 'Résumé',
  page: 'Page {n} sur {total}',
};
