/**
 * The production build's web process on the real components, with one open forum of 200 published
 * inputs, for the benchmarks that look at public pages as a browser does (page weight, Lighthouse).
 */
import { staffUsers } from '../db/schema';
import { createForum } from '../tests/factories/forums';
import { seedQueue } from './queue-seed';
import { startBenchServices, startWebProcess } from './web-process';

/** The public pages the weight and Lighthouse targets are about, in English and Arabic. */
export function publicPages(forumSlug: string): Array<{ name: string; path: string }> {
  return ['en', 'ar'].flatMap((lang) => [
    { name: `home (${lang})`, path: `/${lang}` },
    { name: `forum listing (${lang})`, path: `/${lang}/forums/${forumSlug}` },
    { name: `all inputs, searched (${lang})`, path: `/${lang}/inputs?q=${encodeURIComponent(lang === 'ar' ? 'الهجرة' : 'migration')}` },
    { name: `submission form (${lang})`, path: `/${lang}/forums/${forumSlug}/submit` },
  ]);
}

export async function withPublicPortal(fn: (portal: { appUrl: string; forumSlug: string }) => Promise<void>): Promise<void> {
  const { services, handle, stop } = await startBenchServices('pages');
  let web: Awaited<ReturnType<typeof startWebProcess>> | undefined;
  try {
    const forum = await createForum(handle.db, 'open', {
      slug: 'imrf-2026',
      referencePrefix: 'IMRF26',
      name: { en: 'International Migration Review Forum 2026', ar: 'منتدى استعراض الهجرة الدولية 2026' },
    });
    const [moderator] = await handle.db.insert(staffUsers).values({ email: 'pages@bench.example.org', displayName: 'Bench', role: 'moderator' }).returning();
    await seedQueue(handle.sql, { confirmed: 200, unconfirmed: 0, publishAll: true, staffId: moderator.id, forums: [{ id: forum.id, referencePrefix: forum.referencePrefix, share: 1 }] });

    web = await startWebProcess(services);
    await fn({ appUrl: web.appUrl, forumSlug: forum.slug });
  } finally {
    web?.stop();
    await stop();
  }
}
