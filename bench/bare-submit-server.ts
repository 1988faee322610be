/**
 * The submit rush's baseline: what the least a server could do with the same request costs on
 * this machine. A bare `node:http` server reads the same multipart body, parses it with the
 * platform's own FormData parser, and stores it with one postgres.js INSERT; no validation, no
 * file kept, no outbox, no audit. Run as its own process, as the portal's web process is.
 *
 *   DATABASE_URL=… PORT=… node --import tsx bench/bare-submit-server.ts
 */
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { connectPostgres } from '../db/connect';

const sql = connectPostgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
await sql`create table if not exists bench_bare_inputs (
  id bigint generated always as identity primary key,
  email text not null,
  title text not null,
  body text not null,
  file_name text,
  file_bytes integer
)`;

const server = createServer(async (req, res) => {
  try {
    const request = new Request(`http://bench${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit);
    const form = await request.formData();
    const file = form.get('attachments');
    const attached = file instanceof File && file.size > 0 ? file : undefined;
    await sql`insert into bench_bare_inputs (email, title, body, file_name, file_bytes)
              values (${String(form.get('email'))}, ${String(form.get('title'))}, ${String(form.get('body'))}, ${attached?.name ?? null}, ${attached?.size ?? null})`;
    res.writeHead(201, { 'Content-Type': 'text/plain' }).end('stored');
  } catch (error) {
    res.writeHead(400, { 'Content-Type': 'text/plain' }).end((error as Error).message);
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => sql.end({ timeout: 2 }).then(() => process.exit(0))));
