import type { Db } from '../../db/client';
import { listQueuePage } from '../../app/modules/moderation/moderation-queue';
import { parseQueueFilter } from '../../app/modules/moderation/queue-filter';

/** Ids of the inputs waiting for a decision, as the moderation queue lists them (every forum). */
export async function waitingInQueue(db: Db): Promise<string[]> {
  const page = await listQueuePage(db, parseQueueFilter(new URLSearchParams()), 'all', 10_000);
  return page.rows.map((r) => r.id);
}
