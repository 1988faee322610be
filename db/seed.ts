/**
 * Demo data for development only: a global IMRF call that is open, a regional review that opens
 * later and one that has closed, each with realistic settings of its own (limits, languages,
 * attachments, required fields), and a demo admin. Every demo forum
 * is flagged `is_demo` and named as a demo, so nobody mistakes it for a real call.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { forums, type NewForum } from './schema';

const DAY = 24 * 60 * 60 * 1000;
const STANDARD_LIMITS = { titleMaxChars: 200, summaryMaxChars: 1_500, bodyMaxWords: 3_000 };
const ALL_UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export function demoForums(now = new Date()): NewForum[] {
  return [
    {
      slug: 'imrf-2026-demo',
      referencePrefix: 'IMRF26',
      name: { en: 'International Migration Review Forum 2026 (demo)', ar: 'منتدى استعراض الهجرة الدولية 2026 (تجريبي)' },
      guidance: {
        en: 'Demo call. Share progress, gaps and practices in implementing the Global Compact for Migration. Inputs of up to 3,000 words in any UN language are welcome.',
        ar: 'دعوة تجريبية. شارِك التقدم المحرز والثغرات والممارسات في تنفيذ الاتفاق العالمي من أجل الهجرة. نرحب بالمساهمات التي لا تتجاوز 3000 كلمة بأي من لغات الأمم المتحدة.',
      },
      scope: 'global',
      timeZone: 'America/New_York',
      opensAt: new Date(now.getTime() - 7 * DAY),
      closesAt: new Date(now.getTime() + 42 * DAY),
      inputLanguages: ALL_UN_LANGUAGES,
      limits: STANDARD_LIMITS,
      attachmentRules: { allowedTypes: ['pdf', 'docx', 'odt'], maxSizeMb: 25, maxCount: 1 },
      isDemo: true,
    },
    {
      slug: 'arab-region-review-2028-demo',
      referencePrefix: 'RR28ESCWA',
      name: { en: 'Regional Review 2028 – Arab region (demo)', ar: 'الاستعراض الإقليمي 2028 – المنطقة العربية (تجريبي)' },
      guidance: {
        en: 'Demo call, opening later. Inputs on migration governance in the Arab region, in Arabic, English or French: a summary of 300 to 1,500 characters and a text of up to 1,000 words.',
        ar: 'دعوة تجريبية تُفتح لاحقًا. مساهمات عن حوكمة الهجرة في المنطقة العربية، بالعربية أو الإنكليزية أو الفرنسية: ملخص من 300 إلى 1500 حرف ونص لا يتجاوز 1000 كلمة.',
        fr: 'Appel de démonstration, ouvert plus tard. Contributions sur la gouvernance des migrations dans la région arabe.',
      },
      scope: 'ESCWA',
      timeZone: 'Asia/Beirut',
      opensAt: new Date(now.getTime() + 60 * DAY),
      closesAt: new Date(now.getTime() + 120 * DAY),
      inputLanguages: ['ar', 'en', 'fr'],
      limits: { titleMaxChars: 150, summaryMinChars: 300, summaryMaxChars: 1_500, bodyMaxWords: 1_000 },
      attachmentRules: { allowedTypes: ['pdf', 'docx'], maxSizeMb: 10, maxCount: 2 },
      requiredFields: ['principles'],
      isDemo: true,
    },
    {
      slug: 'ece-regional-review-2024-demo',
      referencePrefix: 'RR24ECE',
      name: {
        en: 'Regional Review 2024 – Europe, North America and Central Asia (demo, closed)',
        ar: 'الاستعراض الإقليمي 2024 – أوروبا وأمريكا الشمالية وآسيا الوسطى (تجريبي، مغلق)',
      },
      guidance: {
        en: 'Demo of a closed call: the regional review of the UNECE region, held in Geneva. A late-access code from the secretariat still opens its form.',
        ar: 'مثال تجريبي على دعوة مغلقة: الاستعراض الإقليمي لمنطقة اللجنة الاقتصادية لأوروبا، المنعقد في جنيف. لا يزال رمز الدخول المتأخر من الأمانة يفتح نموذجها.',
        ru: 'Демонстрация закрытого призыва: региональный обзор в регионе ЕЭК ООН.',
      },
      scope: 'ECE',
      timeZone: 'Europe/Zurich',
      // 17:00 Geneva time (CET then CEST).
      opensAt: new Date('2024-01-15T16:00:00Z'),
      closesAt: new Date('2024-04-05T15:00:00Z'),
      inputLanguages: ['en', 'fr', 'ru'],
      limits: STANDARD_LIMITS,
      attachmentRules: { allowedTypes: ['pdf', 'docx', 'odt', 'txt'], maxSizeMb: 10, maxCount: 1 },
      requiredFields: ['organisation'],
      publishOrganisationByDefault: true,
      isDemo: true,
    },
  ];
}

/**
 * Inserts the demo forums; on later starts keeps the open demo call open (its window moves, and the
 * version too, so an admin's form open meanwhile does not silently undo it). Development only.
 */
export async function seedDemoForums(db: Db, now = new Date()): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('demo forums are for development only');
  for (const forum of demoForums(now)) {
    await db
      .insert(forums)
      .values(forum)
      .onConflictDoUpdate({
        target: forums.slug,
        set: { opensAt: forum.opensAt, closesAt: forum.closesAt, version: sql`${forums.version} + 1` },
        setWhere: sql`${forums.isDemo}`,
      });
  }
}
