/**
 * Opens postgres.js on a DATABASE_URL. The URL may name a Unix socket the way libpq does,
 * `postgres://user:pass@localhost:5432/db?host=/run/postgresql`, so one URL serves the portal, psql
 * and pg_dump alike. postgres.js reads the host from the URL's authority only and would send an
 * unknown `host` parameter to the server as a setting (which the server refuses), so it is turned
 * into postgres.js's own `host` option here. Every connection the project opens goes through this.
 *
 * Why a socket: on one machine a statement over the Unix socket costs the client about half the
 * CPU it costs over TCP on 127.0.0.1 (docs/performance.md), and a submission sends about ten.
 */
import postgres from 'postgres';

export function connectPostgres(url: string, options: postgres.Options<{}> = {}): postgres.Sql {
  const parsed = new URL(url);
  const socketDir = parsed.searchParams.get('host');
  if (!socketDir) return postgres(url, options);
  // libpq's `port` parameter names the socket's port too; TLS never runs over a socket (libpq
  // skips it there, postgres.js would ask for it and be refused).
  const port = Number(parsed.searchParams.get('port') || parsed.port || process.env.PGPORT || 5432);
  for (const name of ['host', 'port', 'sslmode']) parsed.searchParams.delete(name);
  return postgres(parsed.toString(), { ...options, host: socketDir, port, ssl: false });
}
