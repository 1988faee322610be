/**
 * Publication PDFs against the real database and the real worker code: publishing renders one,
 * a redaction renders it again from the new public version, erasing the submitter's personal
 * data removes the name from it, and withdrawal from publication deletes it. Read back with
 * poppler, as a reader's tools would.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { currentPublicationPdf } from '../../app/modules/publication/publication-pdf';
import { loadPublicVersion, savePublicVersion } from '../../app/modules/publication/public-version';
import { unpublishSubmission } from '../../app/modules/publication/publish';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { erasePersonalData } from '../../app/modules/submissions/personal-data';
import { outbox, publicationPdfs } from '../../db/schema';
import { processOutboxJob } from '../../workers/process-job';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { arabicFixture } from '../helpers/fixtures';
import { testDb, workerDeps } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());
const APP_URL = 'http://localhost:3000';
const OUT = 'test-results/pdf';
mkdirSync(OUT, { recursive: true });

const squeeze = (s: string) => s.replace(/[\s\u200E\u200F\u202A-\u202E]+/g, '');
function textOf(name: string, pdf: Uint8Array): string {
  writeFileSync(`${OUT}/${name}.pdf`, pdf);
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', `${OUT}/${name}.pdf`, `${OUT}/${name}`]);
  return squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', `${OUT}/${name}.pdf`, '-'], { encoding: 'utf8' }));
}
/** Runs the render jobs waiting for this input, as the worker would. */
async function runRenderJobs(submissionId: string) {
  const rows = await db.select().from(outbox).where(and(eq(outbox.submissionId, submissionId), eq(outbox.kind, 'render-publication'), isNull(outbox.doneAt)));
  for (const row of rows) await processOutboxJob(workerDeps(db), row.id);
  return rows.length;
}
const stored = async (submissionId: string) => (await db.select().from(publicationPdfs).where(eq(publicationPdfs.submissionId, submissionId)))[0];

describe('publication PDFs', () => {
  it('are rendered on publication, again after a redaction, without the name after erasure, and removed on withdrawal', async () => {
    const forum = await createForum(db, 'open', { name: { en: 'Regional review for the Arab region', ar: 'الاستعراض الإقليمي للمنطقة العربية' } });
    const staff = await upsertStaffUser(db, { email: `pdf-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'PDF', role: 'moderator', password: 'correct horse battery staple' });
    const body = `${arabicFixture('ar-arab-region-imrf-briefing').slice(0, 1500)}\nمركز الاحتجاز في قرية الزيتون يأوي أطفالًا.`;
    const input = await createTestSubmission(db, forum, {
      language: 'ar', title: 'الاحتجاز الإداري للأطفال المهاجرين', summary: 'توصيات لإنهاء احتجاز الأطفال.', body,
      organisation: 'شبكة حقوق المهاجرين', publishOrganisation: true, country: 'JO', objectives: ['13'],
    });
    expect(await runRenderJobs(input.id)).toBe(0);
    await decide(db, { submissionId: input.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } });
    expect(await runRenderJobs(input.id)).toBe(1);
    const first = await stored(input.id);
    const text = textOf('publication-flow-1', first.pdf);
    expect(text).toContain(squeeze('الاحتجاز الإداري للأطفال المهاجرين'));
    expect(text).toContain(squeeze('شبكة حقوق المهاجرين'));
    expect(text).toContain(squeeze('قرية الزيتون'));
    expect(text).toContain(input.reference);
    expect(text).toContain(squeeze('كيفية الاستشهاد بهذه المساهمة'));
    // Serving it renders nothing new: the stored PDF is current.
    const served = await currentPublicationPdf(db, input.reference, APP_URL);
    expect(served?.rendered).toBe(false);
    expect(Buffer.compare(served!.pdf, first.pdf)).toBe(0);

    const view = await loadPublicVersion(db, input.id);
    const redactedBody = body.replace('قرية الزيتون', '[مكان محجوب]');
    expect((await savePublicVersion(db, { submissionId: input.id, staffId: staff.id, basis: view!.basis, shown: { nameHidden: false, files: false }, version: { ...view!.current, body: redactedBody, nameHidden: false, withheldAttachmentIds: [] } })).ok).toBe(true);
    expect(await runRenderJobs(input.id)).toBe(1);
    const redacted = textOf('publication-flow-2', (await stored(input.id)).pdf);
    expect(redacted).not.toContain(squeeze('قرية الزيتون'));
    expect(redacted).toContain(squeeze('[مكان محجوب]'));

    expect((await erasePersonalData(db, input.id)).erased).toBe(true);
    // The old file went with the erasure, before any worker ran.
    expect(await stored(input.id)).toBeUndefined();
    expect(await runRenderJobs(input.id)).toBe(1);
    const erased = textOf('publication-flow-3', (await stored(input.id)).pdf);
    expect(erased).not.toContain(squeeze('شبكة حقوق المهاجرين'));
    expect(erased).toContain(squeeze('[مكان محجوب]'));

    await unpublishSubmission(db, { submissionId: input.id, staffId: staff.id, reason: 'Published in error.' });
    expect(await runRenderJobs(input.id)).toBe(1);
    expect(await stored(input.id)).toBeUndefined();
    expect(await currentPublicationPdf(db, input.reference, APP_URL)).toBeUndefined();
  });
});
