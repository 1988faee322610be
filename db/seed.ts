/**
 * Demo data for development only: forums in three call states and a demo admin. Every demo forum
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
      isDemo: true,
    },
    {
      slug: 'arab-region-review-2028-demo',
      referencePrefix: 'RR28ESCWA',
      name: { en: 'Regional Review 2028 – Arab region (demo)', ar: 'الاستعراض الإقليمي 2028 – المنطقة العربية (تجريبي)' },
      guidance: { en: 'Demo call, opening later.', ar: 'دعوة تجريبية تُفتح لاحقًا.' },
      scope: 'ESCWA',
      timeZone: 'Asia/Beirut',
      opensAt: new Date(now.getTime() + 60 * DAY),
      closesAt: new Date(now.getTime() + 120 * DAY),
      inputLanguages: ['ar', 'en', 'fr'],
      limits: STANDARD_LIMITS,
      isDemo: true,
    },
    {
      slug: 'imrf-2022-demo',
      referencePrefix: 'IMRF22',
      name: { en: 'International Migration Review Forum 2022 (demo, closed)', ar: 'منتدى استعراض الهجرة الدولية 2022 (تجريبي، مغلق)' },
      guidance: { en: 'Demo of a closed call.', ar: 'مثال تجريبي على دعوة مغلقة.' },
      scope: 'global',
      timeZone: 'America/New_York',
      opensAt: new Date('2022-01-10T14:00:00Z'),
      closesAt: new Date('2022-03-01T22:00:00Z'),
      inputLanguages: ALL_UN_LANGUAGES,
      limits: STANDARD_LIMITS,
      isDemo: true,
    },
  ];
}

/** Inserts the demo forums; on later starts keeps the open demo call open (its window moves). */
export async function seedDemoForums(db: Db, now = new Date()): Promise<void> {
  for (const forum of demoForums(now)) {
    await db
      .insert(forums)
      .values(forum)
      .onConflictDoUpdate({
        target: forums.slug,
        set: { opensAt: forum.opensAt, closesAt: forum.closesAt },
        setWhere: sql`${forums.isDemo}`,
      });
  }
}
