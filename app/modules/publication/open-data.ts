/**
 * Open data: every published input of a forum (or of all forums) as CSV or JSON, streamed. Rows
 * are read in keyset batches and written as they come, so an export of 100,000 inputs holds one
 * batch in memory, never the whole record. A record is the API's public input resource (consented
 * fields only, the public version of the text); the CSV has one column per field, documented in
 * OPEN_DATA_COLUMNS and in the OpenAPI document.
 */
import type { Db } from '../../../db/client';
import { pagePublishedInputs, type ListingPosition, type PublicInput } from './public-inputs';

const BATCH = 500;

/** The published inputs, newest first, one batch at a time. */
export async function* publishedInputBatches(db: Db, forumId: string | undefined, batchSize = BATCH): AsyncGenerator<PublicInput[]> {
  let after: ListingPosition | undefined;
  do {
    const page = await pagePublishedInputs(db, forumId, { limit: batchSize, after });
    if (page.inputs.length) yield page.inputs;
    after = page.next;
  } while (after);
}

/** The CSV's columns, in order: a name and how to read it from an input. Lists are joined with ";". */
export const OPEN_DATA_COLUMNS: ReadonlyArray<{ name: string; description: string; value: (i: PublicInput, appUrl: string) => string }> = [
  { name: 'reference', description: 'Permanent reference of the input.', value: (i) => i.reference },
  { name: 'forum', description: 'Short name (slug) of the forum.', value: (i) => i.forumSlug },
  { name: 'published_at', description: 'When it was published (ISO 8601, UTC).', value: (i) => i.publishedAt!.toISOString() },
  { name: 'language', description: 'Language of the text (ISO 639-1).', value: (i) => i.language },
  { name: 'title', description: 'Title, as published.', value: (i) => i.title },
  { name: 'summary', description: 'Summary, as published.', value: (i) => i.summary },
  { name: 'body', description: 'Full text, as published.', value: (i) => i.body },
  { name: 'author_name', description: 'Name of the author, only where they agreed to its publication.', value: (i) => i.authorName ?? '' },
  { name: 'author_organisation', description: 'Organisation, only where the author agreed to its publication.', value: (i) => i.authorOrganisation ?? '' },
  { name: 'submitter_type', description: 'individual, organisation or network.', value: (i) => i.submitterType },
  { name: 'constituency', description: 'Stakeholder group (key).', value: (i) => i.constituency },
  { name: 'country', description: 'Country (ISO 3166-1 alpha-2).', value: (i) => i.country },
  { name: 'region', description: 'UN regional commission (ECA, ECE, ECLAC, ESCAP, ESCWA).', value: (i) => i.region },
  { name: 'objectives', description: 'GCM objectives addressed (numbers, separated by ";").', value: (i) => i.objectives.join(';') },
  { name: 'principles', description: 'Guiding principles addressed (keys, separated by ";").', value: (i) => i.principles.join(';') },
  { name: 'url', description: 'Public page of the input.', value: (i, appUrl) => new URL(`/en/inputs/${i.reference}`, appUrl).toString() },
];

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, a comma or a line break. Text is kept
 * exactly as published; a spreadsheet should open the file as data (cells starting with "=" are
 * text in this record, not formulas).
 */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const csvLine = (values: string[]) => `${values.map(csvField).join(',')}\r\n`;

/** Streams the CSV: a UTF-8 byte-order mark (so spreadsheets read Arabic right), a header, a row per input. */
export function csvExport(db: Db, forumId: string | undefined, appUrl: string): ReadableStream<Uint8Array> {
  return streamOf(async function* () {
    yield `\uFEFF${csvLine(OPEN_DATA_COLUMNS.map((c) => c.name))}`;
    for await (const batch of publishedInputBatches(db, forumId)) {
      yield batch.map((i) => csvLine(OPEN_DATA_COLUMNS.map((c) => c.value(i, appUrl)))).join('');
    }
  });
}

/** Streams a JSON array of records made by `toRecord` (the API's public input resource). */
export function jsonExport<T>(db: Db, forumId: string | undefined, toRecord: (i: PublicInput) => T): ReadableStream<Uint8Array> {
  return streamOf(async function* () {
    let first = true;
    yield '[';
    for await (const batch of publishedInputBatches(db, forumId)) {
      for (const input of batch) {
        yield `${first ? '\n' : ',\n'}${JSON.stringify(toRecord(input))}`;
        first = false;
      }
    }
    yield '\n]\n';
  });
}

/** A byte stream pulled from text chunks: the next batch is read only when the client takes the last. */
function streamOf(chunks: () => AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}
