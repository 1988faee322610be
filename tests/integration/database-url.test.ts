/**
 * DATABASE_URL may name a Unix socket as libpq does (`?host=/dir`), which is how the project's
 * own PostgreSQL is reached (half the client CPU per statement of TCP on loopback). postgres.js
 * does not read that form by itself; db/connect.ts does, for every connection the project opens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type postgres from 'postgres';
import { connectPostgres } from '../../db/connect';

const opened: postgres.Sql[] = [];
const connect = (url: string) => {
  const sql = connectPostgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  opened.push(sql);
  return sql;
};
/** NULL client address: the connection came over a Unix socket, not TCP. */
const clientAddress = async (sql: postgres.Sql) => (await sql`select inet_client_addr() as addr`)[0].addr;

afterEach(async () => {
  for (const sql of opened.splice(0)) await sql.end({ timeout: 1 });
});

describe('a DATABASE_URL naming a Unix socket', () => {
  const url = new URL(inject('databaseUrl'));

  it('is what the suite runs on, and connects over the socket', async () => {
    expect(url.searchParams.get('host')).toMatch(/^\//);
    expect(await clientAddress(connect(url.toString()))).toBeNull();
  });

  it('takes the port from libpq\'s port parameter, and skips TLS on the socket as libpq does', async () => {
    const viaParameters = new URL(url);
    viaParameters.searchParams.set('port', url.port);
    viaParameters.port = '1';
    viaParameters.searchParams.set('sslmode', 'require');
    expect(await clientAddress(connect(viaParameters.toString()))).toBeNull();
  });

  it('without the parameter, is an ordinary TCP address', async () => {
    const tcp = new URL(url);
    tcp.searchParams.delete('host');
    expect(await clientAddress(connect(tcp.toString()))).toBe('127.0.0.1');
  });

  it('fails to connect when the socket is not there, rather than falling back to TCP', async () => {
    const wrong = new URL(url);
    wrong.searchParams.set('host', '/nonexistent-socket-dir');
    await expect(connect(wrong.toString())`select 1`).rejects.toThrow(/ENOENT/);
  });
});
