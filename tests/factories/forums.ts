import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { forums, type Forum, type NewForum } from '../../db/schema';

const DAY = 86_400_000;

/** A forum with a unique slug and prefix; traits set the call's state. */
export async function createForum(db: Db, trait: 'open' | 'closed' | 'upcoming' = 'open', overrides: Partial<NewForum> = {}): Promise<Forum> {
  const tag = randomBytes(4).toString('hex').toUpperCase();
  const now = Date.now();
  const window = {
    open: { opensAt: new Date(now - DAY), closesAt: new Date(now + 30 * DAY) },
    closed: { opensAt: new Date(now - 30 * DAY), closesAt: new Date(now - DAY) },
    upcoming: { opensAt: new Date(now + DAY), closesAt: new Date(now + 30 * DAY) },
  }[trait];
  const [forum] = await db
    .insert(forums)
    .values({
      slug: `test-${tag.toLowerCase()}`,
      referencePrefix: `T${tag}`,
      name: { en: `Test forum ${tag}`, ar: `منتدى اختبار ${tag}` },
      guidance: { en: 'Test guidance', ar: 'إرشادات الاختبار' },
      scope: 'global',
      timeZone: 'America/New_York',
      inputLanguages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
      limits: { titleMaxChars: 200, summaryMaxChars: 1500, bodyMaxWords: 3000 },
      ...window,
      ...overrides,
    })
    .returning();
  return forum;
}
