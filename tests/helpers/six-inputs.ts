/**
 * One realistic published input in each UN language, as the database gives it (PublicInput), for
 * the PDF tests to run the portal's own view builders on. Each has a line mixing directions or
 * scripts: Arabic with Latin words and digits, Latin with an Arabic term, Chinese with Latin
 * letters and digits, French typography's no-break spaces.
 */
import type { PublicInput } from '../../app/modules/publication/public-inputs';
import { arabicFixture, TRICKY_TEXTS } from './fixtures';

export interface SixInputTexts {
  title: string;
  summary: string;
  body: string;
  organisation: string;
  /** A published file's name. */
  file: string;
  constituency: string;
}

export const FORUM_NAME = {
  en: 'International Migration Review Forum 2026', ar: 'منتدى استعراض الهجرة الدولية 2026', fr: 'Forum d’examen des migrations internationales 2026',
  es: 'Foro de Examen de la Migración Internacional 2026', ru: 'Форум по обзору международной миграции 2026 года', zh: '2026年国际移民审查论坛',
};
/** The input in `language` as the public record reads it. */
export const publicInputIn = (language: string, texts: SixInputTexts): PublicInput => ({
  reference: `IMRF26-01${['ar', 'zh', 'en', 'fr', 'ru', 'es'].indexOf(language)}7`,
  authorName: null,
  authorOrganisation: texts.organisation,
  submitterType: 'organisation',
  constituency: texts.constituency,
  country: { ar: 'JO', zh: 'CN', en: 'PH', fr: 'SN', ru: 'KG', es: 'CO' }[language]!,
  region: { ar: 'ESCWA', zh: 'ESCAP', en: 'ESCAP', fr: 'ECA', ru: 'ECE', es: 'ECLAC' }[language]!,
  title: texts.title,
  summary: texts.summary,
  body: texts.body,
  language,
  objectives: { ar: ['6', '23'], zh: ['22'], en: ['6', '22'], fr: ['6'], ru: ['22', '23'], es: ['15'] }[language]!,
  principles: ['human_rights', 'gender_responsive'],
  publishedAt: new Date('2026-11-23T10:00:00Z'),
  forumSlug: 'imrf-2026',
  forumName: FORUM_NAME,
});

const MIXED_AR = 'توصي الشبكة بإدراج الهدف 6 من GCM في خطط التنفيذ الوطنية لعام 2026، بالتعاون مع IOM وUNDP.';
/** [language, texts, the line of it that mixes directions or scripts]. */
export const SIX_INPUTS: Array<[string, SixInputTexts, string]> = [
  ['ar', {
    title: 'حقوق العمال المهاجرين في المنطقة العربية',
    summary: MIXED_AR,
    body: `${TRICKY_TEXTS.vowelled}\n${arabicFixture('ar-arab-region-imrf-briefing').trim()}`,
    organisation: 'شبكة حقوق المهاجرين',
    file: 'توصيات الشبكة.pdf',
    constituency: 'civil_society',
  }, MIXED_AR],
  ['zh', {
    title: '保障移民工人的社会保障权利',
    summary: '本意见依据2025年对1200名移民工人的调查，就《全球移民契约》（GCM）目标22提出建议。',
    body: '社会保障福利的可转移性仍然有限。多数双边劳务协议没有涉及养老金问题。\n我们建议各国在2027年前签订社会保障协定，并通过ILO的技术援助建立数据交换机制。',
    organisation: '亚洲移民研究中心',
    file: '调查报告.pdf',
    constituency: 'academia',
  }, '本意见依据2025年对1200名移民工人的调查，就《全球移民契约》（GCM）目标22提出建议。'],
  ['en', {
    title: 'Fair recruitment and decent work for migrant domestic workers',
    summary: 'Recommendations on objectives 6 and 22, drawn from 140 interviews in Beirut, Amman and Doha (2024–2025).',
    body: 'Workers described the kafala (الكفالة) system as the main obstacle to changing employers.\nRecruitment fees must never be charged to workers; where they were, 83% of those we met were still repaying loans after a year.',
    organisation: 'Migrant Domestic Workers Alliance',
    file: 'survey-findings.pdf',
    constituency: 'migrants',
  }, 'Workers described the kafala (الكفالة) system as the main obstacle to changing employers.'],
  ['fr', {
    title: 'Recrutement équitable et travail décent pour les travailleuses domestiques migrantes',
    summary: 'Recommandations sur les objectifs 6 et 22, fondées sur 95 entretiens menés à Dakar et à Thiès en 2025.',
    // French typography: no-break spaces inside « » and before ! ; and in grouped digits.
    body: 'Les travailleuses rencontrées décrivent des frais de recrutement équivalant à trois mois de salaire, soit 1\u202F250\u00A0€ en moyenne\u202F!\nNous recommandons que les États ratifient la Convention nº\u00A0189 de l’OIT et créent un «\u00A0guichet unique\u00A0» d’information avant le départ.',
    organisation: 'Réseau des femmes migrantes d’Afrique de l’Ouest',
    file: 'Synthèse des entretiens.pdf',
    constituency: 'migrant_diaspora_organisations',
  }, 'Nous recommandons que les États ratifient la Convention nº\u00A0189 de l’OIT et créent un «\u00A0guichet unique\u00A0» d’information avant le départ.'],
  ['ru', {
    title: 'Защита прав трудящихся-мигрантов в Центральной Азии',
    summary: 'Рекомендации по целям 6 и 22 ГДМ на основе 310 интервью, проведённых в 2025 году в Бишкеке и Оше.',
    body: 'Трудящиеся-мигранты часто не могут перевести пенсионные накопления при возвращении домой.\nМы рекомендуем заключить двусторонние соглашения о социальном обеспечении и использовать стандарты МОТ (ILO C097).',
    organisation: 'Центр поддержки мигрантов «Ынтымак»',
    file: 'Рекомендации.docx',
    constituency: 'civil_society',
  }, 'Мы рекомендуем заключить двусторонние соглашения о социальном обеспечении и использовать стандарты МОТ (ILO C097).'],
  ['es', {
    title: 'Acceso a servicios básicos para personas migrantes en tránsito',
    summary: 'Recomendaciones sobre los objetivos 6 y 22, basadas en 220 entrevistas realizadas en Cúcuta y Pasto en 2025.',
    body: '¿Cómo garantizar la atención médica a quien cruza la frontera a pie? Las personas entrevistadas señalan la falta de documentos como el principal obstáculo.\nProponemos que los Estados reconozcan la afiliación a la seguridad social adquirida en el país de origen y amplíen los Centros de Atención al Migrante (CAM).',
    organisation: 'Red Andina de Acompañamiento a Personas Migrantes',
    file: 'Informe de campo.pdf',
    constituency: 'faith_based',
  }, '¿Cómo garantizar la atención médica a quien cruza la frontera a pie?'],
];
