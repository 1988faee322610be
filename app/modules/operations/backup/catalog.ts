/**
 * What a backup holds and a restore loads, read from PostgreSQL's own catalogue at run time rather
 * than from a list kept by hand: a table added by a later migration is backed up without anyone
 * remembering to add it here.
 */
import type postgres from 'postgres';

export interface TableColumns {
  name: string;
  /** Loaded by COPY in this order; generated columns are left out (PostgreSQL computes them again). */
  columns: Array<{ name: string; type: string }>;
}

/** A column filled from a sequence (bigserial): the sequence must continue after the restored rows. */
export interface SerialColumn {
  table: string;
  column: string;
  sequence: string;
}

/** Table names the tool accepts: the schema's own snake_case names, so a name is never a path or SQL. */
export const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Every ordinary table of the public schema with its stored columns, by name. */
export async function readTables(sql: postgres.Sql | postgres.TransactionSql): Promise<TableColumns[]> {
  const rows = await sql<Array<{ table: string; column: string | null; type: string | null }>>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
    from pg_class c
    left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and not c.relispartition
    order by c.relname, a.attnum`;
  const tables = new Map<string, TableColumns>();
  for (const row of rows) {
    if (!TABLE_NAME.test(row.table)) throw new Error(`table "${row.table}" has a name this tool does not handle`);
    const table = tables.get(row.table) ?? { name: row.table, columns: [] };
    if (row.column && row.type) table.columns.push({ name: row.column, type: row.type });
    tables.set(row.table, table);
  }
  return [...tables.values()];
}

/**
 * Tables ordered so each comes after every table its foreign keys point to (a restore loads them
 * in this order with the constraints checked). A table referring to itself is fine: one COPY loads
 * all its rows before the check runs. A cycle between tables would need deferred constraints, which
 * the schema does not use; it is refused by name rather than loaded in an order that fails.
 */
export async function loadOrder(sql: postgres.Sql | postgres.TransactionSql, tables: string[]): Promise<string[]> {
  const edges = await sql<Array<{ table: string; references: string }>>`
    select distinct src.relname as table, dst.relname as references
    from pg_constraint k
    join pg_class src on src.oid = k.conrelid
    join pg_class dst on dst.oid = k.confrelid
    where k.contype = 'f' and src.relnamespace = 'public'::regnamespace and dst.relnamespace = 'public'::regnamespace
      and src.oid <> dst.oid`;
  const needs = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { table, references } of edges) needs.get(table)?.add(references);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    // Alphabetical among the tables ready, so two backups of one schema list tables alike.
    const ready = [...needs.keys()].filter((t) => !placed.has(t) && [...needs.get(t)!].every((r) => placed.has(r) || !needs.has(r))).sort();
    if (ready.length === 0) {
      const stuck = [...needs.keys()].filter((t) => !placed.has(t)).sort();
      throw new Error(`foreign keys form a cycle between ${stuck.join(', ')}; a restore cannot order them`);
    }
    for (const t of ready) {
      placed.add(t);
      order.push(t);
    }
  }
  return order;
}

/** Columns owned by a sequence (serial, bigserial, identity), with the sequence's qualified name. */
export async function readSerialColumns(sql: postgres.Sql | postgres.TransactionSql): Promise<SerialColumn[]> {
  return sql<SerialColumn[]>`
    select c.relname as table, a.attname as column, pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind = 'r'
      and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null
    order by c.relname, a.attname`;
}
