/**
 * What the load generator sends: a realistic mix of inputs. English, Arabic (real texts, with
 * vowel marks and both Arabic-Indic and Latin digits), French and Spanish with accents, emoji;
 * 30% carry a PDF or a DOCX. Every input has a marker in its title, so the reconciler finds it in
 * the database whatever happened to the request that carried it.
 */
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { docx } from '../tests/factories/office-files';

export type InputLanguage = 'en' | 'ar' | 'fr' | 'es';

export interface PlannedInput {
  marker: string;
  locale: InputLanguage;
  email: string;
  fields: Record<string, string>;
  file?: { name: string; type: string; bytes: Uint8Array };
}

const arabic = readFileSync(new URL('../tests/fixtures/ar-gcm-national-implementation-plans.txt', import.meta.url), 'utf8');
const arabicParagraphs = arabic.split(/\n+/).filter((p) => p.trim().split(/\s+/).length > 12);

const TEXTS: Record<InputLanguage, { title: string; summary: string; body: (i: number) => string }> = {
  en: {
    title: 'Regular pathways and decent work',
    summary: 'Recommendations on labour mobility and the rights of migrant workers.',
    body: (i) => `Safe, orderly and regular migration needs pathways that match labour needs. 🤝🏽 Case ${i}: 12 recommendations follow.\n\n`.repeat(6),
  },
  ar: {
    title: 'الهجرةُ الآمنةُ والمنظَّمةُ والنظاميَّة ٢٠٢٦',
    summary: 'توصياتٌ بشأن خطط التنفيذ الوطنية للهدف ٢٣ (Objective 23).',
    body: (i) => `${arabicParagraphs[i % arabicParagraphs.length]}\n\nبِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ — الحالة رقم ${i} و١٢٣٤٥.\n\n${arabicParagraphs[(i + 1) % arabicParagraphs.length]}`,
  },
  fr: {
    title: 'Voies régulières et accès à la justice',
    summary: 'Les migrants doivent accéder aux services de base, sans crainte d’être dénoncés.',
    body: (i) => `Les États s’engagent à garantir l’accès à la justice. Cas n° ${i} : « pare-feu » entre services et contrôle migratoire. 🌍\n\n`.repeat(6),
  },
  es: {
    title: 'Inspecciones laborales y reclutamiento ético',
    summary: 'La contratación equitativa protege a las personas trabajadoras migrantes.',
    body: (i) => `Las inspecciones laborales deben separarse del control migratorio. Caso número ${i}: señalización y niñez migrante. ✊🏾\n\n`.repeat(6),
  },
};

const LANGUAGES: InputLanguage[] = ['en', 'ar', 'ar', 'fr', 'es'];

export interface InputMix {
  plan(runId: string, i: number): PlannedInput;
}

/** Builds the attachments once (a PDF and a DOCX), then plans input `i` of run `runId`. */
export async function inputMix(): Promise<InputMix> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Written input to the review forum');
  const pdf = await doc.save();
  const word = docx({}, 'نص المساهمة');
  return {
    plan(runId, i) {
      const locale = LANGUAGES[i % LANGUAGES.length];
      const text = TEXTS[locale];
      const marker = `L${runId}-${i}`;
      const email = `load-${runId}-${i}@example.org`;
      // 3 in 10 inputs carry a file, alternating PDF and DOCX.
      const file =
        i % 10 < 3
          ? i % 2
            ? { name: `تقرير-${i}.pdf`, type: 'application/pdf', bytes: pdf }
            : { name: `submission ${i}.docx`, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: word }
          : undefined;
      return {
        marker,
        locale,
        email,
        file,
        fields: {
          submitterType: 'organisation',
          contactName: locale === 'ar' ? `أمينة حداد ${i}` : `Ana María Núñez ${i}`,
          organisation: locale === 'ar' ? 'شبكة حقوق المهاجرين' : 'Réseau Migrants & Droits',
          email,
          constituency: 'civil_society',
          country: locale === 'ar' ? 'JO' : 'FR',
          language: locale,
          title: `${text.title} [${marker}]`,
          summary: text.summary,
          body: text.body(i),
          objectives: '23',
          consentPublication: 'yes',
        },
      };
    },
  };
}
